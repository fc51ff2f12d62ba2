from smtplib import SMTPException
from unittest import mock

import pytest

from jobs.models import Application
from jobs.tasks import notify_employer

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(job, seeker) -> Application:
    return Application.objects.create(job=job, applicant=seeker, cover_letter="c")


# --8<-- [start:task_retry_test]
def test_transient_failures_are_retried_until_the_mail_goes_out(application):
    failures_then_success = [SMTPException("busy"), SMTPException("busy"), 1]
    with mock.patch("jobs.tasks.send_mail", side_effect=failures_then_success) as send:
        notify_employer.delay(application.pk)  # eager in tests: retries run inline
    assert send.call_count == 3
    application.refresh_from_db()
    assert application.notified_at is not None


def test_it_gives_up_after_max_retries(application):
    with mock.patch("jobs.tasks.send_mail", side_effect=SMTPException("down")) as send:
        result = notify_employer.delay(application.pk)
    assert result.failed()
    assert send.call_count == 1 + notify_employer.max_retries
    application.refresh_from_db()
    assert application.notified_at is None  # a later run may still send it


def test_waits_double_between_attempts(application):
    # Full jitter draws a wait in [0, 2**n]; pin the draw to its maximum.
    with (
        mock.patch("celery.utils.time.random.randrange", side_effect=lambda n: n - 1),
        mock.patch("jobs.tasks.send_mail", side_effect=SMTPException("down")),
        mock.patch.object(notify_employer, "retry", wraps=notify_employer.retry) as retry,
    ):
        notify_employer.delay(application.pk)
    waits = [call.kwargs["countdown"] for call in retry.call_args_list]
    assert waits == [1, 2, 4, 8, 16, 32]  # the 6th call refuses: max_retries is 5


def test_a_duplicate_task_sends_nothing(application, mailoutbox):
    assert notify_employer.delay(application.pk).get() is True
    assert notify_employer.delay(application.pk).get() is False  # notified_at is set
    assert len(mailoutbox) == 1


# --8<-- [end:task_retry_test]


def test_the_task_is_queued_only_after_commit(
    client_for, seeker, job, django_capture_on_commit_callbacks
):
    with mock.patch("jobs.tasks.notify_employer.delay") as delay:
        with django_capture_on_commit_callbacks() as callbacks:
            response = client_for(seeker).post(
                "/api/v1/applications/", {"job": job.pk, "cover_letter": "c"}
            )
        delay.assert_not_called()  # the transaction is still open
        for callback in callbacks:
            callback()
    delay.assert_called_once_with(response.json()["id"])


def test_no_task_when_the_application_is_refused(
    client_for, seeker, make_job, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        client_for(seeker).post(
            "/api/v1/applications/", {"job": make_job(is_active=False).pk, "cover_letter": "c"}
        )
    assert callbacks == []
