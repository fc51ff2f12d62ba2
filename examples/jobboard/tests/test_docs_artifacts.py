"""Files the docs site includes that are generated from this app."""

import importlib.util
from pathlib import Path

from jobs.views import ConditionalGetMixin

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "endpoints_table.py"


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
