import logging
from smtplib import SMTPException

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from jobs.models import Application

logger = logging.getLogger(__name__)


# --8<-- [start:notify_employer_task]
@shared_task(
    bind=True,
    # Only failures that a later attempt can fix are retried.
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,  # exponential waits: up to 1 s, 2 s, 4 s, 8 s, ...
    retry_backoff_max=600,  # capped at 10 minutes
    retry_jitter=True,  # a random wait below each cap, so retries do not stampede
    max_retries=5,
)
def notify_employer(self, application_id: int) -> bool:
    """E-mail the employer about a new application; a repeat run sends nothing.

    Returns False when there was nothing to send. Only a crash between
    send_mail() and the commit can still cause a second e-mail: mail has
    no transaction to roll back.
    """
    with transaction.atomic():
        # The row lock makes a duplicate task wait here, then see notified_at.
        application = (
            Application.objects.select_for_update()
            .select_related("job__employer", "applicant")
            .filter(pk=application_id)
            .first()
        )
        if application is None or application.notified_at is not None:
            return False  # deleted meanwhile, or already sent by an earlier run
        job = application.job
        send_mail(
            subject=f"New application for {job.title}",
            message=f"{application.applicant.username} applied to {job.title}.",
            from_email=None,  # DEFAULT_FROM_EMAIL
            recipient_list=[job.employer.email],
        )
        application.notified_at = timezone.now()
        application.save(update_fields=["notified_at"])
    logger.info(
        "Notified employer of application %s (attempt %s)", application_id, self.request.retries + 1
    )
    return True


# --8<-- [end:notify_employer_task]
