import pytest
from rest_framework.throttling import SimpleRateThrottle

from tests.helpers import error_code

pytestmark = pytest.mark.django_db


def login(api, user):
    return api.post("/api/v1/auth/token/", {"username": user.username, "password": "pw-for-tests"})


def test_token_pair_authenticates_requests(api, seeker):
    tokens = login(api, seeker).json()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert api.get("/api/v1/applications/").status_code == 200


def test_wrong_password_uses_the_envelope(api, seeker):
    response = api.post("/api/v1/auth/token/", {"username": seeker.username, "password": "nope"})
    assert response.status_code == 401
    assert error_code(response) == "no_active_account"


def test_refresh_rotates_and_the_old_refresh_token_dies(api, seeker):
    old_refresh = login(api, seeker).json()["refresh"]
    rotated = api.post("/api/v1/auth/token/refresh/", {"refresh": old_refresh})
    assert rotated.status_code == 200
    assert rotated.json()["refresh"] != old_refresh

    replayed = api.post("/api/v1/auth/token/refresh/", {"refresh": old_refresh})
    assert replayed.status_code == 401
    assert error_code(replayed) == "token_not_valid"


def test_anonymous_requests_are_throttled(api, monkeypatch):
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "2/minute"}
    )
    statuses = [api.get("/api/v1/categories/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = api.get("/api/v1/categories/")
    assert error_code(response) == "throttled"
    assert int(response["Retry-After"]) > 0


def test_unknown_url_gets_the_envelope_too(api):
    response = api.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "Not found.", "details": None}
    }


def test_malformed_json_is_a_parse_error(client_for, employer):
    response = client_for(employer).generic(
        "POST", "/api/v1/jobs/", "{not json", content_type="application/json"
    )
    assert (response.status_code, error_code(response)) == (400, "parse_error")


def test_wrong_method_uses_the_envelope(client_for, seeker):
    response = client_for(seeker).delete("/api/v1/applications/1/")
    assert (response.status_code, error_code(response)) == (405, "method_not_allowed")


def test_crashes_get_a_generic_envelope(rf):
    from config.exceptions import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b'"code": "server_error"' in response.content


def test_deleting_a_category_that_has_jobs_is_a_conflict(client_for, platform_admin, job):
    admin = client_for(platform_admin)
    response = admin.delete(f"/api/v1/categories/{job.category.slug}/")
    assert response.status_code == 409
    assert response.json() == {
        "error": {
            "code": "protected",
            "message": "It is still used by jobs; move or delete those first.",
            "details": None,
        }
    }
    assert admin.get(f"/api/v1/categories/{job.category.slug}/").status_code == 200
    job.delete()
    assert admin.delete(f"/api/v1/categories/{job.category.slug}/").status_code == 204
