from rest_framework.permissions import SAFE_METHODS, BasePermission

from jobs.models import Application


# --8<-- [start:role_permissions]
class ReadOnly(BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS


class IsAdmin(BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.user.is_authenticated and request.user.is_platform_admin


class IsEmployer(BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.user.is_authenticated and request.user.is_employer


class IsSeeker(BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.user.is_authenticated and request.user.is_seeker


class IsJobOwner(BasePermission):
    """Object level: the job, or the job applied to, belongs to this employer."""

    def has_object_permission(self, request, view, obj) -> bool:
        job = obj.job if isinstance(obj, Application) else obj
        return job.employer_id == request.user.id


# --8<-- [end:role_permissions]
