import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

pytestmark = pytest.mark.django_db


# --8<-- [start:versioning_test]
def test_v1_is_served(api):
    response = api.get("/api/v1/jobs/")
    assert response.status_code == 200


def test_unsupported_version_is_a_clean_404(api):
    response = api.get("/api/v2/jobs/")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "Invalid version in URL path.", "details": None}
    }


# --8<-- [end:versioning_test]


def test_schema_documents_the_v1_paths(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = response.json()["paths"]
    assert {"/api/v1/jobs/", "/api/v1/jobs/{id}/", "/api/v1/applications/"} <= set(paths)


def test_swagger_ui_is_served_from_local_static_files(api):
    html = api.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")


def test_schema_generates_without_warnings(tmp_path):
    # Every view is typed well enough for drf-spectacular: no guessing.
    call_command(
        "spectacular", "--fail-on-warn", "--api-version", "v1", "--file", tmp_path / "api.yaml"
    )
    assert "/api/v1/applications/{id}/" in (tmp_path / "api.yaml").read_text()
