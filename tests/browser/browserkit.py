"""What the browser suite and the benchmark share: a GitHub-Pages-like
server for a built site, Debian's Chromium driven by Playwright, a recorder
of every request, and axe-core.

Kept out of conftest.py so that tests and bench/run.py import it by one
unambiguous name (tests/ has a conftest.py of its own).
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# A quiet, reproducible headless Chromium: no sandbox (CI runs as root), no
# GPU, and none of Chromium's own background traffic.
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
# Each page is checked light on a desktop layout and dark on a 375 px phone,
# so axe sees both palettes and both layouts: scheme -> (Material's scheme
# name, viewport).
SCHEMES = {"light": ("default", DESKTOP), "dark": ("slate", PHONE)}

# Key pages, as paths under the site root.
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


# -- Server -------------------------------------------------------------------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve a built site the way GitHub Pages does.

    The site lives under `prefix` (the path of its site_url), a directory
    without a trailing slash redirects, text is gzipped when the client
    accepts it, and a missing path gets 404.html with status 404.
    """

    site_dir: Path
    prefix: str = "/"
    site_url: str | None = None
    # When a list: one (path, status, bytes sent with headers) per response.
    ledger: list | None = None
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self._respond(body=True)

    def do_HEAD(self):
        self._respond(body=False)

    def _resolve(self) -> tuple[Path | None, str | None]:
        """Return (file or None, redirect location or None) for the path."""
        path = unquote(urlsplit(self.path).path)
        if path + "/" == self.prefix:
            return None, self.prefix
        if not path.startswith(self.prefix):
            return None, None
        target = (self.site_dir / path[len(self.prefix) :]).resolve()
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
            if not target.is_file():
                self.send_error(404)
                return
        data = target.read_bytes()
        if self.site_url and target.name == "sitemap.xml":
            # Deployed, the sitemap's URLs point at the site itself; Material's
            # instant navigation follows only links it finds there.
            local = f"http://{self.headers.get('Host', '127.0.0.1')}{self.prefix}"
            data = data.replace(self.site_url.encode(), local.encode())
        ctype = self.guess_type(str(target))
        if ctype.startswith("text/") or ctype in (
            "application/javascript",
            "application/json",
        ):
            ctype += "; charset=utf-8"
        gzipped = ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if gzipped:
            data = gzip.compress(data, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        # GitHub Pages lets browsers cache everything for ten minutes.
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        header_bytes = sum(map(len, self._headers_buffer)) + 2
        self.end_headers()
        if body:
            self.wfile.write(data)
        if self.ledger is not None:
            self.ledger.append(
                (self.path, status, header_bytes + (len(data) if body else 0))
            )


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A browser that closes a page mid-download is not a server error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_site(site_dir: Path, port: int = 0, ledger: list | None = None):
    """Serve site_dir at http://127.0.0.1:PORT/PREFIX/, PREFIX being the path
    of the site_url it was built with; yield that base URL. With a ledger
    list, every response is recorded in it (see SiteHandler.ledger)."""
    site_url, _ = sitemap_urls(site_dir)
    prefix = urlsplit(site_url).path or "/"
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    attrs = {
        "site_dir": site_dir.resolve(),
        "prefix": prefix,
        "site_url": site_url,
        "ledger": ledger,
    }
    server = SiteServer(("127.0.0.1", port), type("Handler", (SiteHandler,), attrs))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# -- Site -----------------------------------------------------------------------


def build_site(
    dest: Path, cwd: Path = ROOT, env: dict | None = None, config: str | None = None
) -> None:
    """Build a site strictly into dest with the project's mkdocs."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "-d",
        str(dest),
    ]
    if config:
        command += ["-f", config]
    subprocess.run(
        command,
        cwd=cwd,
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
    return site_url, sorted(loc[len(site_url) :] for loc in locs)


def page_paths(site_dir: Path) -> list[str]:
    """Every page of the sitemap, plus a missing path for the 404 page."""
    return sitemap_urls(site_dir)[1] + [MISSING_PAGE]


def page_file(site_dir: Path, path: str) -> Path:
    return (
        site_dir / "404.html"
        if path == MISSING_PAGE
        else site_dir / path / "index.html"
    )


def has_diagram(site_dir: Path, path: str) -> bool:
    return 'class="mermaid"' in page_file(site_dir, path).read_text(encoding="utf-8")


def diagram_page(site_dir: Path) -> str:
    """The case-study page with diagrams, or else the first page with one."""
    paths = [DIAGRAM_PAGE] + sitemap_urls(site_dir)[1]
    found = [
        p
        for p in paths
        if page_file(site_dir, p).is_file() and has_diagram(site_dir, p)
    ]
    assert found, "no page of the site has a diagram"
    return found[0]


# -- Browser ------------------------------------------------------------------------


def launch_chromium(playwright):
    if not Path(CHROMIUM).exists():
        raise SystemExit(
            f"Chromium not found at {CHROMIUM}: run scripts/install-system-deps.sh"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# Material renders each diagram into a closed shadow root; opening it lets the
# tests (and axe) see the SVG. Nothing else on the page changes.
OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attachShadow.call(this, { ...init, mode: "open" });
};
"""


def new_page(browser, scheme: str = "light", viewport=DESKTOP):
    """A fresh context (empty cache and storage) with the reader's colour
    scheme preference; return (context, page)."""
    context = browser.new_context(
        viewport=viewport, color_scheme=scheme, reduced_motion="reduce"
    )
    context.add_init_script(OPEN_SHADOW_ROOTS)
    return context, context.new_page()


@dataclass
class Recorder:
    """Every request, failure and console error of one browser page."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)

    def attach(self, page, document_url: str | None = None, expect_status: int = 200):
        def on_response(response):
            self.responses.append(response)
            expected = expect_status if response.url == document_url else 200
            if response.status >= 400 and response.status != expected:
                self.failures.append(f"{response.status} {response.url}")

        def on_console(message):
            # Chromium logs the expected 404 of the missing page itself.
            expected = (
                message.location.get("url") == document_url and expect_status != 200
            )
            if message.type == "error" and not (
                expected and message.text.startswith("Failed to load resource")
            ):
                self.errors.append(f"console.error: {message.text}")

        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failures.append(f"{r.failure} {r.url}"))
        page.on("response", on_response)
        page.on("console", on_console)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))

    def third_party(self) -> list[str]:
        local = ("data:", "blob:", "about:", self.origin + "/")
        return [url for url in self.requests if not url.startswith(local)]

    def transferred(self) -> int:
        """Bytes over the wire (headers plus compressed bodies), as Chromium
        counted them for the page itself; a web worker's own script is not
        counted here (the benchmark counts on the server instead)."""
        total = 0
        for response in self.responses:
            sizes = response.request.sizes()
            total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
        return total


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def wait_for_diagrams(page, timeout: float = 20_000) -> None:
    """Bring every mermaid block into view (the site draws a diagram only
    when it nears the viewport; collapsed admonitions are opened first) and
    wait until each has become an SVG."""
    page.evaluate(
        "document.querySelectorAll('details:not([open])').forEach(d => d.open = true)"
    )
    diagrams = page.locator(".mermaid")
    for i in range(diagrams.count()):
        diagrams.nth(i).scroll_into_view_if_needed()
    page.wait_for_function(
        """() => [...document.querySelectorAll('.mermaid')].every(
             el => el.shadowRoot && el.shadowRoot.querySelector('svg'))""",
        timeout=timeout,
    )


AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Only violations are reported, which makes axe several times faster.
    "resultTypes": ["violations"],
}


def run_axe(page) -> list[dict]:
    """Run axe-core on the page; return its violations (empty when clean)."""
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)[
        "violations"
    ]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            summary = node["failureSummary"].splitlines()[-1].strip()
            lines.append(f"    {' > '.join(map(str, node['target']))}: {summary}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)
