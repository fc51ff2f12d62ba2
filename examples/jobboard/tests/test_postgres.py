"""PostgreSQL-only behaviour: run with DATABASE_URL=postgres://..."""

import pytest
from django.db import connection

from jobs.models import Job

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_full_text_search_matches_word_forms(make_job):
    make_job(title="Senior Python Engineer", description="Design APIs.")
    make_job(title="Designer", description="Figma and research.")
    # English stemming: "engineering" finds "Engineer"; stop words are ignored.
    assert [job.title for job in Job.objects.search("the engineering")] == [
        "Senior Python Engineer"
    ]
    assert Job.objects.search("figma").count() == 1


def test_search_uses_the_gin_index(make_job):
    for _ in range(20):
        make_job()
    with connection.cursor() as cursor:
        # Too few rows for the planner to prefer an index on its own.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Job.objects.search("python").explain()
    assert "job_search_gin" in plan
