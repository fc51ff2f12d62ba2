"""The real settings plus test-only defaults (see pytest.ini).

pytest-django loads settings before any conftest runs, so the defaults are
set here. DATABASE_URL and REDIS_URL still come from the environment: the
same suite runs on SQLite + local memory or on PostgreSQL + Redis.
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

from config.settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Fast hashing: tests create many users; never use this outside tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# High enough never to trip by accident; test_throttling lowers them.
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"anon": "10000/minute", "user": "10000/minute"}  # noqa: F405
