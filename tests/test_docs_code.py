"""No untested Python on the site.

Every ```python block in docs/ is one of two things:

1. an include of a named section of a file under examples/ (pymdownx.snippets,
   `--8<-- "examples/...:section"`); the example app's own suite runs that
   file, and the strict build fails if the file or section is missing;
2. a small self-contained program, run here by pytest-examples, whose printed
   output must equal the `#> ` lines written under each print().

Anything else (a pasted fragment that nothing runs) fails with its file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^"]+?)(?::(?P<section>[\w-]+))?"\s*$')
# Files whose code the example suite runs or parses (sections of them may be shown).
TESTED_ROOTS = ("examples/", ".github/workflows/")
MIN_INCLUDES = 25

EXAMPLES = [ex for ex in find_examples(ROOT / "docs") if ex.prefix.split()[0] in {"python", "py"}]


def include_targets(example: CodeExample) -> list[str] | None:
    """The files a block includes, or None when the block holds code of its own."""
    lines = [line for line in example.source.splitlines() if line.strip()]
    matches = [INCLUDE.match(line) for line in lines]
    if lines and all(matches):
        return [m.group("path") for m in matches if m]
    return None


def example_id(example: CodeExample) -> str:
    return f"{example.path.relative_to(ROOT)}:{example.start_line}"


def test_site_shows_enough_tested_code() -> None:
    includes = 0
    for page in (ROOT / "docs").rglob("*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            match = INCLUDE.match(line)
            if match and match.group("path").startswith("examples/"):
                includes += 1
    assert includes >= MIN_INCLUDES, f"only {includes} code samples are included from examples/"


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_python_block_is_tested(example: CodeExample, eval_example: EvalExample) -> None:
    targets = include_targets(example)
    if targets is not None:
        untested = [t for t in targets if not t.startswith(TESTED_ROOTS)]
        assert not untested, f"{example_id(example)}: include from untested file(s) {untested}"
        for target in targets:
            assert (ROOT / target).is_file(), f"{example_id(example)}: {target} does not exist"
        return
    if any(INCLUDE.match(line) for line in example.source.splitlines()):
        pytest.fail(f"{example_id(example)}: mix of include and inline code; keep an include block to includes only")
    eval_example.run_print_check(example)
