"""`make new-challenge` and friends give a page that builds and passes the checks.

The integration tests copy the project to a temporary folder, scaffold one
page of each kind there with the make targets a contributor uses, then run
what `make check` runs: the strict build of the whole site, and Markdown
lint, spelling and the content rules on the new pages. The unit tests cover
the script's edge cases: slugs, YAML quoting, the nav insertion, refusals.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))

import new_page  # noqa: E402

COPY = ["docs", "overrides", "includes", "examples", "templates", "tests", "scripts", "hooks", ".github",
        "mkdocs.yml", "Makefile", ".pymarkdown.json", ".codespellrc", "README.md", "CONTRIBUTING.md"]
IGNORE = shutil.ignore_patterns("__pycache__", "*.sqlite3", ".pytest_cache", "node_modules")

# kind -> (make variables, page file, built page)
PAGES = {
    "challenge": ({"TITLE": "Flaky tests in CI: a race the retries hid"},
                  "docs/challenges/flaky-tests-in-ci-a-race-the-retries-hid.md",
                  "challenges/flaky-tests-in-ci-a-race-the-retries-hid/index.html"),
    "technology": ({"TITLE": "Celery beat", "TAGS": "celery, async"},
                   "docs/technologies/celery-beat.md", "technologies/celery-beat/index.html"),
    "concept": ({"TITLE": "Idempotency keys", "SNIPPET": "jobs/tasks.py:notify_employer_task"},
                "docs/concepts/idempotency-keys.md", "concepts/idempotency-keys/index.html"),
    "post": ({"TITLE": "What I learned about caching", "DATE": "2026-11-02", "TAGS": "Caching"},
             "docs/journal/posts/2026-11-02-what-i-learned-about-caching.md",
             "journal/what-i-learned-about-caching/index.html"),
}


class AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` and `!!python/name:` tags safe_load refuses."""


AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=AnyTagLoader)  # noqa: S506


def nav_section(config: dict, title: str) -> list:
    return next(item[title] for item in config["nav"] if isinstance(item, dict) and title in item)


def copy_project(base: Path) -> Path:
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, base / name, ignore=IGNORE)
        elif source.is_file():
            shutil.copy2(source, base / name)
    return base


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "GIT_DATES": "false", "NO_MKDOCS_2_WARNING": "1", **env}
    for name in ("TITLE", "TAGS", "SNIPPET", "DESCRIPTION", "DATE"):
        if name not in env:
            full_env.pop(name, None)
    return subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True,
                          check=False, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with one new page of each kind, made with make."""
    base = copy_project(tmp_path_factory.mktemp("scaffold"))
    for kind, (variables, _, _) in PAGES.items():
        result = run(["make", "--no-print-directory", f"new-{kind}"], base, **variables)
        assert result.returncode == 0, f"make new-{kind}: {result.stdout}{result.stderr}"
    return base


@pytest.fixture(scope="module")
def built(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                 project)
    assert result.returncode == 0, "strict build failed:\n" + result.stdout + result.stderr
    return out


def new_pages(project: Path) -> list[str]:
    return [str(project / page) for _, page, _ in PAGES.values()]


# -- The contributor's path ---------------------------------------------------

@pytest.mark.parametrize("kind", PAGES)
def test_make_target_creates_the_page(project: Path, kind: str) -> None:
    assert (project / PAGES[kind][1]).is_file()


@pytest.mark.parametrize("kind", PAGES)
def test_site_builds_strictly_with_the_new_page(built: Path, kind: str) -> None:
    assert (built / PAGES[kind][2]).is_file()


def test_new_pages_pass_the_content_rules(project: Path) -> None:
    result = run([sys.executable, "tests/content_rules.py", *new_pages(project)], project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_new_pages_pass_markdown_lint(project: Path) -> None:
    result = run([str(BIN / "pymarkdownlnt"), "--config", ".pymarkdown.json", "scan", *new_pages(project)],
                 project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_new_pages_pass_the_spelling_check(project: Path) -> None:
    result = run([str(BIN / "codespell"), *new_pages(project)], project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_reference_pages_are_added_at_the_end_of_their_nav_section(project: Path) -> None:
    config = read_mkdocs(project)
    assert nav_section(config, "Challenges")[-1] == {
        "Flaky tests in CI: a race the retries hid": "challenges/flaky-tests-in-ci-a-race-the-retries-hid.md"}
    assert nav_section(config, "Technologies")[-1] == {"Celery beat": "technologies/celery-beat.md"}
    assert nav_section(config, "Concepts")[-1] == {"Idempotency keys": "concepts/idempotency-keys.md"}
    # Nothing else in the configuration moved.
    original = read_mkdocs(ROOT)
    assert {k: v for k, v in config.items() if k != "nav"} == {k: v for k, v in original.items() if k != "nav"}


def test_front_matter_is_filled_in(project: Path) -> None:
    def front_matter(kind: str) -> dict:
        text = (project / PAGES[kind][1]).read_text(encoding="utf-8")
        return yaml.safe_load(text.split("---\n")[1])

    challenge = front_matter("challenge")
    assert challenge["title"] == "Flaky tests in CI: a race the retries hid"
    assert 50 <= len(challenge["description"]) <= 160
    assert challenge["tags"] == ["Debugging"]
    assert front_matter("technology")["tags"] == ["Celery", "Async"]
    post = front_matter("post")
    assert str(post["date"]["created"]) == "2026-11-02"
    assert post["slug"] == "what-i-learned-about-caching"
    assert post["tags"] == ["Caching"]


def test_snippet_include_points_at_the_chosen_section(project: Path) -> None:
    text = (project / PAGES["concept"][1]).read_text(encoding="utf-8")
    assert '```python title="examples/jobboard/jobs/tasks.py"' in text
    assert '--8<-- "examples/jobboard/jobs/tasks.py:notify_employer_task"' in text


def test_technology_page_links_official_docs_for_its_tag(project: Path) -> None:
    text = (project / PAGES["technology"][1]).read_text(encoding="utf-8")
    assert "(https://docs.celeryq.dev/en/stable/)" in text
    assert "example.org" not in text


def test_running_again_refuses_to_overwrite(project: Path) -> None:
    page = project / PAGES["challenge"][1]
    before, nav_before = page.read_text(encoding="utf-8"), (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = run(["make", "--no-print-directory", "new-challenge"], project, **PAGES["challenge"][0])
    assert result.returncode != 0
    assert "exists already" in result.stderr
    assert page.read_text(encoding="utf-8") == before
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == nav_before


def test_make_without_title_explains_itself(project: Path) -> None:
    result = run(["make", "--no-print-directory", "new-challenge"], project)
    assert result.returncode != 0
    assert 'TITLE="..."' in result.stderr


# -- Unit tests of scripts/new_page.py ----------------------------------------

@pytest.mark.parametrize(("title", "slug"), [
    ("Flaky tests in CI", "flaky-tests-in-ci"),
    ("CI/CD: when the pipeline lies!", "ci-cd-when-the-pipeline-lies"),
    ("  Déjà vu   with Celery  ", "deja-vu-with-celery"),
    ("N+1 queries", "n-1-queries"),
], ids=["plain", "punctuation", "accents", "plus"])
def test_slugify(title: str, slug: str) -> None:
    assert new_page.slugify(title) == slug


@pytest.mark.parametrize("text", [
    "Plain title", "Colon: in the middle", "#hash first", "yes", "1.0", "Ends with a colon:",
    'A "quoted" word', "- dash first", "Title # with a comment", "Déjà vu", "[brackets]",
], ids=lambda text: text.encode("ascii", "ignore").decode())
def test_yaml_scalar_round_trips(text: str) -> None:
    assert yaml.safe_load(f"key: {new_page.yaml_scalar(text)}") == {"key": text}


def test_allowed_tags_are_read_from_mkdocs_yml() -> None:
    tags = new_page.allowed_tags((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "Django" in tags and "CI/CD" in tags and len(tags) == len(set(tags))


def scratch_copy(tmp_path: Path) -> Path:
    for name in ("docs", "templates", "examples"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=IGNORE)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_unknown_tag_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    root = scratch_copy(tmp_path)
    nav_before = (root / "mkdocs.yml").read_text(encoding="utf-8")
    with pytest.raises(new_page.ScaffoldError, match="unknown tag 'Kubernetes'"):
        new_page.scaffold("challenge", "A title", root=root, tags_raw="Kubernetes")
    assert not (root / "docs/challenges/a-title.md").exists()
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == nav_before


def test_missing_snippet_section_is_refused(tmp_path: Path) -> None:
    root = scratch_copy(tmp_path)
    with pytest.raises(new_page.ScaffoldError, match="no section 'nope'"):
        new_page.scaffold("challenge", "A title", root=root, snippet_raw="jobs/models.py:nope")


def test_no_nav_prints_the_line_instead(tmp_path: Path) -> None:
    root = scratch_copy(tmp_path)
    nav_before = (root / "mkdocs.yml").read_text(encoding="utf-8")
    report = new_page.scaffold("technology", "Nginx", root=root, nav=False)
    assert "      - Nginx: technologies/nginx.md" in report
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == nav_before


def test_a_post_slug_must_be_new(tmp_path: Path) -> None:
    root = scratch_copy(tmp_path)
    new_page.scaffold("post", "Same title", root=root, date="2026-01-01")
    with pytest.raises(new_page.ScaffoldError, match="slug 'same-title' exists already"):
        new_page.scaffold("post", "Same title", root=root, date="2026-01-02")


def test_command_line_reports_errors_without_a_traceback(tmp_path: Path) -> None:
    root = scratch_copy(tmp_path)
    result = run([sys.executable, str(ROOT / "scripts/new_page.py"), "--root", str(root),
                  "challenge", "!!!"], root)
    assert result.returncode == 1
    assert result.stderr.startswith("new_page: ") and "Traceback" not in result.stderr
