import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobs.models import Category, Job

pytestmark = pytest.mark.django_db

JOB = {
    "title": "Django Developer",
    "description": "Ship APIs.",
    "category": "backend",
    "location": "Remote",
    "job_type": "full_time",
    "salary_min": 30000,
    "salary_max": 50000,
}


# --8<-- [start:role_permission_test]
def test_anyone_can_read_jobs(api, job):
    assert api.get("/api/v1/jobs/").status_code == 200
    assert api.get(f"/api/v1/jobs/{job.pk}/").status_code == 200


def test_only_employers_post_jobs(api, client_for, seeker, employer, category):
    assert api.post("/api/v1/jobs/", JOB).status_code == 401  # no token
    assert client_for(seeker).post("/api/v1/jobs/", JOB).status_code == 403

    response = client_for(employer).post("/api/v1/jobs/", JOB)
    assert response.status_code == 201
    assert response.json()["employer"] == employer.username  # from the token, not the body


def test_employers_edit_only_their_own_jobs(client_for, job, other_employer, platform_admin):
    edit = {"title": "Renamed"}
    response = client_for(other_employer).patch(f"/api/v1/jobs/{job.pk}/", edit)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"

    assert client_for(job.employer).patch(f"/api/v1/jobs/{job.pk}/", edit).status_code == 200
    assert client_for(platform_admin).delete(f"/api/v1/jobs/{job.pk}/").status_code == 204


# --8<-- [end:role_permission_test]


def test_closed_jobs_are_visible_only_to_their_employer(api, client_for, make_job, seeker):
    closed = make_job(is_active=False)
    assert api.get("/api/v1/jobs/").json()["results"] == []
    assert client_for(seeker).get(f"/api/v1/jobs/{closed.pk}/").status_code == 404
    assert client_for(closed.employer).get(f"/api/v1/jobs/{closed.pk}/").status_code == 200


def test_salary_range_is_validated_with_the_error_envelope(client_for, employer, category):
    response = client_for(employer).post("/api/v1/jobs/", {**JOB, "salary_min": 90000})
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "validation_error",
            "message": "Invalid input.",
            "details": {"salary_max": ["Must be greater than or equal to salary_min."]},
        }
    }


def test_patch_compares_one_bound_with_the_stored_other(client_for, job):
    response = client_for(job.employer).patch(f"/api/v1/jobs/{job.pk}/", {"salary_max": 1})
    assert response.status_code == 400
    assert "salary_max" in response.json()["error"]["details"]


def test_filters_search_and_ordering(api, make_job, other_employer):
    make_job(title="Python Engineer", job_type="contract", salary_min=10000, salary_max=20000)
    make_job(title="Data Analyst", location="Nairobi", salary_min=50000, salary_max=90000)

    def titles(query: str) -> list[str]:
        return [job["title"] for job in api.get(f"/api/v1/jobs/?{query}").json()["results"]]

    assert titles("job_type=contract") == ["Python Engineer"]
    assert titles("location=nairobi") == ["Data Analyst"]
    assert titles("min_salary=80000") == ["Data Analyst"]
    assert titles("search=python") == ["Python Engineer"]
    assert titles("ordering=salary_min") == ["Python Engineer", "Data Analyst"]


def test_category_filter_resolves_the_slug_inside_the_one_query(api, make_job):
    make_job(title="API Developer")
    make_job(
        title="Product Designer", category=Category.objects.create(name="Design", slug="design")
    )
    with CaptureQueriesContext(connection) as queries:
        response = api.get("/api/v1/jobs/?category=design")
    assert [job["title"] for job in response.json()["results"]] == ["Product Designer"]
    (sql,) = [query["sql"] for query in queries]
    # The condition is on jobs_job.category_id, the column that
    # job_active_category_idx covers, not on the joined category's slug.
    assert '"jobs_job"."category_id" = (SELECT' in sql
    assert api.get("/api/v1/jobs/?category=no-such-slug").json()["results"] == []


def test_unknown_filter_value_is_a_validation_error(api):
    response = api.get("/api/v1/jobs/?job_type=forever")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"
    assert "job_type" in response.json()["error"]["details"]


def test_cursor_pagination_walks_every_job_once(api, make_job):
    created = {make_job().pk for _ in range(5)}
    seen, url = [], "/api/v1/jobs/?page_size=2"
    while url:
        page = api.get(url).json()
        seen += [job["id"] for job in page["results"]]
        url = page["next"]
    assert len(seen) == 5
    assert set(seen) == created
    assert seen == sorted(seen, reverse=True)  # newest first


def test_categories_are_managed_by_admins(api, client_for, employer, platform_admin):
    new = {"name": "Data", "slug": "data"}
    assert client_for(employer).post("/api/v1/categories/", new).status_code == 403
    assert client_for(platform_admin).post("/api/v1/categories/", new).status_code == 201
    assert [c["slug"] for c in api.get("/api/v1/categories/").json()] == ["data"]


def test_employer_is_taken_from_the_token_not_the_body(
    client_for, employer, other_employer, category
):
    response = client_for(employer).post("/api/v1/jobs/", {**JOB, "employer": other_employer.pk})
    assert Job.objects.get(pk=response.json()["id"]).employer == employer
