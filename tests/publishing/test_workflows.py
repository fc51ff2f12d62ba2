"""The GitHub workflows keep the shape the project relies on.

zizmor and GitHub's JSON schemas (make lint-github) catch insecure or invalid
workflows in general; these tests pin down this project's own rules:

- only a push to main deploys, only after the test job, with the Pages
  permissions on that job alone;
- the token is read-only everywhere else (the link check may write issues);
- every action is pinned to a full commit SHA with its release in a comment;
- checkouts keep no credentials, and fetch full history wherever the site is
  built (page dates come from git);
- no pull_request_target, no `${{ }}` expression inside a shell script;
- every job has a time limit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS_DIR = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS_DIR.glob("*.y*ml"))
CI = WORKFLOWS_DIR / "ci.yml"
LINKS = WORKFLOWS_DIR / "links.yml"

# Job-level write permissions, and the only jobs that may have them.
ALLOWED_WRITES = {
    ("ci.yml", "deploy"): {"pages", "id-token"},
    ("links.yml", "links"): {"issues"},
}
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$")
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^v\d+(?:\.\d+){0,2}$")
# Commands that build the site (and so need full git history for page dates).
BUILDS_SITE = re.compile(r"\bmake\s+(?:build|check|test|compare-zensical)\b|\bmkdocs\s+build\b|\bzensical\s+build\b")


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    # YAML 1.1 reads the key `on` as the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def jobs(path: Path) -> dict[str, dict[str, Any]]:
    return load(path)["jobs"]


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps", [])


def uses_of(step: dict[str, Any]) -> str:
    return str(step.get("uses", "")).split("@")[0]


def all_jobs() -> list[tuple[str, str, dict[str, Any]]]:
    return [(path.name, name, job) for path in WORKFLOW_FILES for name, job in jobs(path).items()]


def job_ids() -> list[str]:
    return [f"{file}:{name}" for file, name, _ in all_jobs()]


def test_the_workflows_exist() -> None:
    assert CI.is_file() and LINKS.is_file()
    assert WORKFLOW_FILES


# -- Triggers -----------------------------------------------------------------

@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_no_pull_request_target(path: Path) -> None:
    triggers = load(path)["on"]
    names = [triggers] if isinstance(triggers, str) else list(triggers)
    assert "pull_request_target" not in names
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


def test_ci_runs_on_pull_requests_and_pushes_to_main() -> None:
    triggers = load(CI)["on"]
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]


def test_link_check_runs_weekly_and_never_on_pull_requests() -> None:
    triggers = load(LINKS)["on"]
    assert "schedule" in triggers and "pull_request" not in triggers and "push" not in triggers
    assert len(triggers["schedule"]) == 1
    minute, hour, day, month, weekday = triggers["schedule"][0]["cron"].split()
    assert day == "*" and month == "*" and weekday not in {"*", ""}, "one run a week"


# -- Permissions --------------------------------------------------------------

@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_token_is_read_only_by_default(path: Path) -> None:
    assert load(path).get("permissions") == {"contents": "read"}


@pytest.mark.parametrize(("file", "name", "job"), all_jobs(), ids=job_ids())
def test_write_permissions_only_where_needed(file: str, name: str, job: dict[str, Any]) -> None:
    permissions = job.get("permissions", {})
    assert isinstance(permissions, dict), f"{file}:{name}: permissions must be listed one by one"
    writes = {scope for scope, level in permissions.items() if level == "write"}
    assert writes <= ALLOWED_WRITES.get((file, name), set()), f"{file}:{name}: unexpected write {writes}"


def test_deploy_job_has_exactly_the_pages_permissions() -> None:
    assert jobs(CI)["deploy"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_only_the_link_job_writes_issues() -> None:
    assert jobs(LINKS)["links"]["permissions"] == {"contents": "read", "issues": "write"}


# -- Deploy -------------------------------------------------------------------

def test_deploy_only_from_main_after_the_tests() -> None:
    deploy = jobs(CI)["deploy"]
    condition = " ".join(str(deploy["if"]).split())
    assert "github.event_name == 'push'" in condition
    assert "github.ref == 'refs/heads/main'" in condition
    assert "||" not in condition
    needs = deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]]
    assert "test" in needs
    assert "zensical" not in needs, "the Zensical comparison never blocks a deploy"


def test_deploy_environment_and_concurrency() -> None:
    deploy = jobs(CI)["deploy"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_deploy_steps_configure_build_upload_deploy_in_order() -> None:
    deploy_steps = steps(jobs(CI)["deploy"])
    order = [uses_of(step) or step.get("run", "").strip() for step in deploy_steps]
    configure = order.index("actions/configure-pages")
    build = order.index("make build")
    upload = order.index("actions/upload-pages-artifact")
    deploy = order.index("actions/deploy-pages")
    assert configure < build < upload < deploy
    pages_id = deploy_steps[configure]["id"]
    assert deploy_steps[build]["env"]["SITE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}"
    assert deploy_steps[upload]["with"]["path"].rstrip("/") == "site"
    assert deploy_steps[deploy]["id"] == "deployment"


def test_publishing_job_uses_no_dependency_cache() -> None:
    """A cache restored from another branch must not reach the published site."""
    for step in steps(jobs(CI)["deploy"]):
        with_ = step.get("with") or {}
        assert "cache" not in with_, f"{step.get('name')}: cache in the deploy job"
        if uses_of(step) == "actions/setup-node":
            assert with_.get("package-manager-cache") is False


def test_repository_urls_come_from_the_github_context() -> None:
    env = load(CI)["env"]
    assert env["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert env["EDIT_URI"] == "edit/${{ github.event.repository.default_branch }}/docs/"


def test_nothing_owner_specific_is_written() -> None:
    for path in WORKFLOW_FILES:
        text = path.read_text(encoding="utf-8")
        assert "github.io" not in text, f"{path.name}: hard-coded Pages address"
        assert not re.search(r"https://github\.com/(?!\$)", text), f"{path.name}: hard-coded repository"


# -- Test job -----------------------------------------------------------------

def test_test_job_runs_make_test_with_services() -> None:
    test = jobs(CI)["test"]
    runs = [step.get("run", "").strip() for step in steps(test)]
    assert "make test" in runs and "make build" in runs
    assert {"postgres", "redis"} <= set(test["services"])
    assert test["env"]["DATABASE_URL"] == "postgres://jobboard:jobboard@127.0.0.1:5432/jobboard"
    assert test["env"]["REDIS_URL"] == "redis://127.0.0.1:6379/0"
    assert test["env"]["CHROMIUM_PATH"], "the browser suite reads CHROMIUM_PATH"


def test_test_job_services_match_compose() -> None:
    services = jobs(CI)["test"]["services"]
    compose = yaml.safe_load((ROOT / "examples" / "jobboard" / "compose.yaml").read_text())
    for name, compose_name in (("postgres", "db"), ("redis", "redis")):
        assert services[name]["image"] == compose["services"][compose_name]["image"], name
    # Over TCP: the image's temporary init server listens on the Unix socket only.
    assert '--health-cmd "pg_isready -h 127.0.0.1 ' in services["postgres"]["options"]


def test_test_job_installs_with_a_pip_cache_and_uploads_a_preview() -> None:
    test_steps = steps(jobs(CI)["test"])
    python = next(step for step in test_steps if uses_of(step) == "actions/setup-python")
    assert python["with"]["cache"] == "pip"
    assert "requirements" in python["with"]["cache-dependency-path"]
    uploads = {step["with"]["name"]: step for step in test_steps if uses_of(step) == "actions/upload-artifact"}
    preview = uploads["site-preview"]
    assert preview["with"]["path"].rstrip("/") == "site"
    assert preview["with"]["if-no-files-found"] == "error"
    screenshots = uploads["browser-screenshots"]
    assert screenshots["with"]["path"].rstrip("/") == "test-results/screenshots"
    assert screenshots["if"] == "${{ !cancelled() }}", "screenshots of a failed run are the useful ones"


def test_zensical_comparison_never_blocks() -> None:
    zensical = jobs(CI)["zensical"]
    assert zensical["continue-on-error"] is True
    assert any("compare-zensical" in step.get("run", "") for step in steps(zensical))


def test_snippet_sections_wrap_the_test_and_deploy_jobs() -> None:
    """docs/technologies/ci-cd.md includes these sections; each must be one whole job."""
    text = CI.read_text(encoding="utf-8")
    for section, job in (("ci_test_job", "test"), ("ci_deploy_job", "deploy")):
        match = re.search(rf"^\s*# --8<-- \[start:{section}\]\n(.*?)^\s*# --8<-- \[end:{section}\]",
                          text, flags=re.MULTILINE | re.DOTALL)
        assert match, f"section {section} missing"
        body = yaml.safe_load(match.group(1))
        assert list(body) == [job], f"section {section} must hold exactly the {job} job"
        assert body[job] == jobs(CI)[job]


# -- Every job ----------------------------------------------------------------

@pytest.mark.parametrize(("file", "name", "job"), all_jobs(), ids=job_ids())
def test_every_job_has_a_timeout(file: str, name: str, job: dict[str, Any]) -> None:
    timeout = job.get("timeout-minutes")
    assert isinstance(timeout, int) and 0 < timeout <= 60, f"{file}:{name}: timeout-minutes"


@pytest.mark.parametrize(("file", "name", "job"), all_jobs(), ids=job_ids())
def test_checkouts_keep_no_credentials(file: str, name: str, job: dict[str, Any]) -> None:
    for step in steps(job):
        if uses_of(step) == "actions/checkout":
            assert (step.get("with") or {}).get("persist-credentials") is False, f"{file}:{name}"


@pytest.mark.parametrize(("file", "name", "job"), all_jobs(), ids=job_ids())
def test_full_history_wherever_the_site_is_built(file: str, name: str, job: dict[str, Any]) -> None:
    if not any(BUILDS_SITE.search(step.get("run", "")) for step in steps(job)):
        return
    checkouts = [step for step in steps(job) if uses_of(step) == "actions/checkout"]
    assert checkouts, f"{file}:{name}: builds the site without a checkout"
    for step in checkouts:
        assert (step.get("with") or {}).get("fetch-depth") == 0, f"{file}:{name}: fetch-depth: 0"


@pytest.mark.parametrize(("file", "name", "job"), all_jobs(), ids=job_ids())
def test_no_expressions_inside_shell_scripts(file: str, name: str, job: dict[str, Any]) -> None:
    """Values reach scripts through env:, so no input can become shell code."""
    for step in steps(job):
        script = step.get("run", "")
        assert "${{" not in script, f"{file}:{name}: `${{{{ }}}}` in run: (use env:)"
        assert "github.event" not in script, f"{file}:{name}: github.event in run:"


# -- Pinned actions -----------------------------------------------------------

def uses_lines() -> list[tuple[str, int, str, str | None]]:
    found = []
    for path in WORKFLOW_FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = USES_LINE.match(line)
            if match:
                found.append((path.name, number, match.group("ref"), match.group("comment")))
    return found


def test_every_uses_line_is_seen() -> None:
    """Each `uses:` in the parsed workflows is on a line of its own (so its comment can be read)."""
    parsed = [uses for path in WORKFLOW_FILES for job in jobs(path).values()
              for uses in [job.get("uses"), *(step.get("uses") for step in steps(job))] if uses]
    assert sorted(parsed) == sorted(ref for _, _, ref, _ in uses_lines())


@pytest.mark.parametrize(("file", "line", "ref", "comment"), uses_lines(),
                         ids=[f"{f}:{n}" for f, n, _, _ in uses_lines()])
def test_actions_are_pinned_to_a_commit_with_its_version(file: str, line: int, ref: str, comment: str | None) -> None:
    if ref.startswith("./"):
        return
    assert PINNED.match(ref), f"{file}:{line}: {ref} is not pinned to a full commit SHA"
    assert comment and VERSION_COMMENT.match(comment.strip()), f"{file}:{line}: add `# vX.Y.Z` after the SHA"


def test_one_action_one_commit() -> None:
    """The same action is pinned to the same commit and version everywhere."""
    pins: dict[str, set[tuple[str, str | None]]] = {}
    for _, _, ref, comment in uses_lines():
        name, _, sha = ref.partition("@")
        pins.setdefault(name, set()).add((sha, comment))
    assert {name: pin for name, pin in pins.items() if len(pin) > 1} == {}


# -- Dependabot ---------------------------------------------------------------

def test_dependabot_updates_every_ecosystem_weekly_in_groups() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions"}
    for ecosystem, update in updates.items():
        assert update["schedule"]["interval"] == "weekly", ecosystem
        assert update.get("groups"), f"{ecosystem}: updates are grouped"
