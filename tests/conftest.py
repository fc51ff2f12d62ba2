"""Shared fixtures for the site tests: the repository root and one strict build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site once, strictly, into a temporary directory.

    Never with --quiet: it silences the warnings that --strict counts.
    """
    out = tmp_path_factory.mktemp("site")
    # A sample repository, to check the edit and view-source buttons.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "REPO_URL": "https://github.com/octo-org/project-nexus", "EDIT_URI": "edit/main/docs/"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out
