"""What a reader does: search, keyboard navigation, the palette toggle,
instant navigation to a diagram page, and screenshots for review."""

import urllib.error
import urllib.request

import pytest
from browserkit import (
    CACHING_PAGE,
    DESKTOP,
    DIAGRAM_PAGE,
    HOME,
    MISSING_PAGE,
    PHONE,
    SCREENSHOTS,
    Recorder,
    diagram_page,
    new_page,
    origin_of,
    wait_for_diagrams,
)


@pytest.fixture
def page(browser, base_url):
    context, page = new_page(browser)
    yield page
    context.close()


def test_search_lists_the_caching_page(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    # The keyboard shortcut opens search on any layout.
    page.keyboard.press("/")
    query = page.locator("input.md-search__input")
    query.wait_for(state="visible")
    query.type("cache")
    result = page.locator(f".md-search-result__item a[href*='{CACHING_PAGE}']").first
    result.wait_for(timeout=10_000)
    assert "cach" in result.inner_text().lower()  # codespell:ignore cach


def test_tab_reveals_the_skip_link(page, base_url):
    page.goto(base_url + CACHING_PAGE, wait_until="networkidle")
    skip = page.locator("a.md-skip")
    assert skip.count() == 1, "no skip link on a page with headings"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), (
        "first Tab stop is not the skip link"
    )
    page.wait_for_function(
        "getComputedStyle(document.activeElement).opacity === '1'", timeout=2_000
    )
    box = skip.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0 and box["y"] >= 0
    # Following it moves focus into the content.
    page.keyboard.press("Enter")
    assert page.url.endswith(skip.get_attribute("href"))


def focus_outline(page) -> dict:
    return page.evaluate(
        """() => {
          const el = document.activeElement, s = getComputedStyle(el);
          return {tag: el.tagName, text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
                  style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow};
        }"""
    )


@pytest.mark.parametrize("path", [HOME, CACHING_PAGE])
def test_focused_links_have_a_visible_outline(page, base_url, path):
    """Tab through the first 40 stops; every focused link shows an outline."""
    page.goto(base_url + path, wait_until="networkidle")
    links, bare = 0, []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = focus_outline(page)
        if info["tag"] != "A":
            continue
        links += 1
        if not (
            (info["style"] != "none" and info["width"] >= 1)
            or info["shadow"] not in ("", "none")
        ):
            bare.append(info)
    assert links >= 5, "too few links reached by Tab"
    assert not bare, f"focused links without a visible outline: {bare}"


def test_palette_toggle_is_remembered(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    seen = []
    for _ in range(3):
        page.locator("form[data-md-component='palette'] label:not([hidden])").click()
        seen.append(page.get_attribute("body", "data-md-color-scheme"))
        if seen[-1] == "slate":
            break
    assert seen[-1] == "slate", f"toggle never reached the dark scheme: {seen}"
    page.reload(wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", (
        "dark scheme not remembered"
    )
    stored = page.evaluate("__md_get('__palette')")
    assert stored["color"]["scheme"] == "slate"


def test_instant_navigation_renders_diagrams_offline(browser, base_url, site_dir):
    """Following a link from a page without diagrams to one with diagrams
    (Material's instant navigation, no full reload) still renders them with
    this site's mermaid, never a CDN copy."""
    target = diagram_page(site_dir)
    context, page = new_page(browser)
    recorder = Recorder(origin_of(base_url))
    recorder.attach(page)
    try:
        page.goto(base_url, wait_until="networkidle")
        assert page.locator(".mermaid").count() == 0, (
            "the start page must have no diagram"
        )
        # A content link to the diagram page, clicked as a reader would.
        page.evaluate(
            """href => { const a = document.createElement('a'); a.href = href; a.id = 'nexus-link';
                      a.textContent = 'Data model'; document.querySelector('article').prepend(a); }""",
            base_url + target,
        )
        page.evaluate("window.__nexus_marker = 1")
        page.click("#nexus-link")
        page.wait_for_url(lambda url: target in url)
        assert page.evaluate("window.__nexus_marker") == 1, (
            "navigation reloaded the page (instant navigation off?)"
        )
        assert page.locator(".mermaid").count() > 0, "the diagram page shows no diagram"
        wait_for_diagrams(page)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert not recorder.third_party(), recorder.third_party()
    assert not recorder.errors, recorder.errors
    assert not recorder.failures, recorder.failures


SCREENSHOT_PAGES = {
    "home": HOME,
    "technology": "technologies/django/",
    "challenge": "challenges/slow-api-responses/",
    "data-model": DIAGRAM_PAGE,  # the case-study page with diagrams
    "404": MISSING_PAGE,
}


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(SCREENSHOT_PAGES))
def test_screenshot(browser, base_url, name, scheme, device):
    """Save a full-page screenshot to test-results/screenshots/ for review."""
    context, page = new_page(browser, scheme, DESKTOP if device == "desktop" else PHONE)
    try:
        page.goto(base_url + SCREENSHOT_PAGES[name], wait_until="networkidle")
        if page.locator(".mermaid").count():
            wait_for_diagrams(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS / f"{name}-{scheme}-{device}.png"
        page.screenshot(path=str(target), full_page=True)
    finally:
        context.close()
    assert target.stat().st_size > 10_000


def test_404_page_links_lead_to_pages(page, base_url):
    """The 404 page's own links (a template, so the strict build does not
    check them) all open pages of this site."""
    page.goto(base_url + "some/deep/missing/page/", wait_until="networkidle")
    hrefs = page.eval_on_selector_all(
        "article a[href]", "links => links.map(a => a.href)"
    )
    assert len(hrefs) >= 5
    broken = []
    for href in hrefs:
        if not href.startswith(base_url):
            broken.append(f"{href} (not on this site)")
            continue
        try:
            with urllib.request.urlopen(href, timeout=5) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            broken.append(f"{href} ({status})")
    assert not broken, broken
