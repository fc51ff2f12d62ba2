"""Fixtures for the browser suite: the built site, a GitHub-Pages-like
server for it, Debian's Chromium driven by Playwright, and one recorded
visit per page and colour scheme that the tests then inspect.

The site comes from SITE_DIR when it is set (the Makefile builds site/ and
passes it); otherwise it is built here into a temporary directory.
The benchmark (bench/run.py) imports the server and the browser launcher
from this module, so both measure the same thing.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags for a quiet, reproducible headless Chromium: no sandbox (CI runs as
# root), no GPU, and none of Chromium's own background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
# Key pages for screenshots and interaction tests (paths under the site root).
HOME = ""
CACHING_PAGE = "concepts/caching-strategies/"
DIAGRAM_PAGE = "job-board/data-model/"
MISSING_PAGE = "this-page-does-not-exist/"

# What GitHub Pages compresses: text formats, never images or fonts.
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "image/svg+xml",
)


# -- Server ---------------------------------------------------------------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve a built site the way GitHub Pages does.

    The site lives under `prefix` (the path of site_url), directories
    without a trailing slash redirect, text is gzipped when the client
    accepts it, and a missing path gets 404.html with status 404.
    """

    site_dir: Path
    prefix: str = "/"
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, format, *args):  # noqa: A002 - http.server's name
        pass

    def do_GET(self):
        self._respond(body=True)

    def do_HEAD(self):
        self._respond(body=False)

    def _resolve(self) -> tuple[Path | None, str | None]:
        """Return (file, redirect location) for the request path."""
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return None, None
        relative = path[len(self.prefix):] if path.startswith(self.prefix) else ""
        target = (self.site_dir / relative).resolve()
        if not target.is_relative_to(self.site_dir):
            return None, None
        if target.is_dir():
            if not path.endswith("/"):
                return None, path + "/"
            target = target / "index.html"
        return (target if target.is_file() else None), None

    def _respond(self, body: bool):
        target, location = self._resolve()
        if location:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200
        if target is None:
            status, target = 404, self.site_dir / "404.html"
        data = target.read_bytes()
        ctype = self.guess_type(str(target))
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        encoding = None
        if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data, encoding = gzip.compress(data, compresslevel=6, mtime=0), "gzip"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        # GitHub Pages caches everything for ten minutes.
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        if body:
            self.wfile.write(data)


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve_site(site_dir: Path, prefix: str = "/", port: int = 0):
    """Serve site_dir at http://127.0.0.1:PORT{prefix}; yield that base URL."""
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    handler = type("Handler", (SiteHandler,), {"site_dir": site_dir.resolve(), "prefix": prefix})
    server = SiteServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# -- Site -----------------------------------------------------------------


def build_site(dest: Path, env: dict | None = None) -> None:
    """Build the site strictly into dest with the project's mkdocs."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=True,
    )


def sitemap_urls(site_dir: Path) -> tuple[str, list[str]]:
    """Return (site_url, page paths relative to it) from sitemap.xml.

    The home page's <loc> is site_url itself, the shortest of them all.
    """
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.parse(site_dir / "sitemap.xml")
    locs = [el.text.strip() for el in tree.getroot().findall("s:url/s:loc", ns)]
    site_url = min(locs, key=len)
    assert all(loc.startswith(site_url) for loc in locs), "sitemap mixes site URLs"
    return site_url, sorted(loc[len(site_url):] for loc in locs)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    if os.environ.get("SITE_DIR"):
        path = Path(os.environ["SITE_DIR"]).resolve()
        assert (path / "sitemap.xml").is_file(), f"{path} holds no built site"
        return path
    path = tmp_path_factory.mktemp("site")
    build_site(path)
    return path


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """The local server's URL for the site root (same path as site_url)."""
    site_url, _ = sitemap_urls(site_dir)
    with serve_site(site_dir, urlsplit(site_url).path or "/") as url:
        yield url


def page_paths(site_dir: Path) -> list[str]:
    return sitemap_urls(site_dir)[1] + [MISSING_PAGE]


def has_diagram(site_dir: Path, path: str) -> bool:
    target = site_dir / path / "index.html" if path != MISSING_PAGE else site_dir / "404.html"
    return 'class="mermaid"' in target.read_text(encoding="utf-8")


def pytest_generate_tests(metafunc):
    """Parametrize `page_path` with every sitemap URL plus the 404 page.

    Collection needs the page list before fixtures run, so the site is
    built here once (or SITE_DIR is read) and reused by the fixture.
    """
    if "page_path" in metafunc.fixturenames:
        site = _collection_site(metafunc.config)
        metafunc.parametrize("page_path", page_paths(site), ids=lambda p: p.strip("/") or "home")


def _collection_site(config) -> Path:
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve()
    cached = getattr(config, "_nexus_site", None)
    if cached is None:
        import tempfile

        cached = Path(tempfile.mkdtemp(prefix="nexus-site-"))
        build_site(cached)
        config._nexus_site = cached
        os.environ["SITE_DIR"] = str(cached)
    return cached


# -- Browser ----------------------------------------------------------------


def launch_chromium(playwright):
    if not Path(CHROMIUM).exists():
        pytest.exit(f"Chromium not found at {CHROMIUM}: run scripts/install-system-deps.sh", 1)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


# Material renders each diagram into a closed shadow root; opening it lets
# the tests (and axe) see the SVG. It changes nothing else on the page.
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attachShadow.call(this, { ...init, mode: "open" });
};
"""


@dataclass
class Recorder:
    """Every request, failure and console error of one browser page."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page, document_url: str | None = None, expect_status: int = 200):
        def on_response(response):
            expected = expect_status if response.url == document_url else 200
            if response.status >= 400 and response.status != expected:
                self.failures.append(f"{response.status} {response.url}")

        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failures.append(f"{r.failure} {r.url}"))
        page.on("response", on_response)
        page.on(
            "console",
            lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))

    def third_party(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith(("data:", "blob:", "about:")) and not url.startswith(self.origin)
        ]


def new_page(browser, base_url: str, scheme: str = "light", viewport=DESKTOP):
    """A fresh context and page with the reader's colour scheme preference."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    return context, page


def wait_for_diagrams(page, timeout: float = 20_000) -> None:
    """Wait until every mermaid block on the page has become an SVG."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('.mermaid')].every(
             el => el.shadowRoot && el.shadowRoot.querySelector('svg'))""",
        timeout=timeout,
    )


AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def run_axe(page) -> list[dict]:
    """Run axe-core on the page; return its violations (empty when clean)."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' > '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


@dataclass
class Visit:
    """What one load of one page in one colour scheme showed."""

    path: str
    scheme: str
    viewport: dict
    body_scheme: str
    recorder: Recorder
    violations: list[dict]
    scroll_width: int
    diagrams: int
    diagram_error: str | None


SCHEMES = {
    # The light scheme is checked on a desktop layout, the dark one on a
    # phone, so axe sees both layouts and both palettes.
    "light": ("default", DESKTOP),
    "dark": ("slate", PHONE),
}


@pytest.fixture(scope="session")
def visit(browser, base_url, site_dir):
    """visit(path, scheme) loads the page once per session and records it."""
    cache: dict[tuple[str, str], Visit] = {}
    origin = base_url[: base_url.index("/", len("http://"))]

    def _visit(path: str, scheme: str) -> Visit:
        key = (path, scheme)
        if key in cache:
            return cache[key]
        expected_scheme, viewport = SCHEMES[scheme]
        context, page = new_page(browser, base_url, scheme, viewport)
        url = base_url + path
        recorder = Recorder(origin)
        recorder.attach(page, url, 404 if path == MISSING_PAGE else 200)
        try:
            response = page.goto(url, wait_until="networkidle")
            assert response is not None
            diagrams = page.locator(".mermaid").count()
            diagram_error = None
            if diagrams:
                try:
                    wait_for_diagrams(page)
                except Exception as exc:  # noqa: BLE001 - reported by the test
                    diagram_error = str(exc).splitlines()[0]
            body_scheme = page.get_attribute("body", "data-md-color-scheme")
            violations = run_axe(page)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
        finally:
            context.close()
        cache[key] = Visit(
            path, scheme, viewport, body_scheme, recorder, violations, scroll_width, diagrams, diagram_error
        )
        return cache[key]

    return _visit


def pytest_configure(config):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)


def dump(obj) -> str:
    return json.dumps(obj, indent=2)
