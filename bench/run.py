#!/usr/bin/env python3
"""Project Nexus benchmark: how heavy the pages are and how fast the site builds.

Prints Markdown tables and, with --update-docs, writes them into
docs/about.md between the `bench:start` and `bench:end` markers. Raw numbers
go to bench/results/latest.json (not committed).

Measures, on this machine, in one run:
- per page kind (home, technology, challenge, case study with diagrams,
  journal post, 404): compressed bytes transferred and requests, loaded in
  headless Chromium from a server that gzips like GitHub Pages; the same
  for a bare Material build of the same home page;
- Lighthouse mobile scores per page kind (when npm's lighthouse is installed);
- build time, cold (first build of the run) and warm (fastest of the next
  builds); the same configuration without the git-dates plugin; a bare
  Material configuration on the same pages (plugin overhead);
- `mkdocs serve`: time from saving a page to the rebuilt page being served;
- build time with 100, 500 and 1,000 generated pages, with and without git dates;
- Zensical's build time on a copy of the same configuration.

Usage: .venv/bin/python bench/run.py [--quick] [--update-docs]
  --quick       skip the generated-page builds, Zensical and Lighthouse
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import browserkit as bk

PYTHON = sys.executable
ABOUT = ROOT / "docs" / "about.md"
RESULTS = ROOT / "bench" / "results"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Targets from the issue "Prove every page in a real browser".
MAX_PAGE_KB = 70
MAX_PLUGIN_RATIO = 1.5
MAX_EDIT_SECONDS = 2.0
SIZES = (100, 500, 1000)
KB = 1000  # kilobytes as Chromium's DevTools and Lighthouse count them


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# -- Builds ---------------------------------------------------------------------------


def timed_build(
    cwd: Path, out: Path, env: dict | None = None, config: str | None = None
) -> float:
    """Wall time of one `mkdocs build` in a fresh process, output dir emptied."""
    shutil.rmtree(out, ignore_errors=True)
    command = [PYTHON, "-m", "mkdocs", "build", "--quiet", "-d", str(out)]
    if config:
        command += ["-f", config]
    start = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=cwd,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(f"build failed in {cwd}:\n{result.stderr[-2000:]}")
    return elapsed


def cold_warm(
    cwd: Path, out: Path, warm_runs: int = 3, **kwargs
) -> tuple[float, float]:
    """(first build, fastest of the next warm_runs builds: the least
    disturbed by anything else running on the machine)."""
    cold = timed_build(cwd, out, **kwargs)
    warm = min(timed_build(cwd, out, **kwargs) for _ in range(warm_runs))
    return cold, warm


def section(config_text: str, key: str) -> str:
    """A top-level YAML block (`key:` and its indented lines) taken verbatim."""
    match = re.search(rf"^{key}:.*?(?=^\S|\Z)", config_text, re.DOTALL | re.MULTILINE)
    return match.group(0) if match else ""


def bare_config(dest: Path) -> Path:
    """A bare Material mkdocs.yml for the same pages: Material's defaults
    (Google Fonts included), the search plugin only, no overrides, no extra
    CSS; the same Markdown extensions and nav so the pages render alike."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = dest / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            site_name: Project Nexus (bare Material)
            site_url: http://127.0.0.1:8000/
            docs_dir: {ROOT / "docs"}
            theme:
              name: material
            plugins:
              - search
            """
        )
        + section(text, "markdown_extensions")
        + section(text, "nav"),
        encoding="utf-8",
    )
    return config


def project_copy(dest: Path) -> Path:
    """Copy the project (the files git tracks or would track, plus the
    browser assets `make install` copies into overrides/) into dest and
    commit it to a fresh git repository, so the git-dates plugin has history
    to look up."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    shutil.copytree(ROOT / "overrides", dest / "overrides", dirs_exist_ok=True)
    commit_all(dest, "copy")
    return dest


def commit_all(repo: Path, message: str) -> None:
    git = [
        "git",
        "-c",
        "user.name=bench",
        "-c",
        "user.email=bench@localhost",
        "-c",
        "commit.gpgsign=false",
    ]
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], cwd=repo, check=True)


GENERATED_PAGE = """\
---
title: Generated page {n}
description: A generated page for the build benchmark, number {n}, shaped like a concept page.
tags:
  - Performance
---

# Generated page {n}

## In short

Page {n} exists to measure how build time grows with the number of pages. It has the
headings, lists, a table, an admonition and code of a typical page on this site.

## What it is

- A paragraph of text with `inline code`, **bold** and *emphasis*.
- A second item that mentions the ORM, an API and DRF, so abbreviations apply.
- A third item.

| Column | Meaning | Example |
| --- | --- | --- |
| id | primary key | {n} |
| title | a short text | Page {n} |

## Worked example

```bash
curl -s http://127.0.0.1:8000/api/v1/jobs/?page={n}
```

!!! note "Why generated"
    Build time must grow linearly with the number of pages.

## Pitfalls

Generated text, page {n}: nothing to learn here beyond the timing.
"""


def add_generated_pages(project: Path, count: int) -> None:
    """Add count pages under docs/generated/, outside the nav (as blog posts
    and tag pages are), and commit them so git dates have history."""
    folder = project / "docs" / "generated"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for n in range(1, count + 1):
        (folder / f"page-{n:04d}.md").write_text(
            GENERATED_PAGE.format(n=n), encoding="utf-8"
        )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "not_in_nav:" not in text:
        config.write_text(text + "\nnot_in_nav: |\n  /generated/\n", encoding="utf-8")
    commit_all(project, f"{count} generated pages")


# -- mkdocs serve -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8", "replace")


def wait_for(condition, timeout: float, interval: float = 0.02) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        with contextlib.suppress(Exception):
            if condition():
                return True
        time.sleep(interval)
    return False


def edit_to_served(
    project: Path,
    page: str,
    url_path: str,
    env: dict | None = None,
    args: tuple = (),
    edits: int = 3,
) -> float:
    """Median seconds from saving docs/<page> to `mkdocs serve` serving the
    rebuilt page (polled every 20 ms)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *args],
        cwd=project,
        env={**ENV, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    source = project / "docs" / page
    original = source.read_text(encoding="utf-8")
    try:
        if not wait_for(
            lambda: "</html>" in fetch(base + url_path), timeout=180, interval=0.2
        ):
            raise RuntimeError("mkdocs serve did not start")
        time.sleep(1)  # let the file watcher settle
        times = []
        for i in range(edits):
            marker = f"benchmark-marker-{i}-{time.time_ns()}"
            start = time.perf_counter()
            source.write_text(original + f"\n{marker}\n", encoding="utf-8")
            if not wait_for(
                lambda marker=marker: marker in fetch(base + url_path), timeout=120
            ):
                raise RuntimeError("the edit never showed up")
            times.append(time.perf_counter() - start)
            time.sleep(0.5)
        return statistics.median(times)
    finally:
        source.write_text(original, encoding="utf-8")
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        if process.poll() is None:
            process.kill()


# -- Pages in the browser -------------------------------------------------------------


def page_kinds(site: Path) -> dict[str, str]:
    """One path per page kind, as in the issue."""
    _, paths = bk.sitemap_urls(site)
    posts = [
        p
        for p in paths
        if p.startswith("journal/")
        and p != "journal/"
        and not re.match(r"journal/(archive|category|page)/", p)
    ]
    kinds = {
        "Home": "",
        "Technology": "technologies/django/",
        "Challenge": "challenges/slow-api-responses/",
        "Case study with diagrams": bk.DIAGRAM_PAGE,
        "Journal post": posts[0] if posts else None,
        "404": bk.MISSING_PAGE,
    }
    return {
        k: v
        for k, v in kinds.items()
        if v is not None and (v == bk.MISSING_PAGE or v in paths)
    }


def weigh_pages(site: Path, kinds: dict[str, str], port: int = 0) -> dict[str, dict]:
    """Bytes and requests per page on a first visit (empty cache), counted
    by the server as it sends them (headers included): on load, and again
    after every diagram has been scrolled into view and drawn."""
    from playwright.sync_api import sync_playwright

    results = {}
    ledger: list = []
    with bk.serve_site(site, port, ledger) as base, sync_playwright() as playwright:
        browser = bk.launch_chromium(playwright)
        for kind, path in kinds.items():
            context, page = bk.new_page(browser, "light", bk.PHONE)
            recorder = bk.Recorder(bk.origin_of(base))
            recorder.attach(page, base + path, 404 if path == bk.MISSING_PAGE else 200)
            ledger.clear()
            page.goto(base + path, wait_until="networkidle")
            on_load = list(ledger)
            if page.locator(".mermaid").count():
                bk.wait_for_diagrams(page)
                page.wait_for_load_state("networkidle")
            by_file: dict[str, int] = {}
            for url, _, size in ledger:
                name = (
                    url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
                    if url.split("?")[0] != "/" + path
                    else "(page)"
                )
                by_file[name or "(page)"] = by_file.get(name or "(page)", 0) + size
            results[kind] = {
                "path": path,
                "load_bytes": sum(size for *_, size in on_load),
                "load_requests": len(on_load),
                "bytes": sum(size for *_, size in ledger),
                "requests": len(ledger),
                "third_party": recorder.third_party(),
                "diagram_code": any("mermaid" in url for url, *_ in ledger),
                "by_file": dict(sorted(by_file.items(), key=lambda item: -item[1])),
            }
            context.close()
        browser.close()
    return results


def lighthouse_available() -> bool:
    return (ROOT / "node_modules" / ".bin" / "lighthouse").exists() and shutil.which(
        "node"
    ) is not None


def lighthouse_median(url: str, runs: int) -> dict | str:
    """The run with the median performance score of `runs` Lighthouse runs
    (scores vary from run to run with whatever else the machine is doing)."""
    results = [lighthouse(url) for _ in range(runs)]
    scored = [r for r in results if isinstance(r, dict)]
    if not scored:
        return results[0]
    scored.sort(key=lambda r: r["performance"])
    return {**scored[len(scored) // 2], "_runs": [r["performance"] for r in scored]}


def lighthouse(url: str) -> dict[str, int] | str:
    """Lighthouse's mobile scores (0-100) for one URL, or why there are none."""
    flags = " ".join(["--headless=new", *bk.CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(
            [
                str(ROOT / "node_modules" / ".bin" / "lighthouse"),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=performance,accessibility,best-practices,seo",
                f"--chrome-flags={flags}",
            ],
            env={**os.environ, "CHROME_PATH": bk.CHROMIUM},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode or not report.exists():
            return (
                f"failed: {(result.stderr.strip().splitlines() or ['no output'])[-1]}"
            )
        data = json.loads(report.read_text())
    if data.get("runtimeError"):
        return f"failed: {data['runtimeError'].get('code')}"
    scores = {
        key: round((cat["score"] or 0) * 100) for key, cat in data["categories"].items()
    }
    # The audits that cost points, for the report.
    scores["_lost"] = sorted(
        {
            audit_id
            for cat in data["categories"].values()
            for ref in cat["auditRefs"]
            if ref["weight"] > 0
            and (audit_id := ref["id"])
            and data["audits"][audit_id]["score"] is not None
            and data["audits"][audit_id]["score"] < 1
        }
    )
    return scores


# -- Zensical -----------------------------------------------------------------------------


def zensical_build(project: Path) -> float | str:
    """Seconds for `zensical build` on the project copy, or why it failed."""
    exe = Path(PYTHON).parent / "zensical"
    if not exe.exists():
        return "not installed (pip package zensical)"
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # Zensical requires the output inside the project.
    out = project / "zensical-site"
    if "\nsite_dir:" not in text:
        config.write_text(text + "\nsite_dir: zensical-site\n", encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run(
        [str(exe), "build", "--clean", "-f", str(config)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode or not (out / "index.html").exists():
        lines = [
            line
            for line in (result.stderr + result.stdout).strip().splitlines()
            if line.strip()
        ]
        return "failed: " + (
            " / ".join(lines[-3:]) if lines else f"exit {result.returncode}, no site"
        )
    return elapsed


# -- Report ----------------------------------------------------------------------------------


def fmt_kb(n: int) -> str:
    return f"{n / KB:.1f} KB"


def mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


LH_KEYS = ("performance", "accessibility", "best-practices", "seo")


def report(r: dict) -> str:
    """The results as two Markdown tables (pages, then builds) and notes."""
    lines = [
        f"Measured on {r['machine']} by `make bench` (bench/run.py), {r['date']}.",
        "",
    ]
    notes = []
    if r.get("pages"):
        lines += [
            (
                "| Page kind | Page | Transferred on load (gzip) | Requests | With every diagram drawn "
                "| Lighthouse mobile (P / A / BP / SEO) |"
            ),
            "| --- | --- | --: | --: | --: | --- |",
        ]
        for kind, page in r["pages"].items():
            lh = r.get("lighthouse", {}).get(kind, "not run")
            if isinstance(lh, dict):
                if lost := lh.get("_lost"):
                    runs = (
                        f" (performance in {len(lh['_runs'])} runs: {', '.join(map(str, lh['_runs']))})"
                        if "_runs" in lh
                        else ""
                    )
                    notes.append(
                        f"Lighthouse, {kind}: points lost on {', '.join(f'`{a}`' for a in lost)}{runs}."
                    )
                lh = " / ".join(str(lh[k]) for k in LH_KEYS)
            weight = fmt_kb(page["load_bytes"])
            if page["load_bytes"] > MAX_PAGE_KB * KB:
                weight += " (over 70 KB)"
            drawn = (
                f"{fmt_kb(page['bytes'])}, {page['requests']} requests"
                if page["diagram_code"]
                else "no diagram"
            )
            lines.append(
                f"| {kind} | `/{page['path']}` | {weight} | {page['load_requests']} | {drawn} | {lh} |"
            )
            if page["third_party"]:
                notes.append(
                    f"{kind}: {len(page['third_party'])} requests to other hosts."
                )
        if bare := r.get("bare_home"):
            lines.append(
                f"| Bare Material, same home page | `/` | {fmt_kb(bare['load_bytes'])} | {bare['load_requests']} "
                "| no diagram | not run |"
            )
            notes.append(
                f"The bare Material page also made {len(bare['third_party'])} request(s) to other hosts "
                "(Google Fonts), which fail offline and are not counted in its bytes."
            )
    lines += ["", "| Build measure | Result | Target |", "| --- | --: | --- |"]
    if b := r.get("builds"):
        lines += [
            f"| Full build, cold / warm | {b['full_cold']:.1f} s / {b['full_warm']:.1f} s | |",
            (
                "| Without git dates (`GIT_DATES=false`), cold / warm | "
                f"{b['nogit_cold']:.1f} s / {b['nogit_warm']:.1f} s | |"
            ),
            f"| Bare Material on the same pages, warm | {b['bare_warm']:.1f} s | |",
            (
                f"| Plugin overhead (full / bare, warm) | {b['plugin_ratio']:.2f}x | "
                f"at most {MAX_PLUGIN_RATIO}x: {mark(b['plugin_ratio'] <= MAX_PLUGIN_RATIO)} |"
            ),
            f"| Plugin overhead without git dates | {b['plugin_ratio_nogit']:.2f}x | |",
        ]
    labels = (
        ("Saved edit served by `mkdocs serve`", "default"),
        ("The same with `GIT_DATES=false`", "nogit"),
        ("The same with `mkdocs serve --dirty --no-strict`", "dirty"),
    )
    for label, key in labels:
        if key in r.get("serve", {}):
            value = r["serve"][key]
            if isinstance(value, (int, float)):
                lines.append(
                    f"| {label} | {value:.2f} s | at most {MAX_EDIT_SECONDS:.0f} s: {mark(value <= MAX_EDIT_SECONDS)} |"
                )
            else:
                lines.append(f"| {label} | {value} | |")
    if sc := r.get("scaling"):
        for n, row in sc["sizes"].items():
            lines.append(
                f"| {sc['base_pages'] + int(n)} pages ({n} generated), with / without git dates | "
                f"{row['git']:.1f} s / {row['nogit']:.1f} s | |"
            )
        lin = sc["linearity"]
        lines.append(
            f"| Seconds per 100 extra pages, 100 to 500 / 500 to 1,000 | {lin['early']:.2f} / {lin['late']:.2f} | "
            f"linear (second at most 1.3 times the first): {mark(lin['ratio'] <= 1.3)} |"
        )
    if z := r.get("zensical"):
        shown = (
            f"{z['seconds']:.1f} s, {z['ratio']:.2f}x MkDocs on the same copy, run next to it "
            f"({z['mkdocs_warm']:.1f} s warm)"
            if "seconds" in z
            else z["error"]
        )
        lines.append(
            f"| Zensical {z.get('version', '')} on the same configuration | {shown} | |"
        )
    if notes:
        lines += [""] + [f"- {note}" for note in notes]
    return "\n".join(lines)


def update_docs(table: str) -> None:
    text = ABOUT.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{ABOUT} has no {START} ... {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    ABOUT.write_text(f"{head}{START}\n\n{table}\n\n{END}{tail}", encoding="utf-8")
    log(f"wrote the tables into {ABOUT.relative_to(ROOT)}")


# -- Main ------------------------------------------------------------------------------------


SECTIONS = ("builds", "pages", "lighthouse", "serve", "zensical", "scaling")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="skip generated pages, Zensical and Lighthouse",
    )
    parser.add_argument(
        "--only",
        help=f"comma-separated sections to run ({', '.join(SECTIONS)}); the others are taken "
        "from the previous run's bench/results/latest.json",
    )
    parser.add_argument(
        "--update-docs", action="store_true", help="write the tables into docs/about.md"
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page (median kept)",
    )
    args = parser.parse_args()
    run = set(SECTIONS)
    if args.quick:
        run -= {"lighthouse", "zensical", "scaling"}
    r: dict = {}
    if args.only:
        run = set(args.only.split(","))
        if unknown := run - set(SECTIONS):
            parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
        if (RESULTS / "latest.json").exists():
            r = json.loads((RESULTS / "latest.json").read_text(encoding="utf-8"))
    r["machine"] = (
        f"{os.cpu_count()} CPU cores, Python {platform.python_version()}, {platform.system()}"
        f" (load average {os.getloadavg()[0]:.1f} at the start)"
    )
    r["date"] = time.strftime("%Y-%m-%d")
    RESULTS.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        (RESULTS / "latest.json").write_text(
            json.dumps(r, indent=2, default=str), encoding="utf-8"
        )

    with tempfile.TemporaryDirectory(prefix="nexus-bench-") as tmp:
        tmp = Path(tmp)
        bare = bare_config(tmp)

        if "builds" in run:
            log("builds: full configuration, without git dates, bare Material")
            b = r["builds"] = {}
            b["full_cold"], b["full_warm"] = cold_warm(ROOT, tmp / "full")
            b["nogit_cold"], b["nogit_warm"] = cold_warm(
                ROOT, tmp / "nogit", env={"GIT_DATES": "false"}
            )
            _, b["bare_warm"] = cold_warm(ROOT, tmp / "bare", config=str(bare))
            b["plugin_ratio"] = b["full_warm"] / b["bare_warm"]
            b["plugin_ratio_nogit"] = b["nogit_warm"] / b["bare_warm"]
            save()

        port = free_port()
        site = tmp / "site"
        if run & {"pages", "lighthouse", "scaling"}:
            bk.build_site(site, env={"SITE_URL": f"http://127.0.0.1:{port}/"})
        kinds = page_kinds(site) if site.exists() else {}

        if "pages" in run:
            log("pages: bytes and requests in Chromium")
            r["pages"] = weigh_pages(site, kinds, port)
            if not (tmp / "bare").exists():
                timed_build(ROOT, tmp / "bare", config=str(bare))
            r["bare_home"] = weigh_pages(tmp / "bare", {"Bare": ""})["Bare"]
            save()

        if "lighthouse" in run:
            r["lighthouse"] = {}
            if not lighthouse_available():
                r["lighthouse"] = {kind: "not available" for kind in kinds}
            else:
                with bk.serve_site(site, port) as base:
                    for kind, path in kinds.items():
                        # Lighthouse scores only a page served with status 200,
                        # so the 404 page is audited at its own address.
                        url = base + ("404.html" if path == bk.MISSING_PAGE else path)
                        log(f"lighthouse: {kind}")
                        r["lighthouse"][kind] = lighthouse_median(
                            url, args.lighthouse_runs
                        )
            save()
        elif "lighthouse" not in r:
            r["lighthouse"] = {kind: "skipped (--quick)" for kind in kinds}

        project = project_copy(tmp / "project") if run & {"serve", "scaling"} else None
        if "serve" in run:
            log("mkdocs serve: edit to served page")
            page, url_path = "technologies/django.md", "technologies/django/"
            r["serve"] = {}
            variants = {
                "default": ({}, ()),
                "nogit": ({"GIT_DATES": "false"}, ()),
                "dirty": ({}, ("--dirty", "--no-strict")),
            }
            for key, (env, extra) in variants.items():
                try:
                    r["serve"][key] = edit_to_served(
                        project, page, url_path, env, extra
                    )
                except RuntimeError as exc:
                    r["serve"][key] = f"failed: {exc}"
            save()

        if "zensical" in run:
            log("zensical: same configuration")
            zcopy = project_copy(tmp / "zensical")
            _, mk_warm = cold_warm(zcopy, tmp / "zensical-mkdocs", warm_runs=1)
            z_first = zensical_build(zcopy)
            if isinstance(z_first, str):
                r["zensical"] = {"error": z_first}
            else:
                z_warm = zensical_build(zcopy)
                seconds = z_warm if isinstance(z_warm, float) else z_first
                r["zensical"] = {
                    "cold": z_first,
                    "seconds": seconds,
                    "mkdocs_warm": mk_warm,
                    "ratio": seconds / mk_warm,
                }
            version = subprocess.run(
                [str(Path(PYTHON).parent / "zensical"), "--version"],
                capture_output=True,
                text=True,
                check=False,
            )
            r["zensical"]["version"] = (
                version.stdout.strip().split()[-1] if version.returncode == 0 else ""
            )
            save()

        if "scaling" in run:
            log("scaling: generated pages")
            sizes = {}
            for n in SIZES:
                add_generated_pages(project, n)
                sizes[str(n)] = {
                    "git": timed_build(project, tmp / "scale"),
                    "nogit": timed_build(
                        project, tmp / "scale", env={"GIT_DATES": "false"}
                    ),
                }
                log(f"scaling: {n} pages: {sizes[str(n)]}")
            t = {n: sizes[str(n)]["git"] for n in SIZES}
            early, late = (t[500] - t[100]) / 4, (t[1000] - t[500]) / 5
            r["scaling"] = {
                "base_pages": len(bk.sitemap_urls(site)[1]),
                "sizes": sizes,
                "linearity": {
                    "early": early,
                    "late": late,
                    "ratio": late / early if early > 0 else float("inf"),
                },
            }
            save()

    table = report(r)
    print(table)
    if args.update_docs:
        update_docs(table)


if __name__ == "__main__":
    main()
