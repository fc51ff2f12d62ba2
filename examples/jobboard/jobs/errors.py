"""Domain errors: a business rule said no.

They carry a stable ``code`` and a readable message and know nothing about
HTTP; the REST exception handler and the GraphQL mutation translate them.
"""


class DomainError(Exception):
    code = "domain_error"
    message = "The request breaks a business rule."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.message
        super().__init__(self.message)


class NotASeeker(DomainError):
    code = "not_a_seeker"
    message = "Only job seekers can apply to jobs."


class JobClosed(DomainError):
    code = "job_closed"
    message = "This job is no longer accepting applications."


class AlreadyApplied(DomainError):
    code = "already_applied"
    message = "You have already applied to this job."


class InvalidStatusTransition(DomainError):
    code = "invalid_status_transition"
