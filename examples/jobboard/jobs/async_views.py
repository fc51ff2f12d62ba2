import asyncio

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from accounts.models import Role, User
from jobs.models import Application, ApplicationStatus, Category, Job


# --8<-- [start:async_gather]
@require_GET
async def job_stats(request: HttpRequest) -> JsonResponse:
    """Dashboard counts: four independent queries awaited together."""
    active_jobs, categories, employers, pending = await asyncio.gather(
        Job.objects.active().acount(),
        Category.objects.acount(),
        User.objects.filter(role=Role.EMPLOYER).acount(),
        Application.objects.filter(status=ApplicationStatus.PENDING).acount(),
    )
    # Django's async ORM still runs each query through one worker thread
    # per request, so the database sees them one after another. What
    # gather() buys here is that the event loop stays free for other
    # requests while the counts run; awaits on truly async I/O (an HTTP
    # call, say) would also overlap each other.
    return JsonResponse(
        {
            "active_jobs": active_jobs,
            "categories": categories,
            "employers": employers,
            "pending_applications": pending,
        }
    )


# --8<-- [end:async_gather]
