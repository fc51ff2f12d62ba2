"""Files the docs site includes that are generated from this app."""

import importlib.util
from pathlib import Path

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
