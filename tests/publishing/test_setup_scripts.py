"""The set-up scripts that `.ci/run` calls on a fresh machine.

`.ci/run` evals the stdout of `start-services.sh`, so that stdout must hold
the export lines and nothing else, whatever the tools it calls print. Real
PostgreSQL and Redis cannot be stopped and restarted safely inside a test,
so each tool the script calls is replaced by a stub on PATH that prints to
stdout, the way `pg_ctlcluster` prints "Removed stale pid file." after an
unclean shutdown (the message that once broke CI). The `redis-server`
stub also leaves a process running, as a daemon does, holding whatever file
descriptors it inherited: if one of them is the pipe the caller reads, the
caller's `$(...)` never returns (the hang that followed the first fix).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
START_SERVICES = ROOT / "examples" / "jobboard" / "scripts" / "start-services.sh"
CI_RUN = ROOT / ".ci" / "run"

EXPORT = re.compile(r"^export [A-Z_]+=\S+$")

# Each stub prints noise on stdout. The Redis stubs keep a flag file so that
# the first ping fails (Redis is down) and pings after `redis-server` succeed;
# `redis-server` leaves a "daemon" behind: standard streams on /dev/null, as
# redis-server --daemonize does, every other inherited descriptor kept.
STUBS = {
    "id": 'echo 0\n',
    "pg_lsclusters": 'echo "15 main 5432 down postgres /var/lib/postgresql/15/main log"\n',
    "pg_ctlcluster": 'echo "Removed stale pid file."\n',
    "pg_isready": 'echo "127.0.0.1:5432 - accepting connections"\n',
    "runuser": 'cat >/dev/null; echo "CREATE ROLE"\n',
    "sudo": 'cat >/dev/null; echo "CREATE ROLE"\n',
    "redis-server": (
        '/bin/sleep 60 </dev/null >/dev/null 2>&1 &\n'
        'echo $! >"$STUB_STATE/daemon.pid"\n'
        'echo "redis-server started"; touch "$STUB_STATE/redis-up"\n'
    ),
    "redis-cli": 'if [ -e "$STUB_STATE/redis-up" ]; then echo PONG; else exit 1; fi\n',
    "apt-get": 'echo "Reading package lists..."\n',
    "sleep": 'exit 0\n',
}


@pytest.fixture
def stub_path(tmp_path: Path) -> Iterator[dict[str, str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in STUBS.items():
        stub = bin_dir / name
        stub.write_text("#!/bin/sh\n" + body)
        stub.chmod(stub.stat().st_mode | stat.S_IEXEC)
    state = tmp_path / "state"
    state.mkdir()
    # The stubs come first; the real bash, cat, touch and head come after.
    yield {**os.environ, "PATH": f"{bin_dir}:/usr/bin:/bin", "STUB_STATE": str(state),
           "TMPDIR": str(tmp_path)}
    daemon = state / "daemon.pid"
    if daemon.exists():
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(daemon.read_text()), signal.SIGTERM)


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(args, env=env, capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("start-services.sh did not finish in 20 s: its stdout is still open, "
                    "most likely held by a daemon it started")


def test_start_services_prints_only_the_exports(stub_path: dict[str, str]) -> None:
    result = run(["bash", str(START_SERVICES)], stub_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if not EXPORT.match(line)] == [], (
        "start-services.sh leaked tool output onto the stdout that .ci/run evals")
    assert {line.split("=", 1)[0] for line in lines} == {
        "export DATABASE_URL", "export REDIS_URL"}
    # The noise went where a person reads it.
    assert "Removed stale pid file." in result.stderr
    assert "redis-server started" in result.stderr


def test_exports_can_be_evaluated_by_the_shell(stub_path: dict[str, str]) -> None:
    # As in .ci/run: `set -e` and a bare eval (an eval inside `&&` would
    # not stop the script on a failing line).
    script = f'eval "$(bash {START_SERVICES})"\necho "$DATABASE_URL $REDIS_URL"'
    result = run(["bash", "-euo", "pipefail", "-c", script], stub_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "postgres://jobboard:jobboard@127.0.0.1:5432/jobboard", "redis://127.0.0.1:6379/1"]


def test_ci_run_evals_start_services_and_runs_the_readme_command() -> None:
    text = CI_RUN.read_text()
    assert 'eval "$(bash examples/jobboard/scripts/start-services.sh)"' in text
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme
    assert text.rstrip().endswith("make test")
