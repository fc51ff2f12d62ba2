"""scripts/compare_sites.py finds the pages that differ between two builds.

These tests compare small hand-written sites, so they run without building
anything; CI's Zensical job runs the script on the real builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import compare_sites  # noqa: E402

PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<nav class="md-nav">Navigation text that is not content</nav>
<article class="md-content__inner md-typeset">
  <a href="../edit/page.md" class="md-content__button md-icon"><svg><path d="M0"/></svg></a>
  <h1 id="caching">Caching<a class="headerlink" href="#caching">&para;</a></h1>
  <p>{text} See <a href="{link}">the concept</a>.</p>
  {extra}
  <aside class="md-source-file">Last update: {date}</aside>
</article></body></html>"""


def write(site: Path, rel: str, *, title: str = "Caching - Nexus", text: str = "Cache-aside reads the cache first.",
          link: str = "../concepts/", extra: str = "", date: str = "2026-01-01") -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, text=text, link=link, extra=extra, date=date), encoding="utf-8")


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "mkdocs", tmp_path / "zensical"


def test_page_content_is_read_from_the_article(tmp_path: Path) -> None:
    write(tmp_path, "index.html", extra='<h2 id="why">Why</h2>')
    page = compare_sites.read_page(tmp_path / "index.html")
    assert page.title == "Caching - Nexus"
    assert page.headings == [("h1", "caching", "Caching"), ("h2", "why", "Why")]
    assert page.links == {"../concepts/"}
    assert "Navigation" not in page.words and "¶" not in page.words
    assert "update:" not in page.words, "git dates are not compared"


def test_identical_sites_match(sites: tuple[Path, Path]) -> None:
    a, b = sites
    for site in sites:
        write(site, "index.html")
        write(site, "concepts/index.html", text="Another page.")
    result = compare_sites.compare_sites(a, b)
    assert result.same == ["concepts/index.html", "index.html"]
    assert not (result.differ or result.only_mkdocs or result.only_zensical)


def test_build_dates_and_equivalent_links_are_not_differences(sites: tuple[Path, Path]) -> None:
    a, b = sites
    write(a, "index.html", link="../concepts/", date="2026-01-01")
    write(b, "index.html", link="./../concepts/", date="2026-11-22")
    assert compare_sites.compare_sites(a, b).differ == {}


def test_missing_pages_and_differences_are_listed(sites: tuple[Path, Path]) -> None:
    a, b = sites
    write(a, "index.html")
    write(b, "index.html", extra='<h2 id="extra">Extra</h2>', link="../other/")
    write(a, "journal/index.html")
    write(b, "search/index.html")
    write(a, "long/index.html", text="one two three four five six seven eight nine ten")
    write(b, "long/index.html", text="one two three")
    result = compare_sites.compare_sites(a, b)
    assert result.only_mkdocs == ["journal/index.html"]
    assert result.only_zensical == ["search/index.html"]
    notes = " ".join(result.differ["index.html"])
    assert "extra `Extra` (#extra)" in notes
    assert "missing `../concepts/`" in notes and "extra `../other/`" in notes
    assert any(note.startswith("text ") for note in result.differ["long/index.html"])


def test_report_is_a_markdown_summary(sites: tuple[Path, Path]) -> None:
    a, b = sites
    write(a, "index.html")
    write(b, "index.html", title="Other | title")
    write(a, "journal/index.html")
    result = compare_sites.compare_sites(a, b)
    text = compare_sites.report(result, zensical_version="0.0.0", log="Warning: page does not exist", failed=False)
    assert "| Differ | 1 |" in text and "| Missing from Zensical | 1 |" in text
    assert "- `journal/index.html`" in text
    assert "Other \\| title" in text, "a | inside a table cell is escaped"
    assert "```text\nWarning: page does not exist\n```" in text


def test_failed_build_reports_the_log() -> None:
    text = compare_sites.report(None, zensical_version="0.0.0", log="Error: boom", failed=True)
    assert "could not build" in text and "Error: boom" in text


@pytest.mark.parametrize(("href", "normal"), [
    ("./tags/#tag:x", "tags/#tag:x"),
    ("./..", ".."),
    ("../a/./b/", "../a/b/"),
    ("#section", "#section"),
    ("https://docs.python.org/3/", "https://docs.python.org/3/"),
    ("//challenges/page.md", "//challenges/page.md"),
])
def test_normalize_link(href: str, normal: str) -> None:
    assert compare_sites.normalize_link(href) == normal


def test_exit_status_and_job_summary(sites: tuple[Path, Path], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = sites
    write(a, "index.html")
    write(b, "index.html")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert compare_sites.main(["--out", str(tmp_path), "--no-build"]) == 0
    write(a, "more/index.html")
    assert compare_sites.main(["--out", str(tmp_path), "--no-build"]) == 1
    assert summary.read_text(encoding="utf-8").count("## Zensical comparison") == 2
