"""The built site: what a reader and a search engine get from every page."""

from __future__ import annotations

import datetime
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REQUIRED_PAGES = [
    "index.html",
    "program/index.html",
    "collaboration/index.html",
    "glossary/index.html",
    "tags/index.html",
    "404.html",
    *(f"technologies/{p}/index.html" for p in ("python", "django", "rest-apis", "graphql", "docker", "ci-cd")),
    *(f"concepts/{p}/index.html" for p in ("database-design", "asynchronous-programming", "caching-strategies")),
    "challenges/index.html",
    "takeaways/index.html",
    "journal/index.html",
    "job-board/index.html",
]


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page", REQUIRED_PAGES)
def test_required_page_exists(built_site: Path, page: str) -> None:
    assert (built_site / page).is_file(), f"{page} missing from the built site"


def test_at_least_ten_challenges(built_site: Path) -> None:
    challenges = [p for p in (built_site / "challenges").iterdir() if (p / "index.html").is_file()]
    assert len(challenges) >= 10, [p.name for p in challenges]


def test_every_page_has_description_and_social_tags(built_site: Path) -> None:
    missing = []
    for page in pages(built_site):
        html = soup(page)
        for selector in ('meta[name="description"]', 'meta[property="og:title"]',
                         'meta[property="og:description"]', 'meta[name="twitter:card"]'):
            tag = html.select_one(selector)
            if tag is None or not tag.get("content", "").strip():
                missing.append(f"{page.relative_to(built_site)}: {selector}")
    assert not missing, "\n".join(missing)


def test_page_description_comes_from_front_matter(built_site: Path, root: Path) -> None:
    source = (root / "docs/concepts/caching-strategies.md").read_text(encoding="utf-8")
    described = re.search(r"^description:\s*(.+)$", source, re.M)
    assert described
    expected = described.group(1).strip().strip("\"'")
    html = soup(built_site / "concepts/caching-strategies/index.html")
    assert html.select_one('meta[property="og:description"]')["content"] == expected


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    offenders = []
    for page in pages(built_site):
        html = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                url = element.get(attr, "")
                if tag == "link" and "stylesheet" not in element.get("rel", []) and "preload" not in element.get("rel", []):
                    continue
                if re.match(r"^(https?:)?//", url):
                    offenders.append(f"{page.relative_to(built_site)}: <{tag} {attr}={url}>")
    assert not offenders, "\n".join(offenders)


def test_mermaid_is_self_hosted(built_site: Path) -> None:
    """Diagrams render from this site's copy of mermaid, fetched on demand.

    The browser suite proves that pages without diagrams load none of it and
    that pages with diagrams render them with no network.
    """
    assert (built_site / "assets/javascripts/mermaid/mermaid.esm.min.mjs").is_file()
    diagrams = 0
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "cdn.jsdelivr" not in html, page
        diagrams += html.count('class="mermaid"')
    assert diagrams >= 20, f"only {diagrams} diagrams on the site"


def test_abbreviations_become_tooltips(built_site: Path) -> None:
    html = soup(built_site / "technologies/django/index.html")
    titles = {abbr.get_text(): abbr.get("title") for abbr in html.find_all("abbr")}
    assert titles.get("ORM") == "Object-Relational Mapper"


def test_glossary_has_thirty_terms(built_site: Path) -> None:
    terms = soup(built_site / "glossary/index.html").select("article dl dt")
    assert len(terms) >= 30, len(terms)


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False).stdout.strip()


def page_html(built_site: Path, source: Path) -> Path:
    """The built page of docs/<source> (use_directory_urls)."""
    rel = source.relative_to("docs").with_suffix("")
    return built_site / (rel.parent if rel.name == "index" else rel) / "index.html"


def test_pages_show_git_dates(built_site: Path, root: Path) -> None:
    """Every page shows when it was last updated and created, to the second,
    from git history (the author time of its newest commit and of the commit
    that added it), not the build time the plugin falls back to."""
    sources = [
        path.relative_to(root)
        for path in sorted((root / "docs").rglob("*.md"))
        if "journal" not in path.relative_to(root / "docs").parts
    ]
    if not git(root, "log", "-1", "--format=%H", "--", "docs"):
        pytest.skip("no git history here: the plugin falls back to the build date")

    def shown(timestamp: str) -> str:
        moment = datetime.datetime.fromtimestamp(int(timestamp), datetime.timezone.utc)
        return moment.strftime("%B %-d, %Y %H:%M:%S UTC")

    wrong = []
    for source in sources:
        if not git(root, "log", "-1", "--format=%H", "--", str(source)):
            continue  # not committed yet: the build date is the right answer
        dates = soup(page_html(built_site, source)).select(".git-revision-date-localized-plugin-date")
        titles = [date["title"] for date in dates]
        updated = shown(git(root, "log", "-1", "--format=%at", "--", str(source)))
        added = git(root, "log", "--diff-filter=A", "--format=%at", "--", str(source)).splitlines()
        expected = [updated, shown(added[-1])]
        if titles != expected:
            wrong.append(f"{source}: page shows {titles}, git says {expected}")
    assert sources and not wrong, "\n".join(wrong)


def test_journal_feed_lists_the_posts(built_site: Path, root: Path) -> None:
    posts = list((root / "docs/journal/posts").glob("*.md"))
    assert len(posts) >= 4
    feed = ET.parse(built_site / "feed_rss_created.xml")
    items = feed.findall("./channel/item")
    assert len(items) == len(posts)


def test_edit_and_view_actions_point_at_the_page_source(built_site: Path) -> None:
    html = soup(built_site / "concepts/caching-strategies/index.html")
    edit = html.select_one('a.md-content__button[href*="/edit/"]')
    view = html.select_one('a.md-content__button[href*="/raw/"]')
    assert edit and edit["href"].endswith("/edit/main/docs/concepts/caching-strategies.md")
    assert view and view["href"].endswith("/raw/main/docs/concepts/caching-strategies.md")


def test_not_found_page_links_into_every_area(built_site: Path) -> None:
    html = soup(built_site / "404.html")
    links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in html.select("article a[href]")}
    for area in ("program", "technologies", "concepts", "job-board", "challenges", "takeaways", "journal", "glossary"):
        assert area in links, f"404 page has no link to {area}"


def test_sitemap_lists_every_page(built_site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in ET.parse(built_site / "sitemap.xml").findall(".//s:loc", ns)]
    assert len(urls) >= 40, len(urls)


def test_challenge_overview_table_is_sortable(built_site: Path) -> None:
    html = soup(built_site / "challenges/index.html")
    scripts = [s.get("src", "") for s in html.find_all("script")]
    assert any(src.endswith("assets/javascripts/sortable-tables.js") for src in scripts), scripts
    bundle = (built_site / "assets/javascripts/sortable-tables.js").read_text(encoding="utf-8")
    assert "Tablesort" in bundle and "data-sortable-ready" in bundle
    rows = html.select("article table tbody tr")
    assert len(rows) >= 10, "the overview lists every challenge"
    other = soup(built_site / "concepts/caching-strategies/index.html")
    assert not any("sortable-tables" in s.get("src", "") for s in other.find_all("script"))
