"""Static checks of the container files (Docker cannot run in this suite)."""

import re
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parent.parent
SECRET_WORDS = re.compile(r"(SECRET|PASSWORD|TOKEN)", re.IGNORECASE)


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((PROJECT / "compose.yaml").read_text())


@pytest.fixture(scope="module")
def dockerfile() -> list[str]:
    # Join continuation lines and drop comments: one instruction per item.
    text = (PROJECT / "Dockerfile").read_text().replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_compose_runs_the_four_services_with_healthchecks(compose):
    services = compose["services"]
    assert {"web", "worker", "db", "redis"} <= set(services)
    for name in ("web", "worker", "db", "redis"):
        assert services[name]["healthcheck"]["test"], name
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")


def test_postgres_healthcheck_uses_tcp(compose):
    # The image's temporary init server listens on the Unix socket only, so
    # a socket check could pass before the real server accepts connections.
    test = compose["services"]["db"]["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL"
    assert test[1].startswith("pg_isready -h 127.0.0.1 ")


def test_app_services_wait_for_healthy_dependencies(compose):
    for name in ("web", "worker"):
        depends_on = compose["services"][name]["depends_on"]
        assert depends_on["db"]["condition"] == "service_healthy"
        assert depends_on["redis"]["condition"] == "service_healthy"
        assert depends_on["migrate"]["condition"] == "service_completed_successfully"


def test_compose_holds_no_secrets(compose):
    for name, service in compose["services"].items():
        for key, value in service.get("environment", {}).items():
            if SECRET_WORDS.search(key):
                # Only a reference to .env, which fails loudly when unset.
                assert re.fullmatch(r"\$\{\w+:\?[^}]+\}", value), (name, key)
    assert compose["services"]["web"]["ports"] == ["127.0.0.1:8000:8000"]


def test_dockerfile_is_multi_stage(dockerfile):
    stages = [line.split()[-1] for line in dockerfile if line.startswith("FROM ")]
    assert stages == ["builder", "runtime"]
    assert any("from=builder" in line for line in dockerfile)


def test_runtime_stage_runs_as_a_non_root_user_with_a_healthcheck(dockerfile):
    runtime = dockerfile[max(i for i, line in enumerate(dockerfile) if line.startswith("FROM ")) :]
    users = [line.split()[1] for line in runtime if line.startswith("USER ")]
    assert users, "the runtime stage sets no USER"
    assert users[-1] not in {"root", "0"}
    assert any(line.startswith("HEALTHCHECK ") for line in runtime)
    assert runtime[-1].startswith("CMD ")


def test_dockerignore_keeps_local_files_out_of_the_build_context():
    ignored = set((PROJECT / ".dockerignore").read_text().split())
    local_only = {".env", "db.sqlite3", "staticfiles/", "**/__pycache__/", ".venv/"}
    caches = {".ruff_cache/", ".pytest_cache/"}
    assert local_only | caches <= ignored, (local_only | caches) - ignored


def test_dockerfile_bakes_in_no_secrets(dockerfile):
    for line in dockerfile:
        if line.startswith(("ENV ", "ARG ")):
            assert not SECRET_WORDS.search(line), line


def test_env_example_documents_every_setting():
    settings_source = (PROJECT / "config" / "settings.py").read_text()
    read = set(re.findall(r'(?:environ\.get|env_bool|env_list)\(\s*"(\w+)"', settings_source))
    example = (PROJECT / ".env.example").read_text()
    documented = set(re.findall(r"^#? ?(\w+)=", example, re.MULTILINE))
    assert read, "no settings found"
    assert read <= documented, read - documented
    assert re.search(r"^SECRET_KEY=$", example, re.MULTILINE)  # blank, never a real key


def test_image_requirements_match_the_tested_versions():
    for line in (PROJECT / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, pinned = re.sub(r"\[.*\]", "", line).split("==")
            assert version(name) == pinned, name
