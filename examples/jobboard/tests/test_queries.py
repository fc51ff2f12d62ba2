"""N+1 guards: the number of SQL queries must not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from jobs.models import Application, Job
from jobs.serializers import JobSerializer
from tests.helpers import bearer

pytestmark = pytest.mark.django_db


# --8<-- [start:n_plus_one_test]
@pytest.mark.parametrize("rows", [1, 10, 30])
def test_job_list_uses_one_query_however_many_jobs(api, make_job, django_assert_num_queries, rows):
    for _ in range(rows):
        make_job()
    # One SELECT ... JOIN category JOIN user; the cache is empty, so it runs.
    with django_assert_num_queries(1):
        response = api.get("/api/v1/jobs/?page_size=50")
    assert len(response.json()["results"]) == rows


def test_without_select_related_it_would_be_1_plus_2n(make_job):
    for _ in range(10):
        make_job()
    with CaptureQueriesContext(connection) as queries:
        data = JobSerializer(Job.objects.all(), many=True).data  # no with_related()
    assert len(data) == 10
    assert len(queries) == 1 + 2 * 10  # jobs, then category and employer per job


# --8<-- [end:n_plus_one_test]


@pytest.mark.parametrize("rows", [1, 10])
def test_application_list_query_count_is_constant(
    api, make_job, make_user, django_assert_num_queries, rows
):
    job = make_job()
    for _ in range(rows):
        Application.objects.create(job=job, applicant=make_user(Role.SEEKER), cover_letter="c")
    api.credentials(HTTP_AUTHORIZATION=bearer(job.employer))
    # 1: the user behind the token; 2: applications JOIN job JOIN applicant.
    with django_assert_num_queries(2):
        response = api.get("/api/v1/applications/")
    assert len(response.json()["results"]) == rows
