from django.apps import AppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"

    def ready(self) -> None:
        # Connect the cache-invalidation signal receivers.
        from jobs import cache  # noqa: F401
