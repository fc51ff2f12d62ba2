# --8<-- [start:celery_app]
# celery_app
# --8<-- [end:celery_app]
