import strawberry
import strawberry_django
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from graphql import GraphQLError
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication
from strawberry import auto
from strawberry.django.views import GraphQLView
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.types import Info
from strawberry_django.optimizer import DjangoOptimizerExtension, optimize

from accounts.models import User as UserModel
from jobs import models
from jobs.errors import DomainError
from jobs.services import apply_to_job


def client_error(code: str, message: str) -> GraphQLError:
    # The same codes as the REST error envelope, under "extensions".
    return GraphQLError(message, extensions={"code": code})


# --8<-- [start:graphql_types]
@strawberry_django.type(models.Category)
class Category:
    id: auto
    name: auto
    slug: auto

    # A filtered relation: only active jobs. The hint prefetches them for
    # all categories in one query, and optimize() shapes that query for the
    # fields selected under `jobs` (JOINs for their employer, say).
    @strawberry_django.field(
        prefetch_related=[
            lambda info: Prefetch(
                "jobs",
                queryset=optimize(models.Job.objects.active(), info),
                to_attr="active_jobs",
            )
        ]
    )
    def jobs(self) -> list["Job"]:
        return self.active_jobs


@strawberry_django.type(UserModel)
class User:
    id: auto
    username: auto


@strawberry_django.type(models.Job)
class Job:
    id: auto
    title: auto
    description: auto
    location: auto
    job_type: auto
    salary_min: auto
    salary_max: auto
    created_at: auto
    category: Category
    employer: User


@strawberry_django.type(models.Application)
class Application:
    id: auto
    cover_letter: auto
    status: auto
    created_at: auto
    job: Job
    applicant: User


# --8<-- [end:graphql_types]


# --8<-- [start:graphql_query]
# Resolvers return QuerySets, not lists: the optimizer can still add the
# JOINs that the selection set needs before anything is fetched.
@strawberry.type
class Query:
    categories: list[Category] = strawberry_django.field()

    @strawberry_django.field
    def jobs(self, offset: int = 0, limit: int = 20) -> list[Job]:
        """Active jobs, newest first; at most 100 per request."""
        if offset < 0 or not 1 <= limit <= 100:
            raise client_error("validation_error", "Use offset >= 0 and 1 <= limit <= 100.")
        return models.Job.objects.active()[offset : offset + limit]

    @strawberry_django.field
    def my_applications(self, info: Info) -> list[Application]:
        user = info.context.request.user
        if not user.is_authenticated:
            raise client_error("not_authenticated", "Authentication credentials were not provided.")
        return models.Application.objects.visible_to(user)


# --8<-- [end:graphql_query]


# --8<-- [start:graphql_mutation]
@strawberry.type
class Mutation:
    @strawberry.mutation
    def apply_to_job(self, info: Info, job_id: strawberry.ID, cover_letter: str) -> Application:
        user = info.context.request.user
        if not user.is_authenticated:
            raise client_error("not_authenticated", "Authentication credentials were not provided.")
        try:
            job = models.Job.objects.get(pk=int(job_id))
        except (ValueError, models.Job.DoesNotExist):
            raise client_error("not_found", "No job with this id.") from None
        try:
            # The same service as POST /api/v1/applications/.
            return apply_to_job(applicant=user, job=job, cover_letter=cover_letter)
        except DomainError as error:
            raise client_error(error.code, error.message) from error


# --8<-- [end:graphql_mutation]


def is_unexpected(error: GraphQLError) -> bool:
    """Hide crashes, keep syntax errors and the errors raised on purpose."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


class JobBoardSchema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        # Strawberry logs every error at ERROR level with a traceback. An
        # error raised on purpose (already_applied, not_authenticated) or a
        # malformed query is an answer to the client, not an incident: log
        # only the unexpected ones, the same errors MaskErrors hides.
        super().process_errors([e for e in errors if is_unexpected(e)], execution_context)


# --8<-- [start:graphql_n_plus_one]
# JobBoardSchema is strawberry.Schema that logs only unexpected errors.
schema = JobBoardSchema(
    query=Query,
    mutation=Mutation,
    extensions=[
        # Reads each query's selection set and adds select_related,
        # prefetch_related and only() to the QuerySet: no lazy load per row.
        DjangoOptimizerExtension,
        lambda: MaskErrors(should_mask_error=is_unexpected),
        # Limits checked before any resolver runs. The app's deepest query,
        # categories { jobs { employer { username } } }, has depth 3; a full
        # introspection query is under 200 tokens; the app itself uses no aliases.
        lambda: QueryDepthLimiter(max_depth=3),
        lambda: MaxAliasesLimiter(max_alias_count=5),
        lambda: MaxTokensLimiter(max_token_count=500),
    ],
)
# --8<-- [end:graphql_n_plus_one]


# --8<-- [start:graphql_view]
class JWTGraphQLView(GraphQLView):
    """GraphQL over HTTP, authenticated by the same Bearer tokens as REST.

    The session cookie is ignored on purpose: with no cookie-based login a
    forged cross-site request carries no credentials, so this view can be
    exempt from CSRF checks.
    """

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        try:
            authenticated = JWTAuthentication().authenticate(request)
        except AuthenticationFailed:
            error = {
                "message": "Invalid or expired token.",
                "extensions": {"code": "token_not_valid"},
            }
            return JsonResponse({"errors": [error]}, status=401)
        request.user = authenticated[0] if authenticated else AnonymousUser()
        return super().dispatch(request, *args, **kwargs)


# --8<-- [end:graphql_view]
