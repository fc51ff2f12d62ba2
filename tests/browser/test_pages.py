"""Every page of the built site, in a real browser, in both colour schemes.

`page_path` runs over every URL in sitemap.xml plus a missing path (the 404
page). Each page is loaded twice per session, light on a desktop viewport
and dark on a 375 px phone viewport; the tests below inspect those visits.
"""

import pytest
from browserkit import MISSING_PAGE, SCHEMES, format_violations, has_diagram


def test_no_errors_failed_or_third_party_requests(visit, page_path):
    """No console error, no failed request, no request to another host."""
    problems = []
    for scheme in SCHEMES:
        rec = visit(page_path, scheme).recorder
        problems += [f"[{scheme}] error: {e}" for e in rec.errors]
        problems += [f"[{scheme}] failed request: {f}" for f in rec.failures]
        problems += [f"[{scheme}] third-party request: {u}" for u in rec.third_party()]
    assert not problems, f"/{page_path}:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_accessibility_violations(visit, page_path, scheme):
    """axe-core finds no WCAG 2.1 A/AA violation in this colour scheme."""
    v = visit(page_path, scheme)
    expected = SCHEMES[scheme][0]
    assert v.body_scheme == expected, (
        f"/{page_path}: palette {v.body_scheme!r}, expected {expected!r}"
    )
    assert not v.violations, (
        f"/{page_path} ({scheme}):\n{format_violations(v.violations)}"
    )


def test_no_sideways_scroll_on_phone(visit, page_path):
    """At 375 px nothing is wider than the screen (tables and code scroll
    inside their own container)."""
    v = visit(page_path, "dark")
    assert v.viewport["width"] == 375
    assert v.scroll_width <= 375, f"/{page_path} is {v.scroll_width} px wide at 375 px"


def test_diagrams_render_with_site_mermaid_only(visit, page_path, site_dir):
    """Diagram pages render every mermaid block to SVG from this site's own
    copy of mermaid; other pages load no diagram code at all."""
    for scheme in SCHEMES:
        v = visit(page_path, scheme)
        mermaid_requests = [u for u in v.recorder.requests if "mermaid" in u.lower()]
        if page_path != MISSING_PAGE and has_diagram(site_dir, page_path):
            assert v.diagrams > 0, (
                f"/{page_path}: diagram markup but no .mermaid element"
            )
            assert v.diagram_error is None, (
                f"/{page_path} ({scheme}): diagrams did not render: {v.diagram_error}"
            )
            assert any("/assets/javascripts/mermaid/" in u for u in mermaid_requests), (
                mermaid_requests
            )
        else:
            assert not mermaid_requests, (
                f"/{page_path} loads diagram code it does not use: {mermaid_requests}"
            )


def test_search_index_waits_for_search(visit, page_path):
    """The search index, the largest file, is not downloaded until a reader
    opens search (test_interactions.py checks that search then works)."""
    for scheme in SCHEMES:
        loaded = [
            u
            for u in visit(page_path, scheme).recorder.requests
            if "search_index.json" in u
        ]
        assert not loaded, f"/{page_path} downloads the search index on load: {loaded}"
