from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections, models
from django.db.models import F, Q
from django.utils import timezone

from jobs.errors import InvalidStatusTransition


# --8<-- [start:category_model]
class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


# --8<-- [end:category_model]


class JobType(models.TextChoices):
    FULL_TIME = "full_time", "Full time"
    PART_TIME = "part_time", "Part time"
    CONTRACT = "contract", "Contract"
    INTERNSHIP = "internship", "Internship"


# --8<-- [start:job_queryset]
class JobQuerySet(models.QuerySet):
    def active(self) -> "JobQuerySet":
        return self.filter(is_active=True)

    def visible_to(self, user) -> "JobQuerySet":
        """Active jobs for everyone; closed ones only for their employer and admins."""
        if user.is_authenticated and user.is_platform_admin:
            return self
        if user.is_authenticated:
            return self.filter(Q(is_active=True) | Q(employer=user))
        return self.active()

    def with_related(self) -> "JobQuerySet":
        # One JOIN instead of two extra queries per job when serialising.
        return self.select_related("category", "employer")

    def search(self, text: str) -> "JobQuerySet":
        if connections[self.db].vendor == "postgresql":
            # Same expression as the GIN index in migration 0002, so the
            # planner can use the index.
            vector = SearchVector("title", "description", config="english")
            return self.alias(document=vector).filter(document=SearchQuery(text, config="english"))
        # SQLite has no full-text operator here: a plain substring match.
        return self.filter(Q(title__icontains=text) | Q(description__icontains=text))


# --8<-- [end:job_queryset]


# --8<-- [start:job_model]
class Job(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField()
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="jobs")
    location = models.CharField(max_length=120)
    job_type = models.CharField(max_length=20, choices=JobType.choices, default=JobType.FULL_TIME)
    # Yearly pay in whole currency units.
    salary_min = models.PositiveIntegerField()
    salary_max = models.PositiveIntegerField()
    is_active = models.BooleanField(default=True)
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The public list always filters on is_active, then narrows by
            # category or job type and sorts newest first.
            models.Index(
                fields=["is_active", "category", "-created_at"], name="job_active_category_idx"
            ),
            models.Index(
                fields=["is_active", "job_type", "-created_at"], name="job_active_type_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__lte=F("salary_max")), name="job_salary_range_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title


# --8<-- [end:job_model]


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ApplicationQuerySet":
        """Seekers see their own applications, employers those to their jobs."""
        if not user.is_authenticated:
            return self.none()  # applications are never public
        if user.is_platform_admin:
            return self
        if user.is_employer:
            return self.filter(job__employer=user)
        return self.filter(applicant=user)

    def with_related(self) -> "ApplicationQuerySet":
        return self.select_related("job", "applicant")


# --8<-- [start:application_model]
class Application(models.Model):
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    cover_letter = models.TextField(max_length=5000)
    status = models.CharField(
        max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING
    )
    # Set by the notification task; a second run sees it and sends nothing.
    notified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # The real guard against duplicates, race-proof unlike a
            # "check, then insert" in Python.
            models.UniqueConstraint(fields=["job", "applicant"], name="one_application_per_job"),
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values), name="application_status_valid"
            ),
        ]
        indexes = [
            # An employer's inbox: applications to one job, by status.
            models.Index(fields=["job", "status"], name="application_job_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.applicant} -> {self.job}"

    # --8<-- [start:status_transitions]
    ALLOWED_TRANSITIONS = {
        ApplicationStatus.PENDING: {ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED},
        ApplicationStatus.ACCEPTED: set(),  # final
        ApplicationStatus.REJECTED: set(),  # final
    }

    def transition_to(self, new_status: str) -> None:
        """Move to ``new_status`` or raise InvalidStatusTransition."""
        old_status = self.status
        if new_status not in self.ALLOWED_TRANSITIONS[old_status]:
            raise InvalidStatusTransition(
                f"Cannot change status from {old_status} to {new_status}."
            )
        # Conditional UPDATE: if another request moved the status first,
        # no row matches and this one fails instead of overwriting it.
        now = timezone.now()
        moved = Application.objects.filter(pk=self.pk, status=old_status).update(
            status=new_status, updated_at=now
        )
        if not moved:
            raise InvalidStatusTransition("The status was changed by someone else; reload it.")
        self.status, self.updated_at = new_status, now

    # --8<-- [end:status_transitions]


# --8<-- [end:application_model]
