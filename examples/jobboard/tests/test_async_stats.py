import threading

import pytest
from django.db import connection

from accounts.models import Role
from jobs.models import Application

pytestmark = pytest.mark.django_db


def test_stats_counts_everything_in_one_response(client, make_job, make_user, seeker):
    Application.objects.create(job=make_job(), applicant=seeker, cover_letter="c")
    make_job(is_active=False)
    make_user(Role.EMPLOYER)

    response = client.get("/api/v1/stats/")
    assert response.status_code == 200
    assert response.json() == {
        "active_jobs": 1,
        "categories": 1,
        "employers": 2,
        "pending_applications": 1,
    }


def test_stats_is_read_only(client):
    assert client.post("/api/v1/stats/").status_code == 405


def test_gathered_orm_queries_still_run_one_by_one_on_one_thread(client):
    threads = []

    def record_thread(execute, sql, params, many, context):
        threads.append(threading.get_ident())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record_thread):
        client.get("/api/v1/stats/")
    # Four queries, all through this thread's single connection: gather()
    # did not make the database work parallel.
    assert threads == [threading.get_ident()] * 4
