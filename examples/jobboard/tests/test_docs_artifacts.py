"""Files the docs site includes that are generated from this app."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobs.views import ConditionalGetMixin

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "endpoints_table.py"
NESTING_SCRIPT = SCRIPT.with_name("graphql_nesting.py")
NESTING_TABLE = SCRIPT.parents[3] / "includes" / "generated" / "graphql-nesting.md"


def load_script():
    spec = importlib.util.spec_from_file_location("endpoints_table", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_endpoints_table_matches_the_openapi_schema():
    # pytest-django has configured Django already; render without main().
    script = load_script()
    committed = script.OUTPUT.read_text(encoding="utf-8")
    assert script.render_table() == committed, "run python scripts/endpoints_table.py"


def test_every_operation_has_its_own_summary():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator(api_version="v1").get_schema(request=None, public=True)
    operations = [
        (f"{method.upper()} {path}", operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    assert [name for name, operation in operations if not operation.get("summary")] == []
    # A mixin's docstring is not a description of the endpoint.
    leaked = ConditionalGetMixin.__doc__
    assert [name for name, operation in operations if operation.get("description") == leaked] == []


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="the script measures on its own in-memory SQLite; the suite's SQLite run checks it",
)
def test_graphql_nesting_table_matches_a_fresh_measurement():
    # A subprocess: the script seeds its own database, apart from the test one.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, str(NESTING_SCRIPT), "--print"],
        cwd=NESTING_SCRIPT.parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    committed = NESTING_TABLE.read_text(encoding="utf-8")
    assert result.stdout == committed, "run python scripts/graphql_nesting.py"
    # What the docs say about the table, held against it.
    assert "| 10 pairs deep (depth 20) | 11 | 5,464,511 bytes | refused before any SQL" in committed
