#!/usr/bin/env python3
"""Build the site with MkDocs and with Zensical, and report the pages that differ.

    make compare-zensical

Zensical, from the team behind Material for MkDocs, is Material's successor
and reads mkdocs.yml as it is. This script builds the same configuration with
both (Zensical without `strict`, so that every difference is listed rather
than the first warning aborting), then compares page by page:

- pages missing from one build;
- for each page in both: the headings (level, anchor, text), the links in
  the content, and the text of the content, word by word.

The report is Markdown, printed and, when GITHUB_STEP_SUMMARY is set (in
GitHub Actions), appended to the job summary. Exit status: 0 when every page
matches, 1 when any page differs or is missing, 2 when a build failed.

Standard library only; run it with the project's virtualenv, which has
mkdocs and zensical.
"""

from __future__ import annotations

import argparse
import difflib
import os
import posixpath
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(".cache/site-compare")
# A transient config beside mkdocs.yml (Zensical requires site_dir and
# docs_dir inside the config file's folder): mkdocs.yml, minus `strict`.
ZENSICAL_CONFIG = ".zensical-compare.yml"
TEXT_SIMILARITY = 0.99
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
SKIPPED_TAGS = {"script", "style", "svg", "template"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}


@dataclass
class Page:
    """What a reader gets from one page: its title, headings, links and words."""

    title: str = ""
    headings: list[tuple[str, str, str]] = field(default_factory=list)
    links: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)


class PageParser(HTMLParser):
    """Collects a Page from the content <article> of a Material (or Zensical) page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.depth = 0  # open elements inside the content article
        self.skip_depth = 0  # > 0 inside a subtree we ignore
        self.in_title = False
        self.heading: list | None = None  # [level, id, text parts, depth]
        self.text: list[str] = []

    @staticmethod
    def ignored(tag: str, attrs: dict[str, str | None]) -> bool:
        classes = (attrs.get("class") or "").split()
        return (
            tag in SKIPPED_TAGS
            or "headerlink" in classes  # the permalink "¶"
            or "md-source-file" in classes  # git dates: differ by build, not by page
            or "md-content__button" in classes  # edit / view-source icons
        )

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attr_list)
        if tag == "title" and self.depth == 0:
            self.in_title = True
        if self.depth == 0:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
                self.depth = 1
            return
        if tag in VOID_TAGS:
            return
        self.depth += 1
        if self.skip_depth:
            self.skip_depth += 1
            return
        if self.ignored(tag, attrs):
            self.skip_depth = 1
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = [tag, attrs.get("id") or "", [], self.depth]
        if tag == "a" and attrs.get("href"):
            self.page.links.add(normalize_link(attrs["href"] or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth and not self.skip_depth and tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.page.links.add(normalize_link(href))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.depth == 0 or tag in VOID_TAGS:
            return
        if self.heading is not None and self.heading[3] == self.depth and tag == self.heading[0]:
            level, anchor, parts, _ = self.heading
            self.page.headings.append((level, anchor, " ".join("".join(parts).split())))
            self.heading = None
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
        if self.depth == 0:
            self.page.words = " ".join(self.text).split()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
        if self.depth == 0 or self.skip_depth:
            return
        self.text.append(data)
        if self.heading is not None:
            self.heading[2].append(data)


def normalize_link(href: str) -> str:
    """`./tags/#x` and `tags/#x` are the same link; so are `./..` and `..`."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) or href.startswith(("#", "//")):
        return href
    path, hash_, fragment = href.partition("#")
    if path:
        normal = posixpath.normpath(path)
        path = normal + "/" if path.endswith("/") and normal != "/" else normal
    return path + hash_ + fragment


def read_page(path: Path) -> Page:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    parser.page.title = " ".join(parser.page.title.split())
    if not parser.page.words and parser.text:
        parser.page.words = " ".join(parser.text).split()
    return parser.page


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.parts}


def compare_page(a: Page, b: Page) -> list[str]:
    """How page b (Zensical) differs from page a (MkDocs), in short phrases."""
    notes = []
    if a.title != b.title:
        notes.append(f"title `{a.title}` → `{b.title}`")
    if a.headings != b.headings:
        missing = [h for h in a.headings if h not in b.headings]
        extra = [h for h in b.headings if h not in a.headings]
        parts = []
        if missing:
            parts.append("missing " + ", ".join(f"`{h[2] or h[1]}` (#{h[1]})" for h in missing[:5]))
        if extra:
            parts.append("extra " + ", ".join(f"`{h[2] or h[1]}` (#{h[1]})" for h in extra[:5]))
        notes.append("headings: " + ("; ".join(parts) if parts else "same headings, other order"))
    if a.links != b.links:
        missing = sorted(a.links - b.links)
        extra = sorted(b.links - a.links)
        parts = []
        if missing:
            parts.append(f"{len(missing)} missing (`{missing[0]}`…)" if len(missing) > 1 else f"missing `{missing[0]}`")
        if extra:
            parts.append(f"{len(extra)} extra (`{extra[0]}`…)" if len(extra) > 1 else f"extra `{extra[0]}`")
        notes.append("links: " + "; ".join(parts))
    if a.words != b.words:
        ratio = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False).ratio()
        if ratio < TEXT_SIMILARITY:
            notes.append(f"text {ratio:.0%} similar")
    return notes


@dataclass
class Comparison:
    only_mkdocs: list[str]
    only_zensical: list[str]
    differ: dict[str, list[str]]
    same: list[str]


def compare_sites(mkdocs_site: Path, zensical_site: Path) -> Comparison:
    a_pages, b_pages = html_pages(mkdocs_site), html_pages(zensical_site)
    differ, same = {}, []
    for rel in sorted(a_pages & b_pages):
        notes = compare_page(read_page(mkdocs_site / rel), read_page(zensical_site / rel))
        if notes:
            differ[rel] = notes
        else:
            same.append(rel)
    return Comparison(sorted(a_pages - b_pages), sorted(b_pages - a_pages), differ, same)


def report(result: Comparison | None, *, zensical_version: str, log: str, failed: bool) -> str:
    lines = [f"## Zensical comparison (zensical {zensical_version})", ""]
    if failed or result is None:
        lines += ["Zensical could not build the site from mkdocs.yml. Its output:", ""]
    else:
        lines += [
            "The same `mkdocs.yml` built with MkDocs and with Zensical, page by page "
            "(headings, links and text of the content). This check never blocks a merge.",
            "",
            "| Result | Pages |",
            "| --- | ---: |",
            f"| Same | {len(result.same)} |",
            f"| Differ | {len(result.differ)} |",
            f"| Missing from Zensical | {len(result.only_mkdocs)} |",
            f"| Only in Zensical | {len(result.only_zensical)} |",
            "",
        ]
        if result.only_mkdocs:
            lines += ["### Missing from Zensical", "", *(f"- `{p}`" for p in result.only_mkdocs), ""]
        if result.only_zensical:
            lines += ["### Only in Zensical", "", *(f"- `{p}`" for p in result.only_zensical), ""]
        if result.differ:
            lines += ["### Pages that differ", "", "| Page | What differs |", "| --- | --- |"]
            for page, notes in result.differ.items():
                cell = "; ".join(notes).replace("|", "\\|")
                lines.append(f"| `{page}` | {cell} |")
            lines.append("")
        if log.strip():
            lines += ["### Zensical's warnings", ""]
    if log.strip():
        lines += ["```text", log.strip(), "```", ""]
    return "\n".join(lines)


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def build(root: Path, out: Path) -> tuple[bool, str, str]:
    """Build both sites under out/; return (zensical ok, zensical log, zensical version)."""
    mkdocs_site, zensical_site = out / "mkdocs", out / "zensical"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    result = run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(mkdocs_site)], root)
    if result.returncode != 0:
        raise SystemExit(f"compare_sites: the MkDocs build failed:\n{result.stdout}{result.stderr}")

    config = root / ZENSICAL_CONFIG
    rel_site = zensical_site.resolve().relative_to(root.resolve()).as_posix()
    config.write_text(
        "# Written and removed by scripts/compare_sites.py.\n"
        f"INHERIT: mkdocs.yml\nstrict: false\nsite_dir: {rel_site}\n",
        encoding="utf-8",
    )
    try:
        zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or "zensical"
        result = run([zensical, "build", "--config-file", ZENSICAL_CONFIG], root)
        version = run([zensical, "--version"], root).stdout.strip() or "unknown"
    finally:
        config.unlink(missing_ok=True)
    log = ANSI.sub("", result.stdout + result.stderr)
    # Keep the warnings, drop progress lines and any Python traceback.
    log = log.split("Traceback (most recent call last)")[0]
    log = "\n".join(line.rstrip() for line in log.splitlines()
                    if line.strip() and not line.startswith(("Build started", "Build finished")))
    return result.returncode == 0 and zensical_site.is_dir(), log, version


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this checkout)")
    parser.add_argument("--out", type=Path, default=None, help=f"where both sites are built (default: {OUT})")
    parser.add_argument("--no-build", action="store_true", help="compare the sites already under --out")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    out = (args.out or root / OUT).resolve()

    if args.no_build:
        ok, log, version = True, "", "unknown"
    else:
        ok, log, version = build(root, out)
    result = compare_sites(out / "mkdocs", out / "zensical") if ok else None
    text = report(result, zensical_version=version, log=log, failed=not ok)
    print(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    if result is None:
        return 2
    return 1 if (result.differ or result.only_mkdocs or result.only_zensical) else 0


if __name__ == "__main__":
    sys.exit(main())
