"""Every broken edit an author can make fails `make check`, naming the file.

Each case copies the project to a temporary directory, makes one mistake,
runs `make check` there (with this checkout's virtualenv and npm packages)
and expects a failure whose output names the file to fix, and the line
where the edit left it (`{line}` in an expected string).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Everything but local environments, caches and build output.
IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "site", "test-results", ".cache", "bench",
    "__pycache__", ".pytest_cache", ".ruff_cache", "*.sqlite3", "staticfiles",
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project that passes `make check`, made once per module."""
    base = tmp_path_factory.mktemp("pristine") / "project"
    shutil.copytree(ROOT, base, ignore=IGNORE)
    (base / "node_modules").symlink_to(ROOT / "node_modules")
    return base


def make_check(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_DATES": "false"}
    return subprocess.run(
        ["make", "--no-print-directory", "check", f"VENV={ROOT / '.venv'}"],
        cwd=project, env=env, capture_output=True, text=True, check=False, timeout=300,
    )


def append(relative: str, text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        with (project / relative).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return edit


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


CASES = {
    "link to a missing page": (append("docs/program.md", "\nSee [the plan](no-such-page.md).\n"), ["docs/program.md:{line}:", "no-such-page.md"]),
    "link to a missing anchor": (append("docs/program.md", "\nSee [Django](technologies/django.md#no-such-heading).\n"), ["docs/program.md:{line}:", "no-such-heading"]),
    "missing image": (append("docs/program.md", "\n![A diagram](assets/images/no-such-image.png)\n"), ["docs/program.md:{line}:", "no-such-image.png"]),
    "missing snippet file": (append("docs/program.md", '\n```python\n--8<-- "examples/no_such_file.py:section"\n```\n'), ["program.md", "no_such_file.py"]),
    "missing snippet section": (append("docs/program.md", '\n```python\n--8<-- "examples/jobboard/jobs/models.py:no_such_section"\n```\n'), ["program.md", "no_such_section"]),
    "misspelling": (append("docs/program.md", "\nLearners recieve feedback.\n"), ["docs/program.md:{line}:", "recieve"]),  # codespell:ignore recieve
    "front matter without description": (replace("docs/program.md", "description:", "summary:"), ["docs/program.md", "description"]),
    "description cut short by a #": (replace("docs/program.md", "how it runs, what learners build", "how it runs in #ProDevProjectNexus, what learners build"), ["docs/program.md:3:", "full stop"]),
    "invalid front matter": (replace("docs/program.md", "description:", "description: [unclosed\nx:"), ["docs/program.md"]),
    "page left out of the nav": (append("docs/orphan.md", "---\ntitle: Orphan\ndescription: A page that nobody added to the navigation.\n---\n\n# Orphan\n"), ["orphan.md"]),
    "nav entry to a missing page": (replace("mkdocs.yml", "  - Program: program.md", "  - Program: program.md\n  - Missing: no-such-nav-page.md"), ["no-such-nav-page.md"]),
    "mkdocs.yml syntax error": (replace("mkdocs.yml", "strict: true", "strict: [true"), ["mkdocs.yml"]),
    "raw script in a page": (append("docs/program.md", "\n<script>alert(1)</script>\n"), ["docs/program.md:{line}:", "script"]),
    "image without alt text": (append("docs/program.md", "\n![](assets/images/logo.svg)\n"), ["docs/program.md:{line}:", "MD045"]),
    "insecure link": (append("docs/program.md", "\nRead [the spec](http://example.org/spec).\n"), ["docs/program.md:{line}:", "https"]),
}


def test_the_pristine_copy_passes(pristine: Path) -> None:
    result = make_check(pristine)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", list(CASES))
def test_broken_edit_fails_with_the_file_named(pristine: Path, tmp_path: Path, case: str) -> None:
    edit, expected = CASES[case]
    project = tmp_path / "project"
    shutil.copytree(pristine, project, symlinks=True)
    before = (project / "docs/program.md").read_text(encoding="utf-8").splitlines()
    edit(project)
    after = (project / "docs/program.md").read_text(encoding="utf-8").splitlines()
    # The appended cases add a blank line, then the broken one.
    line = len(before) + 2 if len(after) == len(before) + 2 else None
    result = make_check(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: make check passed\n{output[-2000:]}"
    for needle in expected:
        if "{line}" in needle:
            assert line is not None, f"{case}: not an appended line"
            needle = needle.format(line=line)
        assert needle in output, f"{case}: {needle!r} not in output\n{output[-3000:]}"
