import logging

import pytest
import strawberry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import get_introspection_query

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


def test_errors_raised_on_purpose_are_not_logged(client, seeker, job, caplog):
    graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"}, user=seeker)
    with caplog.at_level(logging.DEBUG, logger="strawberry.execution"):
        again = graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"}, user=seeker)
        anonymous = graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"})
        too_many = graphql(client, "{ jobs(limit: 1000) { title } }")
        unknown_field = graphql(client, "{ jobs { nope } }")
    assert again["errors"][0]["extensions"] == {"code": "already_applied"}
    assert anonymous["errors"][0]["extensions"] == {"code": "not_authenticated"}
    assert too_many["errors"][0]["extensions"] == {"code": "validation_error"}
    assert "nope" in unknown_field["errors"][0]["message"]
    assert [r for r in caplog.records if r.name == "strawberry.execution"] == []


def test_unexpected_errors_are_still_logged_with_the_traceback(client, job, caplog, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(Job.objects, "get", crash)
    with caplog.at_level(logging.ERROR, logger="strawberry.execution"):
        graphql(client, APPLY, {"jobId": job.pk, "letter": "Hi"}, user=job.employer)
    (record,) = [r for r in caplog.records if r.name == "strawberry.execution"]
    assert record.levelno == logging.ERROR
    assert isinstance(record.exc_info[1], RuntimeError)  # logged in full, masked for the client


def aliased_jobs(count: int) -> str:
    return "{ " + " ".join(f"a{i}: jobs(limit: 100) {{ title }}" for i in range(count)) + " }"


# --8<-- [start:graphql_limits_test]
def test_a_too_deep_query_is_refused_before_any_sql(client, make_job, django_assert_num_queries):
    make_job()
    # Depth 4: categories -> jobs -> category -> jobs -> title.
    deep = "{ categories { jobs { category { jobs { title } } } } }"
    with django_assert_num_queries(0):
        result = graphql(client, deep)
    assert result["data"] is None
    assert result["errors"][0]["message"] == "'anonymous' exceeds maximum operation depth of 3"


def test_too_many_aliases_are_refused(client, make_job, django_assert_num_queries):
    make_job()
    with django_assert_num_queries(0):
        refused = graphql(client, aliased_jobs(6))
    assert refused == {"data": None, "errors": [{"message": "6 aliases found. Allowed: 5"}]}
    assert len(graphql(client, aliased_jobs(5))["data"]) == 5


# --8<-- [end:graphql_limits_test]


def test_an_oversized_document_is_refused_while_parsing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        result = graphql(client, aliased_jobs(50))
    assert result["data"] is None
    assert result["errors"][0]["message"] == (
        "Syntax Error: Document contains more than 500 tokens. Parsing aborted."
    )


def test_limit_errors_come_with_http_200(client):
    deep = "{ categories { jobs { category { jobs { title } } } } }"
    response = client.post("/graphql/", {"query": deep}, content_type="application/json")
    assert response.status_code == 200


def test_the_apps_own_queries_fit_the_limits(client, make_job, seeker):
    job = make_job()
    Application.objects.create(job=job, applicant=seeker, cover_letter="c")
    deepest = [
        "{ categories { name jobs { title employer { username } } } }",
        "{ myApplications { status applicant { username } job { title category { name } } } }",
        JOBS_QUERY,
    ]
    for query in deepest:
        result = graphql(client, query, user=seeker)
        assert "errors" not in result, query
    # A full introspection query, like GraphiQL's: __schema is exempt from the
    # depth limit, and its 183 tokens fit under 500.
    introspection = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    result = graphql(client, introspection)
    assert "errors" not in result
    assert result["data"]["__schema"]["queryType"]["name"] == "Query"
