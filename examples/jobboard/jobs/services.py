"""Business operations shared by the REST API and GraphQL."""

from functools import partial

from django.db import IntegrityError, transaction

from accounts.models import User
from jobs.errors import AlreadyApplied, JobClosed, NotASeeker
from jobs.models import Application, Job
from jobs.tasks import notify_employer


# --8<-- [start:apply_to_job]
def apply_to_job(*, applicant: User, job: Job, cover_letter: str) -> Application:
    """Create an application and queue the employer's notification.

    Raises NotASeeker, JobClosed or AlreadyApplied.
    """
    if not applicant.is_seeker:
        raise NotASeeker()
    if not job.is_active:
        raise JobClosed()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                job=job, applicant=applicant, cover_letter=cover_letter
            )
            # Queue the task only once the row is committed: a worker must
            # never look for an application that a rollback removed.
            transaction.on_commit(partial(notify_employer.delay, application.pk))
    except IntegrityError:
        # The UniqueConstraint caught a duplicate, even one sent by two
        # requests at the same moment.
        raise AlreadyApplied() from None
    return application


# --8<-- [end:apply_to_job]
