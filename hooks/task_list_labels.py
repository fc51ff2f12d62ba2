"""MkDocs hook: give task-list checkboxes an accessible name.

pymdownx.tasklist renders `- [x] Item` as a disabled checkbox inside an
empty <label>, so a screen reader announces "checkbox, checked" with no
name (axe rule `label`, WCAG 4.1.2). This copies each item's own text into
the checkbox's aria-label.
"""

from __future__ import annotations

import html
import re

CHECKBOX = re.compile(
    r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")'
    r'([^>]*>\s*<span class="task-list-indicator"></span>\s*</label>)'
    r"(.*?)(?=</li>|<ul|<ol|<p>|<div)",
    re.DOTALL,
)
TAG = re.compile(r"<[^>]+>")


def _label(match: re.Match) -> str:
    text = " ".join(html.unescape(TAG.sub("", match.group(3))).split())
    return f'{match.group(1)} aria-label="{html.escape(text, quote=True)}"{match.group(2)}{match.group(3)}'


def on_page_content(html_text: str, **kwargs) -> str:
    if "task-list-control" not in html_text:
        return html_text
    return CHECKBOX.sub(_label, html_text)
