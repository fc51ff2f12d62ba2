import pytest
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # Fails (SystemExit) if a model change has no migration yet.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_search_index_exists_only_on_postgresql():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "jobs_job")
    assert ("job_search_gin" in constraints) == (connection.vendor == "postgresql")
