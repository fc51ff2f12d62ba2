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


def load_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key not in {
        "SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"
    }}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-c", SHOW],
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
