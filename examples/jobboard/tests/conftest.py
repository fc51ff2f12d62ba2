import itertools

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.models import Role, User
from jobs.models import Category, Job
from tests.helpers import bearer

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def empty_cache():
    # Cached pages and throttle counters must not leak between tests.
    # With REDIS_URL set this flushes that Redis database: use a test one.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    def make(role: str = Role.SEEKER, **fields) -> User:
        username = fields.pop("username", f"{role}{next(_numbers)}")
        return User.objects.create_user(
            username=username,
            email=f"{username}@example.com",
            password="pw-for-tests",
            role=role,
            **fields,
        )

    return make


@pytest.fixture
def employer(make_user) -> User:
    return make_user(Role.EMPLOYER)


@pytest.fixture
def other_employer(make_user) -> User:
    return make_user(Role.EMPLOYER)


@pytest.fixture
def seeker(make_user) -> User:
    return make_user(Role.SEEKER)


@pytest.fixture
def platform_admin(make_user) -> User:
    return make_user(Role.ADMIN)


@pytest.fixture
def category(db) -> Category:
    return Category.objects.create(name="Backend", slug="backend")


@pytest.fixture
def make_job(employer, category):
    def make(**fields) -> Job:
        defaults = {
            "title": f"Backend Engineer {next(_numbers)}",
            "description": "Build REST and GraphQL APIs with Django.",
            "category": category,
            "location": "Remote",
            "salary_min": 40000,
            "salary_max": 60000,
            "employer": employer,
        }
        return Job.objects.create(**{**defaults, **fields})

    return make


@pytest.fixture
def job(make_job) -> Job:
    return make_job()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def client_for():
    """An API client that sends a real JWT for ``user``."""

    def make(user: User) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=bearer(user))
        return client

    return make
