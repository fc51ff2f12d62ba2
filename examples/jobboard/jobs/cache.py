"""Cache-aside for job reads, with explicit invalidation on every change."""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from jobs.models import Category, Job

# --8<-- [start:cache_aside]
JOB_CACHE_TIMEOUT = 60 * 5  # seconds; a safety net, invalidation does the real work
LIST_VERSION_KEY = "jobs:list:version"


def job_detail_key(job_id: int | str) -> str:
    return f"jobs:detail:{job_id}"


def job_list_key(url: str) -> str:
    """One key per list URL (filters, ordering and cursor are all in it).

    The current list version is part of the key: bumping it orphans every
    cached page at once, so nobody has to know which pages exist.
    """
    version = cache.get_or_set(LIST_VERSION_KEY, time.time_ns, timeout=None)
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"jobs:list:v{version}:{digest}"


def cache_aside(key: str, load: Callable[[], Any], timeout: int = JOB_CACHE_TIMEOUT) -> Any:
    """Return the cached value, or load it from the database and cache it."""
    value = cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, timeout)
    return value


# --8<-- [end:cache_aside]


# --8<-- [start:cache_invalidation]
def bump_list_version() -> None:
    # A fresh, never-used value (not incr): even if the key was evicted,
    # no old page can come back to life.
    cache.set(LIST_VERSION_KEY, time.time_ns(), timeout=None)


@receiver([post_save, post_delete], sender=Job)
def invalidate_job(sender, instance: Job, **kwargs) -> None:
    cache.delete(job_detail_key(instance.pk))
    bump_list_version()


@receiver([post_save, post_delete], sender=Category)
def invalidate_category(sender, instance: Category, **kwargs) -> None:
    # Jobs embed their category, so a renamed category makes them stale too.
    job_ids = list(Job.objects.filter(category_id=instance.pk).values_list("pk", flat=True))
    cache.delete_many([job_detail_key(job_id) for job_id in job_ids])
    bump_list_version()


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def invalidate_employer(sender, instance, update_fields=None, **kwargs) -> None:
    # Jobs embed their employer's username, so a renamed employer makes them
    # stale too. Saves that cannot rename (last_login at a login) are skipped.
    if update_fields is not None and "username" not in update_fields:
        return
    job_ids = list(Job.objects.filter(employer_id=instance.pk).values_list("pk", flat=True))
    if job_ids:  # a seeker, or an employer with no jobs, is in no payload
        cache.delete_many([job_detail_key(job_id) for job_id in job_ids])
        bump_list_version()


# --8<-- [end:cache_invalidation]
