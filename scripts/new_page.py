#!/usr/bin/env python3
"""Scaffold a new page from its template in templates/.

    make new-challenge  TITLE="Flaky tests in CI"
    make new-technology TITLE="Celery"  TAGS="Celery, Async"
    make new-concept    TITLE="Idempotency"
    make new-post       TITLE="What I learned this week"

or directly: python3 scripts/new_page.py challenge "Flaky tests in CI".

The script slugifies the title, copies the template for the page kind, and
fills in what a page needs to build from the first minute: the title, the
slug and date, a one-sentence description, tags from the site's vocabulary
(read from mkdocs.yml), an include of a real snippet section under
examples/jobboard/ and, for reference pages, an official documentation link
for the first tag. It refuses to overwrite a page.

Challenge, technology and concept pages must be in the navigation (the strict
build fails on a page left out), so the script adds the nav line to mkdocs.yml
itself, at the end of the page kind's section, and prints it. `--no-nav` only
prints the line. Journal posts need no nav entry: the blog plugin lists them.

Optional settings (command-line options, or environment variables, which is
how `make` passes them): TAGS="A, B", SNIPPET="jobs/cache.py:cache_aside",
DESCRIPTION="...", DATE=YYYY-MM-DD.

Standard library only, so it runs before `make install`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = "examples/jobboard"
DEFAULT_SNIPPET = f"{EXAMPLES}/jobs/models.py:job_model"


@dataclass(frozen=True)
class Kind:
    template: str
    folder: str  # under docs/
    nav_section: str | None  # None: no nav entry (journal posts)
    default_tags: tuple[str, ...]
    description: str  # "{title}" is replaced by the page title


KINDS = {
    "challenge": Kind(
        "challenge.md", "challenges", "Challenges", ("Debugging",),
        "{title}: the symptom, the root cause and the tested fix, from building the Job Board Platform.",
    ),
    "technology": Kind(
        "technology.md", "technologies", "Technologies", ("Python",),
        "{title} for backend engineers: what it is, why it matters and how the Job Board Platform uses it.",
    ),
    "concept": Kind(
        "concept.md", "concepts", "Concepts", ("Python",),
        "{title} explained for backend engineers, with a worked example from the Job Board Platform.",
    ),
    "post": Kind(
        "journal-post.md", "journal/posts", None, (),
        "{title}: what happened, what I learned and what I will try next.",
    ),
}

# Official documentation for the "Further reading" line of reference pages,
# chosen by the page's first tag.
OFFICIAL_DOCS = {
    "API design": ("Django REST framework", "https://www.django-rest-framework.org/"),
    "Async": ("Python: asyncio", "https://docs.python.org/3/library/asyncio.html"),
    "Caching": ("Django: the cache framework", "https://docs.djangoproject.com/en/stable/topics/cache/"),
    "Celery": ("Celery documentation", "https://docs.celeryq.dev/en/stable/"),
    "CI/CD": ("GitHub Actions documentation", "https://docs.github.com/en/actions"),
    "Collaboration": ("GitHub documentation", "https://docs.github.com/en"),
    "Database": ("PostgreSQL documentation", "https://www.postgresql.org/docs/current/"),
    "Debugging": ("Python: pdb, the debugger", "https://docs.python.org/3/library/pdb.html"),
    "Deployment": ("Django: deployment checklist", "https://docs.djangoproject.com/en/stable/howto/deployment/checklist/"),
    "Django": ("Django documentation", "https://docs.djangoproject.com/en/stable/"),
    "Docker": ("Docker documentation", "https://docs.docker.com/"),
    "DRF": ("Django REST framework", "https://www.django-rest-framework.org/"),
    "GraphQL": ("Learn GraphQL", "https://graphql.org/learn/"),
    "Observability": ("Python: logging", "https://docs.python.org/3/library/logging.html"),
    "Performance": ("Django: performance and optimization", "https://docs.djangoproject.com/en/stable/topics/performance/"),
    "PostgreSQL": ("PostgreSQL documentation", "https://www.postgresql.org/docs/current/"),
    "Python": ("The Python documentation", "https://docs.python.org/3/"),
    "Redis": ("Redis documentation", "https://redis.io/docs/latest/"),
    "REST": ("Django REST framework", "https://www.django-rest-framework.org/"),
    "Security": ("Django: security", "https://docs.djangoproject.com/en/stable/topics/security/"),
    "Testing": ("Django: testing", "https://docs.djangoproject.com/en/stable/topics/testing/"),
}

LANGUAGES = {".py": "python", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".sh": "bash"}
SECTION_START = re.compile(r"--8<-- \[start:([\w-]+)\]")
PLACEHOLDER = re.compile(r"\b(TITLE|SLUG|TAG|PATH|SECTION|YYYY-MM-DD|ONE_SENTENCE_[A-Z_]+)\b")
DESCRIPTION_LENGTH = range(50, 161)


class ScaffoldError(Exception):
    """A problem the author can fix; printed without a traceback."""


def slugify(title: str) -> str:
    """'Flaky tests in CI!' -> 'flaky-tests-in-ci' (ASCII letters, digits, hyphens)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def yaml_scalar(text: str) -> str:
    """The text as a YAML scalar: plain when that is unambiguous, else double-quoted."""
    plain = (
        re.fullmatch(r"[A-Za-z0-9(][^\n]*", text) is not None
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.strip() == text
        and text.lower() not in {"yes", "no", "on", "off", "true", "false", "null", "~"}
        and re.fullmatch(r"[0-9.+\-eE_:]+", text) is None
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def allowed_tags(mkdocs_yml: str) -> list[str]:
    """The `tags_allowed:` list of the tags plugin in mkdocs.yml."""
    lines = mkdocs_yml.splitlines()
    for index, line in enumerate(lines):
        if line.strip() == "tags_allowed:":
            indent = len(line) - len(line.lstrip())
            tags = []
            for item in lines[index + 1:]:
                if not item.strip() or item.lstrip().startswith("#"):
                    continue
                if len(item) - len(item.lstrip()) <= indent or not item.lstrip().startswith("- "):
                    break
                tags.append(item.strip()[2:].strip().strip("\"'"))
            return tags
    raise ScaffoldError("mkdocs.yml has no `tags_allowed:` list for the tags plugin")


def parse_tags(raw: str, vocabulary: list[str], default: tuple[str, ...]) -> list[str]:
    if not raw.strip():
        return list(default)
    by_lower = {tag.lower(): tag for tag in vocabulary}
    tags = []
    for name in (part.strip() for part in raw.split(",")):
        if not name:
            continue
        if name.lower() not in by_lower:
            raise ScaffoldError(f"unknown tag {name!r}; use tags from: {', '.join(vocabulary)}")
        tags.append(by_lower[name.lower()])
    return tags


def snippet_sections(root: Path) -> list[str]:
    """Every `path:section` marked with `--8<-- [start:section]` under examples/jobboard/."""
    found = []
    base = root / EXAMPLES
    for path in sorted(base.rglob("*")) if base.is_dir() else []:
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".md":
            continue  # Markdown files may show the marker syntax without marking code
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        rel = path.relative_to(root).as_posix()
        found.extend(f"{rel}:{name}" for name in SECTION_START.findall(text))
    return found


def resolve_snippet(raw: str, root: Path) -> tuple[str, str]:
    """Return (file, section) for SNIPPET, checking that both exist."""
    available = snippet_sections(root)
    if not raw.strip():
        if DEFAULT_SNIPPET in available:
            raw = DEFAULT_SNIPPET
        elif available:
            raw = available[0]
        else:
            raise ScaffoldError(f"no snippet sections found under {EXAMPLES}/; set SNIPPET=path:section")
    raw = raw.strip()
    if ":" not in raw:
        raise ScaffoldError(f"SNIPPET must be path:section, for example {DEFAULT_SNIPPET}")
    path, section = raw.rsplit(":", 1)
    if not path.startswith("examples/"):
        path = f"{EXAMPLES}/{path}"
    if f"{path}:{section}" not in available:
        hint = "run `python3 scripts/new_page.py --list-snippets` to see them all"
        if not (root / path).is_file():
            raise ScaffoldError(f"snippet file {path} does not exist; {hint}")
        raise ScaffoldError(f"{path} has no section {section!r}; {hint}")
    return path, section


def describe(kind: Kind, title: str, given: str) -> str:
    if given.strip():
        text = given.strip()
        # One sentence, as make check requires.
        return text if text.endswith((".", "?", "!")) else f"{text}."
    text = kind.description.format(title=title)
    if len(text) not in DESCRIPTION_LENGTH:
        text = f"{title}."
    return text


def fill_template(template: str, *, title: str, slug: str, date: str, description: str,
                  tags: list[str], snippet: tuple[str, str] | None) -> str:
    text = template
    text = re.sub(r"^title: TITLE$", f"title: {yaml_scalar(title)}", text, flags=re.MULTILINE)
    text = re.sub(r"^description: ONE_SENTENCE_[A-Z_]+$",
                  lambda _: f"description: {yaml_scalar(description)}", text, flags=re.MULTILINE)
    text = re.sub(r"^# TITLE$", lambda _: f"# {title}", text, flags=re.MULTILINE)
    text = re.sub(r"^slug: SLUG$", f"slug: {slug}", text, flags=re.MULTILINE)
    text = text.replace("YYYY-MM-DD", date)

    tag_lines = "".join(f"  - {yaml_scalar(tag)}\n" for tag in tags)
    if re.search(r"^  - TAG\n", text, flags=re.MULTILINE):
        text = re.sub(r"^  - TAG\n", lambda _: tag_lines, text, count=1, flags=re.MULTILINE)
    elif tags:
        # A template without tags (journal posts): add them to the front matter.
        end = text.index("\n---\n", 4)
        text = f"{text[:end]}\ntags:\n{tag_lines.rstrip()}{text[end:]}"

    if snippet is not None:
        path, section = snippet
        language = "dockerfile" if Path(path).name == "Dockerfile" else LANGUAGES.get(Path(path).suffix, "text")
        text = re.sub(
            r'^```python title="examples/jobboard/PATH\.py"\n--8<-- "examples/jobboard/PATH\.py:SECTION"$',
            lambda _: f'```{language} title="{path}"\n--8<-- "{path}:{section}"',
            text, flags=re.MULTILINE,
        )

    if tags and tags[0] in OFFICIAL_DOCS:
        name, url = OFFICIAL_DOCS[tags[0]]
        text = text.replace("[Official documentation](https://example.org/)", f"[{name}]({url})")

    left = sorted({match.group(0) for match in PLACEHOLDER.finditer(text)})
    if left:
        raise ScaffoldError(f"the template has placeholders this script does not fill: {', '.join(left)}")
    return text


def nav_line(indent: str, title: str, target: str) -> str:
    return f"{indent}- {yaml_scalar(title)}: {target}"


def add_to_nav(mkdocs_yml: str, section: str, title: str, target: str) -> tuple[str, str]:
    """Insert the page at the end of a nav section; return (new text, the line added)."""
    lines = mkdocs_yml.splitlines(keepends=True)
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "nav:")
    except StopIteration:
        raise ScaffoldError("mkdocs.yml has no top-level `nav:`") from None
    header = re.compile(rf"^(\s*)- {re.escape(section)}:\s*$")
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line[0].isspace() and not line.startswith("#"):
            break  # the next top-level key: the nav ended
        match = header.match(line.rstrip("\n"))
        if not match:
            continue
        parent_indent = len(match.group(1))
        last, child_indent = index, None
        for child in range(index + 1, len(lines)):
            text = lines[child]
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            indent = len(text) - len(text.lstrip())
            if indent <= parent_indent:
                break
            if child_indent is None:
                child_indent = indent
            last = child
        if any(re.search(rf":\s*{re.escape(target)}\s*$|^\s*-\s*{re.escape(target)}\s*$", lines[i])
               for i in range(index, last + 1)):
            raise ScaffoldError(f"{target} is already in the nav of mkdocs.yml")
        added = nav_line(" " * (child_indent or parent_indent + 4), title, target)
        lines.insert(last + 1, added + "\n")
        return "".join(lines), added
    raise ScaffoldError(f"mkdocs.yml has no `- {section}:` section in its nav")


def existing_post_slugs(posts: Path) -> set[str]:
    slugs = set()
    for post in posts.glob("*.md"):
        match = re.search(r"^slug:\s*(\S+)\s*$", post.read_text(encoding="utf-8"), flags=re.MULTILINE)
        slugs.add(match.group(1) if match else post.stem)
    return slugs


def scaffold(kind_name: str, title: str, *, root: Path, tags_raw: str = "", snippet_raw: str = "",
             description: str = "", date: str = "", nav: bool = True) -> list[str]:
    """Create the page; return the lines to print."""
    kind = KINDS[kind_name]
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError(f'a title is needed: make new-{kind_name} TITLE="..."')
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"the title {title!r} has no letters or digits to make a file name from")
    date = date.strip() or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise ScaffoldError(f"DATE must be YYYY-MM-DD, not {date!r}") from None

    mkdocs_path = root / "mkdocs.yml"
    mkdocs_yml = mkdocs_path.read_text(encoding="utf-8")
    tags = parse_tags(tags_raw, allowed_tags(mkdocs_yml), kind.default_tags)

    docs = root / "docs"
    if kind_name == "post":
        page = docs / kind.folder / f"{date}-{slug}.md"
        if slug in existing_post_slugs(page.parent):
            raise ScaffoldError(f"a journal post with the slug {slug!r} exists already; choose another title")
    else:
        page = docs / kind.folder / f"{slug}.md"
    rel_page = page.relative_to(root).as_posix()
    if page.exists():
        raise ScaffoldError(f"{rel_page} exists already; it was not changed")

    template_path = root / "templates" / kind.template
    template = template_path.read_text(encoding="utf-8")
    needs_snippet = "examples/jobboard/PATH.py:SECTION" in template
    snippet = resolve_snippet(snippet_raw, root) if needs_snippet else None
    text = fill_template(template, title=title, slug=slug, date=date,
                         description=describe(kind, title, description), tags=tags, snippet=snippet)

    report = [f"Created {rel_page} from templates/{kind.template}."]
    if kind.nav_section is not None:
        target = page.relative_to(docs).as_posix()
        if nav:
            new_yml, added = add_to_nav(mkdocs_yml, kind.nav_section, title, target)
            mkdocs_path.write_text(new_yml, encoding="utf-8")
            report += [f"Added it to the nav in mkdocs.yml, at the end of {kind.nav_section}:", added.rstrip()]
        else:
            report += [f"Add this line to the nav in mkdocs.yml, under {kind.nav_section}:",
                       nav_line("      ", title, target)]
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")

    report += ["", "Next:", f"  1. Write each section of {rel_page}; its text is the template's guidance to replace."]
    step = 2
    if snippet is not None:
        report.append(f"  {step}. The code sample includes {snippet[0]}:{snippet[1]}; point it at the code "
                      "your page explains (list them: python3 scripts/new_page.py --list-snippets).")
        step += 1
    if tags:
        report.append(f"  {step}. Tags: {', '.join(tags)}. Keep the ones that fit (TAGS=\"A, B\" chooses them).")
        step += 1
    if kind_name != "post":
        report.append(f"  {step}. Link the page from docs/{kind.folder}/index.md.")
        step += 1
    report.append(f"  {step}. Preview with `make serve`; run `make check` before you push.")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", nargs="?", choices=sorted(KINDS), help="the kind of page")
    parser.add_argument("title", nargs="?", default=os.environ.get("TITLE", ""), help="the page title (or TITLE=)")
    parser.add_argument("--tags", default=os.environ.get("TAGS", ""), help='comma-separated tags (or TAGS=)')
    parser.add_argument("--snippet", default=os.environ.get("SNIPPET", ""),
                        help="path:section to include (or SNIPPET=)")
    parser.add_argument("--description", default=os.environ.get("DESCRIPTION", ""),
                        help="front matter description (or DESCRIPTION=)")
    parser.add_argument("--date", default=os.environ.get("DATE", ""), help="post date, YYYY-MM-DD (or DATE=)")
    parser.add_argument("--no-nav", action="store_true", help="print the nav line instead of adding it")
    parser.add_argument("--list-snippets", action="store_true", help="list the snippet sections and exit")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.list_snippets:
        print("\n".join(snippet_sections(args.root)))
        return 0
    if args.kind is None:
        parser.error("the kind of page is needed: " + ", ".join(sorted(KINDS)))
    try:
        report = scaffold(args.kind, args.title, root=args.root, tags_raw=args.tags,
                          snippet_raw=args.snippet, description=args.description,
                          date=args.date, nav=not args.no_nav)
    except ScaffoldError as error:
        print(f"new_page: {error}", file=sys.stderr)
        return 1
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
