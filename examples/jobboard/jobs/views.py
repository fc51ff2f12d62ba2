import hashlib

from django.core.cache import cache
from django.http import HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from jobs.cache import JOB_CACHE_TIMEOUT, cache_aside, job_detail_key, job_list_key
from jobs.filters import JobFilter
from jobs.models import Application, Category, Job
from jobs.permissions import IsAdmin, IsEmployer, IsJobOwner, IsSeeker, ReadOnly
from jobs.serializers import (
    ApplicationSerializer,
    ApplicationStatusSerializer,
    CategorySerializer,
    JobSerializer,
)


# --8<-- [start:http_caching]
class ConditionalGetMixin:
    """ETag and Cache-Control on reads; 304 Not Modified when nothing changed."""

    cache_control = {"private": True, "max_age": 60}

    def conditional_response(self, request: Request, data) -> HttpResponseBase:
        # The ETag is a fingerprint of exactly the bytes the client would get.
        body = JSONRenderer().render(data)
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        # Django's helper compares If-None-Match the way RFC 9110 says.
        response = get_conditional_response(request, etag=etag) or Response(data)
        response["ETag"] = etag
        # private: a browser may reuse it for 60 s; shared proxies may not,
        # because a closed job is only visible to its owner.
        patch_cache_control(response, **self.cache_control)
        return response


# --8<-- [end:http_caching]


class CategoryViewSet(viewsets.ModelViewSet):
    queryset = Category.objects.all()
    serializer_class = CategorySerializer
    permission_classes = [ReadOnly | IsAdmin]
    lookup_field = "slug"
    pagination_class = None  # a short, bounded list


# --8<-- [start:job_viewset]
class JobViewSet(ConditionalGetMixin, viewsets.ModelViewSet):
    """Job postings: anyone reads open jobs; employers post and edit their own, admins any."""

    serializer_class = JobSerializer
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_class = JobFilter
    ordering_fields = ["created_at", "salary_min", "salary_max"]
    ordering = ["-created_at", "-id"]
    lookup_value_regex = r"[0-9]+"  # ids only: anything else is a 404 at routing

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        if self.action == "create":
            return [IsEmployer()]
        # update, partial_update, destroy: the owning employer, or an admin.
        owner_or_admin = (IsEmployer & IsJobOwner) | IsAdmin
        return [owner_or_admin()]

    def get_queryset(self):
        jobs = Job.objects.with_related()
        if self.action == "list":
            return jobs.active()  # the public list is the same for everyone
        return jobs.visible_to(self.request.user)

    def perform_create(self, serializer):
        serializer.save(employer=self.request.user)

    def list(self, request, *args, **kwargs):
        # Cache-aside: the whole page (filters and cursor are in the URL).
        data = cache_aside(
            job_list_key(request.build_absolute_uri()),
            lambda: super(JobViewSet, self).list(request, *args, **kwargs).data,
        )
        return self.conditional_response(request, data)

    def retrieve(self, request, *args, **kwargs):
        # int(): /jobs/007/ and /jobs/7/ are one job, so they share one key
        # (the invalidation signal deletes the key built from instance.pk).
        key = job_detail_key(int(kwargs["pk"]))
        data = cache.get(key)
        if data is None:
            job = self.get_object()
            data = self.get_serializer(job).data
            # Only public (active) jobs are shared through the cache.
            if job.is_active:
                cache.set(key, data, JOB_CACHE_TIMEOUT)
        return self.conditional_response(request, data)


# --8<-- [end:job_viewset]


# --8<-- [start:application_viewset]
class ApplicationViewSet(viewsets.ModelViewSet):
    serializer_class = ApplicationSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["job", "status"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_permissions(self):
        if self.action == "create":
            return [IsSeeker()]
        if self.action == "partial_update":
            return [IsEmployer(), IsJobOwner()]
        return [IsAuthenticated()]

    def get_queryset(self):
        # Each role sees only its own slice; anything else is a 404.
        return Application.objects.with_related().visible_to(self.request.user)

    @extend_schema(request=ApplicationStatusSerializer, responses=ApplicationSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Accept or reject an application (employers, on their own jobs)."""
        application = self.get_object()
        decision = ApplicationStatusSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        application.transition_to(decision.validated_data["status"])
        return Response(self.get_serializer(application).data)


# --8<-- [end:application_viewset]


# --8<-- [start:openapi_summaries]
# One summary per operation for the OpenAPI schema, Swagger UI and the
# endpoints table on the docs site.
extend_schema_view(
    list=extend_schema(summary="List categories"),
    create=extend_schema(summary="Create a category"),
    retrieve=extend_schema(summary="Get a category by slug"),
    update=extend_schema(summary="Replace a category"),
    partial_update=extend_schema(summary="Update some fields of a category"),
    destroy=extend_schema(summary="Delete a category that has no jobs"),
)(CategoryViewSet)
extend_schema_view(
    list=extend_schema(summary="List open jobs, newest first, with filters and search"),
    create=extend_schema(summary="Post a job as the employer in the token"),
    retrieve=extend_schema(summary="Get a job"),
    update=extend_schema(summary="Replace a job"),
    partial_update=extend_schema(summary="Update some fields of a job"),
    destroy=extend_schema(summary="Delete a job"),
)(JobViewSet)
extend_schema_view(
    list=extend_schema(summary="List the applications the caller may see"),
    create=extend_schema(summary="Apply to a job as the seeker in the token"),
    retrieve=extend_schema(summary="Get an application"),
    partial_update=extend_schema(summary="Accept or reject an application"),
)(ApplicationViewSet)


# simplejwt's views are not ours to decorate: drf-spectacular swaps in a
# documented subclass when it builds the schema.
class TokenObtainSummary(OpenApiViewExtension):
    target_class = "rest_framework_simplejwt.views.TokenObtainPairView"

    def view_replacement(self):
        @extend_schema(summary="Log in: exchange a username and password for a token pair")
        class Documented(self.target_class):
            pass

        return Documented


class TokenRefreshSummary(OpenApiViewExtension):
    target_class = "rest_framework_simplejwt.views.TokenRefreshView"

    def view_replacement(self):
        @extend_schema(summary="Trade a refresh token for a new pair (the old one is blacklisted)")
        class Documented(self.target_class):
            pass

        return Documented


# --8<-- [end:openapi_summaries]
