from rest_framework_simplejwt.tokens import AccessToken

from accounts.models import User


def bearer(user: User) -> str:
    """An Authorization header value with a fresh access token."""
    # An access token alone: no refresh token, so nothing is written to the
    # blacklist tables and query counts stay exact.
    return f"Bearer {AccessToken.for_user(user)}"


def error_code(response) -> str:
    """The code from the API's error envelope."""
    return response.json()["error"]["code"]
