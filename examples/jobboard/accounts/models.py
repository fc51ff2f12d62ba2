from django.contrib.auth.models import AbstractUser
from django.db import models


# --8<-- [start:user_roles]
class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    EMPLOYER = "employer", "Employer"
    SEEKER = "seeker", "Job seeker"


class User(AbstractUser):
    """A person on the platform. The role decides what the API lets them do."""

    role = models.CharField(max_length=16, choices=Role.choices, default=Role.SEEKER)

    class Meta:
        constraints = [
            # The database refuses a role the code does not know.
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="user_role_valid"
            ),
        ]

    @property
    def is_platform_admin(self) -> bool:
        # Superusers made with `createsuperuser` count as admins too.
        return self.is_superuser or self.role == Role.ADMIN

    @property
    def is_employer(self) -> bool:
        return self.role == Role.EMPLOYER

    @property
    def is_seeker(self) -> bool:
        return self.role == Role.SEEKER


# --8<-- [end:user_roles]
