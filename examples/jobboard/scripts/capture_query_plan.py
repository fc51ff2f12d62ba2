"""Capture PostgreSQL's plans for the job list queries, for the docs site.

    cd examples/jobboard
    eval "$(scripts/start-services.sh)"     # or any DATABASE_URL=postgres://...
    python scripts/capture_query_plan.py

The script never touches the database that DATABASE_URL names: it creates a
scratch database next to it (the role needs CREATEDB, as for the test suite),
migrates it, seeds it with deterministic synthetic jobs, runs ANALYZE, sends
real requests to the list endpoint, and writes EXPLAIN (COSTS OFF) of the SQL
each request sent to includes/generated/query-plan.txt. The scratch database
is dropped at the end. COSTS OFF leaves out estimates and timings, which
change from run to run; the plan shape is what the page discusses.
"""

import os
import random
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
OUTPUT = PROJECT.parent.parent / "includes" / "generated" / "query-plan.txt"
SCRATCH_DATABASE = "jobboard_query_plan"

JOBS = 100_000
CATEGORIES = 20
EMPLOYERS = 50
TITLES = [
    "Backend Engineer", "Data Analyst", "Site Reliability Engineer", "Product Designer",
    "Python Developer", "DevOps Engineer", "QA Engineer", "Technical Writer",
    "Mobile Developer", "Frontend Developer", "Data Engineer", "Security Analyst",
]  # fmt: skip
SKILLS = [
    "python", "django", "postgresql", "redis", "celery", "docker", "kubernetes", "terraform",
    "graphql", "rest", "react", "typescript", "figma", "testing", "linux", "aws",
    "airflow", "spark", "pandas", "go", "rust", "java", "kotlin", "swift",
    "nginx", "grafana", "prometheus", "kafka", "rabbitmq", "elasticsearch",
    "mongodb", "mysql", "sqlite", "fastapi", "flask", "pytest", "selenium", "ansible",
    "jenkins", "github",
]  # fmt: skip
# Each request's one SQL query is explained: the two filters the composite
# indexes were designed for (job type, and category as the API takes it, by
# slug) and the full-text search.
REQUESTS = [
    "/api/v1/jobs/?job_type=contract",
    "/api/v1/jobs/?category=category-07",
    "/api/v1/jobs/?search=kubernetes",
]


def seed() -> str:
    """Deterministic synthetic data; returns a one-line summary."""
    from accounts.models import Role, User
    from jobs.models import Category, Job, JobType

    rng = random.Random(2026)  # same rows on every run
    categories = Category.objects.bulk_create(
        Category(name=f"Category {n:02}", slug=f"category-{n:02}") for n in range(CATEGORIES)
    )
    employers = User.objects.bulk_create(
        # "!" is Django's marker for an unusable password: nobody logs in.
        User(username=f"employer{n}", role=Role.EMPLOYER, password="!")
        for n in range(EMPLOYERS)
    )
    jobs = []
    for n in range(JOBS):
        title = rng.choice(TITLES)
        low = rng.randrange(10, 100) * 1000
        jobs.append(
            Job(
                title=title,
                description=f"{title} working with {' and '.join(rng.sample(SKILLS, 2))}.",
                category=rng.choice(categories),
                location=rng.choice(["Remote", "Lagos", "Nairobi", "Kigali", "Accra"]),
                job_type=rng.choice(JobType.values),
                salary_min=low,
                salary_max=low + rng.randrange(0, 40) * 1000,
                is_active=n % 5 != 0,  # 80% open
                employer=rng.choice(employers),
            )
        )
    Job.objects.bulk_create(jobs, batch_size=5000)
    active = Job.objects.active().count()
    return (
        f"{JOBS} jobs ({active} active), {CATEGORIES} categories, {len(JobType.values)} job "
        f"types, {EMPLOYERS} employers; each description names 2 of {len(SKILLS)} skills"
    )


def explain_requests() -> list[str]:
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jobs.filters import JobFilter
    from jobs.models import Job

    client, sections = Client(), []
    for path in REQUESTS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        (sql,) = [q["sql"] for q in queries if '"jobs_job"' in q["sql"]]
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (COSTS OFF) {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        # The same filter code as the view, without the page limit.
        params = QueryDict(path.partition("?")[2])
        matches = JobFilter(data=params, queryset=Job.objects.active()).qs.count()
        sections.append(f"-- GET {path}  ({matches} active jobs match; a page shows 20)\n{plan}")
    return sections


def main() -> None:
    sys.path.insert(0, str(PROJECT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")  # only so the settings load without SECRET_KEY
    # Keep the cache in this process: a page cached in a shared Redis would
    # answer a request without sending the SQL this script wants to see.
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (see scripts/start-services.sh).")
    setup_test_environment()
    connection.settings_dict["TEST"]["NAME"] = SCRATCH_DATABASE
    original_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        summary = seed()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would gather
            cursor.execute("SHOW server_version")
            (version,) = cursor.fetchone()
        sections = explain_requests()
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)
    header = (
        f"-- PostgreSQL {version.split()[0]}, EXPLAIN (COSTS OFF), after ANALYZE\n"
        f"-- Data: {summary}\n"
        "-- Written by examples/jobboard/scripts/capture_query_plan.py\n"
    )
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(header + "\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
