import os

from celery import Celery

# --8<-- [start:celery_app]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("jobboard")
# Every CELERY_* Django setting configures Celery (CELERY_BROKER_URL -> broker_url).
app.config_from_object("django.conf:settings", namespace="CELERY")
# Find tasks.py in every installed app.
app.autodiscover_tasks()
# --8<-- [end:celery_app]
