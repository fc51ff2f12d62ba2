import pytest
from django.core.management import call_command

from accounts.models import User
from jobs.models import Application, Category, Job


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    def counts() -> tuple[int, ...]:
        return tuple(model.objects.count() for model in (User, Category, Job, Application))

    call_command("seed_demo", verbosity=0)
    first = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == first == (5, 4, 6, 3)
    assert User.objects.get(username="admin").is_platform_admin
