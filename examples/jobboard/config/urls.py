from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from jobs.async_views import job_stats
from jobs.schema import JWTGraphQLView, schema
from jobs.views import ApplicationViewSet, CategoryViewSet, JobViewSet


def health(request: HttpRequest) -> HttpResponse:
    """Liveness for the container HEALTHCHECK: the process answers, no I/O."""
    return HttpResponse("ok", content_type="text/plain")


# --8<-- [start:api_urls]
router = DefaultRouter()
router.register("categories", CategoryViewSet, basename="category")
router.register("jobs", JobViewSet, basename="job")
router.register("applications", ApplicationViewSet, basename="application")

api_patterns = [
    path("", include(router.urls)),
    path("auth/token/", TokenObtainPairView.as_view(), name="token-obtain"),
    path("auth/token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
]

urlpatterns = [
    # A plain async Django view, so it sits outside DRF's versioned routes.
    path("api/v1/stats/", job_stats, name="job-stats"),
    # The version is captured, not spelled out: /api/v2/ reaches DRF, whose
    # URLPathVersioning answers with a clean 404 "Invalid version".
    re_path(r"^api/(?P<version>v\d+)/", include(api_patterns)),
    path("api/schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path(
        "graphql/",
        # GraphiQL loads its JavaScript from a CDN, so only in development.
        csrf_exempt(
            JWTGraphQLView.as_view(
                schema=schema, graphql_ide="graphiql" if settings.DEBUG else None
            )
        ),
        name="graphql",
    ),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]

handler404 = "config.exceptions.not_found"
handler500 = "config.exceptions.server_error"
# --8<-- [end:api_urls]
