"""Fixtures for the browser suite: the built site, served the way GitHub
Pages serves it, Debian's Chromium, and one recorded visit per page and
colour scheme that the tests in test_pages.py then inspect.

The site comes from SITE_DIR when it is set (`make test-browser` builds
site/ and passes it); otherwise it is built once into a temporary directory.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from browserkit import (
    MISSING_PAGE,
    SCHEMES,
    Recorder,
    build_site,
    launch_chromium,
    new_page,
    origin_of,
    page_paths,
    run_axe,
    serve_site,
    wait_for_diagrams,
)


def _site(config) -> Path:
    """The built site, shared by collection and fixtures."""
    if not getattr(config, "_nexus_site", None):
        if os.environ.get("SITE_DIR"):
            config._nexus_site = Path(os.environ["SITE_DIR"]).resolve()
        else:
            config._nexus_site = Path(tempfile.mkdtemp(prefix="nexus-site-"))
            build_site(config._nexus_site)
        assert (config._nexus_site / "sitemap.xml").is_file(), (
            f"{config._nexus_site} holds no built site"
        )
    return config._nexus_site


def pytest_generate_tests(metafunc):
    """Parametrize `page_path` with every sitemap URL plus the 404 page."""
    if "page_path" in metafunc.fixturenames:
        paths = page_paths(_site(metafunc.config))
        metafunc.parametrize("page_path", paths, ids=lambda p: p.strip("/") or "home")


@pytest.fixture(scope="session")
def site_dir(pytestconfig) -> Path:
    return _site(pytestconfig)


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """The local server's URL for the site root."""
    with serve_site(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@dataclass
class Visit:
    """What one load of one page in one colour scheme showed."""

    path: str
    scheme: str
    viewport: dict
    body_scheme: str | None
    recorder: Recorder
    violations: list[dict]
    scroll_width: int
    diagrams: int
    diagram_error: str | None


@pytest.fixture(scope="session")
def visit(browser, base_url):
    """visit(path, scheme) loads a page once per session and records it."""
    cache: dict[tuple[str, str], Visit] = {}

    def _visit(path: str, scheme: str) -> Visit:
        if (path, scheme) in cache:
            return cache[path, scheme]
        viewport = SCHEMES[scheme][1]
        context, page = new_page(browser, scheme, viewport)
        url = base_url + path
        recorder = Recorder(origin_of(base_url))
        recorder.attach(page, url, 404 if path == MISSING_PAGE else 200)
        try:
            page.goto(url, wait_until="networkidle")
            diagrams = page.locator(".mermaid").count()
            diagram_error = None
            if diagrams:
                try:
                    wait_for_diagrams(page)
                except Exception as exc:  # noqa: BLE001 - the test reports it
                    diagram_error = str(exc).splitlines()[0]
            body_scheme = page.get_attribute("body", "data-md-color-scheme")
            violations = run_axe(page)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
        finally:
            context.close()
        cache[path, scheme] = Visit(
            path,
            scheme,
            viewport,
            body_scheme,
            recorder,
            violations,
            scroll_width,
            diagrams,
            diagram_error,
        )
        return cache[path, scheme]

    return _visit
