"""Database constraints and the status state machine, below the API."""

import pytest
from django.db import IntegrityError

from accounts.models import User
from jobs.errors import InvalidStatusTransition
from jobs.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db


def test_one_application_per_user_per_job(job, seeker):
    Application.objects.create(job=job, applicant=seeker, cover_letter="a")
    with pytest.raises(IntegrityError):
        Application.objects.create(job=job, applicant=seeker, cover_letter="b")


def test_salary_min_cannot_exceed_salary_max(make_job):
    with pytest.raises(IntegrityError):
        make_job(salary_min=70000, salary_max=50000)


def test_unknown_status_is_refused_by_the_database(job, seeker):
    with pytest.raises(IntegrityError):
        Application.objects.create(job=job, applicant=seeker, cover_letter="a", status="hired")


def test_unknown_role_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        User.objects.create_user(username="x", password="pw-for-tests", role="superhero")


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        ("pending", "accepted", True),
        ("pending", "rejected", True),
        ("accepted", "rejected", False),
        ("rejected", "accepted", False),
        ("accepted", "pending", False),
    ],
)
def test_status_moves_only_along_allowed_transitions(job, seeker, start, target, allowed):
    application = Application.objects.create(
        job=job, applicant=seeker, cover_letter="a", status=start
    )
    if allowed:
        application.transition_to(target)
    else:
        with pytest.raises(InvalidStatusTransition):
            application.transition_to(target)
    application.refresh_from_db()
    assert application.status == (target if allowed else start)


def test_a_stale_copy_cannot_overwrite_a_decision(job, seeker):
    application = Application.objects.create(job=job, applicant=seeker, cover_letter="a")
    stale = Application.objects.get(pk=application.pk)
    application.transition_to(ApplicationStatus.ACCEPTED)
    with pytest.raises(InvalidStatusTransition):
        stale.transition_to(ApplicationStatus.REJECTED)  # it still believes "pending"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
