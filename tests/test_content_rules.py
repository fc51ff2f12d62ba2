"""The content rules catch each kind of mistake and name the file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from content_rules import check_file, main

GOOD_FRONT_MATTER = "---\ntitle: A page\ndescription: A sentence that says what the page teaches.\n---\n\n# A page\n\n"


def problems(tmp_path: Path, text: str) -> list[str]:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return [f"{p.line}:{p.rule}" for p in check_file(page)]


def test_a_clean_page_passes(tmp_path: Path) -> None:
    text = GOOD_FRONT_MATTER + "See [Django](https://docs.djangoproject.com/) and http://127.0.0.1:8000.\n"
    assert problems(tmp_path, text) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Write this later: TODO\n", "8:placeholder"),
        ("Lorem ipsum dolor sit amet.\n", "8:placeholder"),
        ("More is coming soon.\n", "8:placeholder"),
        ('<a href="#" onclick="steal()">x</a>\n', "8:event-handler"),
        ("Read [the spec](http://example.org/spec).\n", "8:https-only"),
        ('<img src="a.png">\n', "8:image-alt"),
    ],
)
def test_each_rule_reports_file_and_line(tmp_path: Path, body: str, expected: str) -> None:
    assert expected in problems(tmp_path, GOOD_FRONT_MATTER + body)


def test_code_fences_may_show_http_and_handlers(tmp_path: Path) -> None:
    body = "```html\n<a onclick=\"x()\" href=\"http://example.org\">x</a>\n```\n"
    assert problems(tmp_path, GOOD_FRONT_MATTER + body) == []


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("# No front matter\n", "1:front-matter"),
        ("---\ntitle: x\ndescription: [unclosed\n---\n# X\n", "3:front-matter"),
        ("---\ntitle: x\n---\n# X\n", "1:front-matter"),
        ("---\ntitle: x\ndescription: Short\n---\n# X\n", "3:front-matter"),
        ("---\n- a\n- b\n---\n# X\n", "2:front-matter"),
        ("---\ndescription: A sentence long enough to pass.\ntags: Django\n---\n# X\n", "3:front-matter"),
        # YAML reads " #Channel, and more." as a comment: the value stops at "in".
        ("---\ntitle: x\ndescription: Working with other learners in #Channel, and more.\n---\n# X\n",
         "3:front-matter"),
    ],
)
def test_bad_front_matter_is_reported(tmp_path: Path, front_matter: str, expected: str) -> None:
    assert expected in problems(tmp_path, front_matter)


def test_command_line_names_the_file(tmp_path: Path) -> None:
    page = tmp_path / "broken.md"
    page.write_text(GOOD_FRONT_MATTER + "FIXME\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("content_rules.py")), str(page)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert f"{page}:8: placeholder" in result.stdout


def test_the_docs_follow_the_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0, capsys.readouterr().out
