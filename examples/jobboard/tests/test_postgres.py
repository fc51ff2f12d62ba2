"""PostgreSQL-only behaviour: run with DATABASE_URL=postgres://..."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobs.models import Category, Job

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


def test_category_filter_reads_the_composite_index_in_order(api, employer):
    # Enough rows, with fresh statistics, for the planner to choose freely.
    categories = Category.objects.bulk_create(
        Category(name=f"Category {n}", slug=f"category-{n}") for n in range(20)
    )
    Job.objects.bulk_create(
        Job(
            title="Engineer", description="APIs.", category=categories[n % 20], location="Remote",
            salary_min=1, salary_max=2, employer=employer, is_active=n % 5 != 0,
        )
        for n in range(2000)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    with CaptureQueriesContext(connection) as queries:
        assert api.get("/api/v1/jobs/?category=category-7").status_code == 200
    (sql,) = [query["sql"] for query in queries]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # Filtered through the join, the slug left PostgreSQL a bitmap scan
    # (rows in table order) and a sort of every match. With the id compared
    # on jobs_job itself, the index yields rows newest first and LIMIT stops
    # the scan after one page.
    assert "Index Scan using job_active_category_idx" in plan
    assert "Incremental Sort" in plan
