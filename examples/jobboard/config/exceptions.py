from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

from jobs.errors import DomainError


# --8<-- [start:error_format]
class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def error_body(code: str, message: str, details=None) -> dict:
    return {"error": {"code": code, "message": message, "details": details}}


def api_exception_handler(exc: Exception, context: dict):
    """Every API error as {"error": {"code", "message", "details"}}."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DomainError):
        exc = Conflict(exc.message, code=exc.code)
    elif isinstance(exc, ProtectedError):
        # on_delete=PROTECT refused the delete, e.g. a category with jobs.
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in exc.protected_objects})
        message = f"It is still used by {' and '.join(kinds)}; move or delete those first."
        exc = Conflict(message, code="protected")

    # DRF sets the status and headers (WWW-Authenticate, Retry-After).
    response = exception_handler(exc, context)
    if response is None:
        return None  # a bug, not a client error: Django answers 500 and logs it

    if isinstance(exc, exceptions.ValidationError):
        # Field errors go to "details" untouched: {"salary_max": ["..."]}.
        response.data = error_body("validation_error", "Invalid input.", exc.detail)
        return response

    detail = exc.detail
    if isinstance(detail, dict):  # simplejwt: {"detail": ..., "code": ...}
        code = str(detail.get("code", exc.default_code))
        message = str(detail.get("detail", exc.default_detail))
    else:
        code = getattr(detail, "code", exc.default_code)
        message = str(detail)
    response.data = error_body(code, message)
    return response


# --8<-- [end:error_format]


# --8<-- [start:django_error_handlers]
# Errors that never reach a DRF view (an unknown URL, a crash) get the
# same envelope from Django's handlers (active when DEBUG is off).
def not_found(request, exception=None) -> JsonResponse:
    return JsonResponse(error_body("not_found", "Not found."), status=404)


def server_error(request) -> JsonResponse:
    return JsonResponse(error_body("server_error", "A server error occurred."), status=500)


# --8<-- [end:django_error_handlers]
