from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models


# --8<-- [start:user_roles]
class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    EMPLOYER = "employer", "Employer"
    SEEKER = "seeker", "Job seeker"


class UserManager(DjangoUserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        # `createsuperuser` makes a platform admin, not a seeker with every
        # permission: without this, the seeker default would let them apply.
        extra_fields.setdefault("role", Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person on the platform. The role decides what the API lets them do."""

    role = models.CharField(max_length=16, choices=Role.choices, default=Role.SEEKER)

    objects = UserManager()

    class Meta:
        constraints = [
            # The database refuses a role the code does not know.
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="user_role_valid"
            ),
        ]

    @property
    def is_platform_admin(self) -> bool:
        # A superuser counts as an admin whatever their role says.
        return self.is_superuser or self.role == Role.ADMIN

    @property
    def is_employer(self) -> bool:
        return self.role == Role.EMPLOYER

    @property
    def is_seeker(self) -> bool:
        return self.role == Role.SEEKER


# --8<-- [end:user_roles]
