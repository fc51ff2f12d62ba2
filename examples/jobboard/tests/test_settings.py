"""Settings come from the environment; checked in fresh interpreters."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SHOW = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps([s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
    "s.CELERY_BROKER_URL, s.DEBUG]))"
)


def load_settings(show: str = SHOW, **env: str) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key not in {
        "SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"
    } and not key.startswith("EMAIL_")}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-c", show],
        cwd=PROJECT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
    )


def test_secret_key_is_required_unless_debug():
    refused = load_settings()
    assert refused.returncode != 0
    assert "Set SECRET_KEY" in refused.stderr
    assert load_settings(DEBUG="1").returncode == 0


def test_defaults_need_no_services():
    engine, cache, broker, debug = json.loads(load_settings(SECRET_KEY="x" * 50).stdout)
    assert engine == "django.db.backends.sqlite3"
    assert cache == "django.core.cache.backends.locmem.LocMemCache"
    assert (broker, debug) == ("memory://", False)


def test_urls_switch_to_postgresql_and_redis():
    engine, cache, broker, _ = json.loads(
        load_settings(
            SECRET_KEY="x" * 50,
            DATABASE_URL="postgres://u:p@db:5432/jobboard",
            REDIS_URL="redis://redis:6379/0",
        ).stdout
    )
    assert engine == "django.db.backends.postgresql"
    assert cache == "django.core.cache.backends.redis.RedisCache"
    assert broker == "redis://redis:6379/0"  # the broker defaults to REDIS_URL


SHOW_EMAIL = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps([s.EMAIL_BACKEND.rsplit('.', 2)[1], s.EMAIL_HOST, s.EMAIL_PORT, "
    "s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL]))"
)


def test_mail_is_printed_in_development_and_sent_by_smtp_otherwise():
    development = json.loads(load_settings(SHOW_EMAIL, DEBUG="1").stdout)
    assert development[0] == "console"
    production = json.loads(load_settings(SHOW_EMAIL, SECRET_KEY="x" * 50).stdout)
    assert production == ["smtp", "localhost", 25, "", "", False, "jobboard@localhost"]


def test_smtp_settings_come_from_the_environment():
    configured = load_settings(
        SHOW_EMAIL,
        SECRET_KEY="x" * 50,
        EMAIL_HOST="smtp.example.com",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="mailer",
        EMAIL_HOST_PASSWORD="not-a-real-password",
        EMAIL_USE_TLS="1",
        DEFAULT_FROM_EMAIL="jobs@example.com",
    )
    assert json.loads(configured.stdout) == [
        "smtp", "smtp.example.com", 587, "mailer", "not-a-real-password", True, "jobs@example.com"
    ]  # fmt: skip


def test_logs_go_to_standard_output():
    logged = load_settings(
        "import django; django.setup(); import logging; "
        "logging.getLogger('jobs').warning('visible to the platform')",
        SECRET_KEY="x" * 50,
    )
    assert "WARNING jobs visible to the platform" in logged.stdout
    assert "visible to the platform" not in logged.stderr
