"""MkDocs hook: name the line of a broken link, not only the page.

MkDocs' link validation says which page holds a broken link or anchor, but
not where: "Doc file 'program.md' contains a link 'plan.md', but the target
'plan.md' is not found among documentation files." This prefixes such
warnings with `docs/program.md:42:`, the form editors and terminals turn
into a jump to the line. The warning itself, its level and so the strict
build's failure stay MkDocs' own; only the text gains the location. A link
that is not written in the page's own Markdown (it came from an included
file) keeps MkDocs' message as it is.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

# The link warnings of mkdocs/structure/pages.py (MkDocs 1.6).
LINK_WARNING = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains (?:a|an absolute|an unrecognized relative) "
    r"link '(?P<link>[^']+)'"
)
PAGES_LOGGER = logging.getLogger("mkdocs.structure.pages")


class LinkLines(logging.Filter):
    def __init__(self, docs_dir: Path, project_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir
        self.project_dir = project_dir

    def filter(self, record: logging.LogRecord) -> bool:
        match = LINK_WARNING.match(record.getMessage())
        if match:
            where = self.locate(match["page"], match["link"])
            if where:
                record.msg = f"{where}: {record.getMessage()}"
                record.args = ()
        return True  # never drops a record

    def locate(self, page: str, link: str) -> str | None:
        source = self.docs_dir / page
        try:
            lines = source.read_text(encoding="utf-8").splitlines()
        except OSError:
            return None
        # As written in Markdown: (link), <link>, "link" or a reference `]: link`.
        written = re.compile(r"[(<\"'\s]" + re.escape(link) + r"(?=[)>\"'\s]|$)")
        for number, line in enumerate(lines, start=1):
            if written.search(line):
                return f"{os.path.relpath(source, self.project_dir)}:{number}"
        return None


def on_config(config, **kwargs):
    # `mkdocs serve` loads the configuration again on every rebuild: keep one filter.
    for old in [f for f in PAGES_LOGGER.filters if type(f).__name__ == "LinkLines"]:
        PAGES_LOGGER.removeFilter(old)
    project_dir = Path(config.config_file_path).resolve().parent
    PAGES_LOGGER.addFilter(LinkLines(Path(config.docs_dir).resolve(), project_dir))
    return config
