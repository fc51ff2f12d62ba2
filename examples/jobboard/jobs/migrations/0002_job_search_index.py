from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

# --8<-- [start:postgres_fts_index]
# The same expression JobQuerySet.search() filters on; PostgreSQL only
# uses an expression index when the query repeats the expression exactly.
SEARCH_INDEX = GinIndex(
    SearchVector("title", "description", config="english"), name="job_search_gin"
)


def add_search_index(apps, schema_editor):
    # GIN and to_tsvector() are PostgreSQL features; on SQLite the search
    # falls back to a substring match and this migration does nothing.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("jobs", "Job"), SEARCH_INDEX)


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("jobs", "Job"), SEARCH_INDEX)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]

    operations = [migrations.RunPython(add_search_index, remove_search_index)]


# --8<-- [end:postgres_fts_index]
