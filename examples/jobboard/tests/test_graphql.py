import pytest
import strawberry
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from jobs.models import Application, Job
from jobs.schema import Query
from tests.helpers import bearer

pytestmark = pytest.mark.django_db

JOBS_QUERY = "{ jobs(limit: 100) { title category { name } employer { username } } }"


def graphql(client, query: str, variables: dict | None = None, user=None) -> dict:
    headers = {"HTTP_AUTHORIZATION": bearer(user)} if user else {}
    response = client.post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
        **headers,
    )
    return response.json()


# --8<-- [start:graphql_query_test]
@pytest.mark.parametrize("rows", [1, 10, 30])
def test_jobs_with_category_and_employer_in_one_query(
    client, make_job, django_assert_num_queries, rows
):
    for _ in range(rows):
        make_job()
    # The optimizer turns the selection into one SELECT with two JOINs.
    with django_assert_num_queries(1):
        result = graphql(client, JOBS_QUERY)
    assert "errors" not in result
    assert len(result["data"]["jobs"]) == rows
    assert result["data"]["jobs"][0]["category"] == {"name": "Backend"}


def test_nested_lists_are_prefetched(client, make_job, django_assert_num_queries):
    for _ in range(5):
        make_job()
    make_job(is_active=False)  # closed jobs stay hidden when nested too
    # Categories, then every category's active jobs JOINed to their employer.
    with django_assert_num_queries(2):
        result = graphql(client, "{ categories { name jobs { title employer { username } } } }")
    assert len(result["data"]["categories"][0]["jobs"]) == 5


# --8<-- [end:graphql_query_test]


def test_closed_jobs_are_not_listed(client, make_job):
    make_job(title="Open")
    make_job(title="Closed", is_active=False)
    assert graphql(client, "{ jobs { title } }")["data"]["jobs"] == [{"title": "Open"}]


def test_jobs_are_paginated(client, make_job):
    for _ in range(3):
        make_job()
    newest_first = [job["title"] for job in graphql(client, "{ jobs { title } }")["data"]["jobs"]]
    page = graphql(client, "{ jobs(offset: 1, limit: 1) { title } }")["data"]["jobs"]
    assert page == [{"title": newest_first[1]}]
    too_many = graphql(client, "{ jobs(limit: 1000) { title } }")
    assert too_many["errors"][0]["extensions"] == {"code": "validation_error"}


def test_without_the_optimizer_it_would_be_1_plus_2n(client, make_job):
    for _ in range(10):
        make_job()
    plain_schema = strawberry.Schema(query=Query)  # no DjangoOptimizerExtension
    with CaptureQueriesContext(connection) as queries:
        result = plain_schema.execute_sync(JOBS_QUERY)
    assert result.errors is None
    assert len(queries) == 1 + 2 * 10


APPLY = """
mutation Apply($jobId: ID!, $letter: String!) {
  applyToJob(jobId: $jobId, coverLetter: $letter) { status job { title } applicant { username } }
}
"""


def test_apply_mutation_creates_a_pending_application(client, seeker, job):
    result = graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"}, user=seeker)
    assert result["data"]["applyToJob"] == {
        "status": "pending",
        "job": {"title": job.title},
        "applicant": {"username": seeker.username},
    }
    assert Application.objects.filter(job=job, applicant=seeker).exists()


def test_apply_mutation_needs_a_token(client, job):
    result = graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"})
    assert result["errors"][0]["extensions"] == {"code": "not_authenticated"}


def test_apply_mutation_reports_domain_errors_by_code(client, seeker, employer, job):
    graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"}, user=seeker)
    again = graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"}, user=seeker)
    assert again["errors"][0]["extensions"] == {"code": "already_applied"}
    as_employer = graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"}, user=employer)
    assert as_employer["errors"][0]["extensions"] == {"code": "not_a_seeker"}
    missing = graphql(client, APPLY, {"jobId": "999999", "letter": "Hi"}, user=seeker)
    assert missing["errors"][0]["extensions"] == {"code": "not_found"}


@pytest.mark.parametrize("rows", [1, 10])
def test_my_applications_query_count_is_constant(
    client, make_job, make_user, django_assert_num_queries, rows
):
    job = make_job()
    for _ in range(rows):
        Application.objects.create(job=job, applicant=make_user(Role.SEEKER), cover_letter="c")
    query = "{ myApplications { status applicant { username } job { title category { name } } } }"
    with django_assert_num_queries(2):  # the token's user, then one JOINed SELECT
        result = graphql(client, query, user=job.employer)
    assert len(result["data"]["myApplications"]) == rows


def test_a_bad_token_is_refused(client):
    response = client.post(
        "/graphql/", {"query": "{ jobs { title } }"}, content_type="application/json",
        HTTP_AUTHORIZATION="Bearer not-a-token",
    )  # fmt: skip
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "token_not_valid"


def test_unexpected_errors_are_masked(client, job, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(Job.objects, "get", crash)
    result = graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"}, user=job.employer)
    assert result["errors"][0]["message"] == "Unexpected error."
