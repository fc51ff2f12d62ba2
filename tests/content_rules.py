"""Content rules that no off-the-shelf linter covers.

MkDocs (strict build, `validation:`) checks links, anchors and the nav;
pymarkdownlnt checks Markdown style, raw <script> and image alt text;
codespell checks spelling. This script checks the rest, and like those tools
it names the file and line of every problem:

- front matter: present, valid YAML, a mapping, with a `description` that
  is one full sentence (ending with a full stop: an unquoted " #" in it
  starts a YAML comment and silently cuts it short);
- no inline event-handler attributes (onclick=...) in HTML;
- no http:// links (loopback preview addresses excepted);
- no <img> without alt text (Markdown images are pymarkdownlnt's MD045);
- no placeholder text (TODO, TBD, lorem ipsum, "coming soon", ...).

Run: python tests/content_rules.py [FILE_OR_DIR ...]   (default: docs/)
Exit status 1 when anything is found.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

FENCE = re.compile(r"^\s*(```|~~~)")
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
HTTP_LINK = re.compile(r"http://(?!127\.0\.0\.1|localhost|\[::1\])[^\s)>\"']+")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
IMG_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]+\"|'[^']+')", re.IGNORECASE)
PLACEHOLDERS = [
    re.compile(r"\b(TODO|TBD|FIXME|XXX)\b"),
    re.compile(r"lorem ipsum", re.IGNORECASE),
    re.compile(r"\bcoming soon\b", re.IGNORECASE),
    re.compile(r"\bplaceholder (text|page|content)\b", re.IGNORECASE),
    re.compile(r"this section will be updated", re.IGNORECASE),
]
DESCRIPTION_LENGTH = range(20, 201)


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {self.rule}: {self.message}"


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return the front matter block (or None) and the line where the body starts."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return None, 1
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return "\n".join(lines[1 : number - 1]), number + 1
    return "\n".join(lines[1:]), len(lines) + 1


def key_line(text: str, key: str) -> int:
    """Line of `key:` in the front matter, or 1 when the key is absent."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
        if number > 1 and line.strip() == "---":
            break
    return 1


def check_front_matter(path: Path, text: str) -> Iterator[Problem]:
    block, _ = split_front_matter(text)
    if block is None:
        yield Problem(path, 1, "front-matter", "missing front matter (--- title/description ---)")
        return
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        yield Problem(path, line, "front-matter", f"invalid YAML: {problem}")
        return
    if not isinstance(meta, dict):
        yield Problem(path, 2, "front-matter", "front matter must be a mapping of keys")
        return
    description = meta.get("description")
    line = key_line(text, "description")
    if not isinstance(description, str) or not description.strip():
        yield Problem(path, line, "front-matter", "missing `description` (one sentence for search and social cards)")
    elif len(description.strip()) not in DESCRIPTION_LENGTH:
        yield Problem(
            path, line, "front-matter",
            f"`description` is {len(description.strip())} characters; keep it between 20 and 200",
        )
    elif not description.strip().endswith((".", "?", "!")):
        # Also catches YAML cutting an unquoted value at " #" (a comment).
        yield Problem(
            path, line, "front-matter",
            "`description` must be one full sentence ending with a full stop; "
            "put it in double quotes if it contains ' #' or a colon and a space",
        )
    tags = meta.get("tags")
    if tags is not None and not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        yield Problem(path, key_line(text, "tags"), "front-matter", "`tags` must be a list of strings")


def body_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """Yield (line number, line, inside a code fence) for the page body."""
    _, start = split_front_matter(text)
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if number < start:
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            yield number, line, True
            continue
        yield number, line, in_fence


def check_body(path: Path, text: str) -> Iterator[Problem]:
    for number, line, in_fence in body_lines(text):
        for pattern in PLACEHOLDERS:
            match = pattern.search(line)
            if match:
                yield Problem(path, number, "placeholder", f"placeholder text {match.group(0)!r}: write the content")
        if in_fence:
            continue
        if EVENT_HANDLER.search(line):
            yield Problem(path, number, "event-handler", "inline event-handler attribute in HTML (on...=)")
        for match in HTTP_LINK.finditer(line):
            yield Problem(path, number, "https-only", f"insecure link {match.group(0)!r}: use https://")
        for tag in IMG_TAG.findall(line):
            if not IMG_ALT.search(tag):
                yield Problem(path, number, "image-alt", "<img> without alt text")


def check_file(path: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8")
    return [*check_front_matter(path, text), *check_body(path, text)]


def markdown_files(targets: list[Path]) -> Iterator[Path]:
    for target in targets:
        if target.is_dir():
            yield from sorted(target.rglob("*.md"))
        else:
            yield target


def main(argv: list[str]) -> int:
    targets = [Path(arg).resolve() for arg in argv] or [ROOT / "docs"]
    problems = [problem for path in markdown_files(targets) for problem in check_file(path)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"content rules: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
