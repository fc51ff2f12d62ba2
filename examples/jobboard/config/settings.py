# --8<-- [start:security_settings]
# security_settings
# --8<-- [end:security_settings]

# --8<-- [start:database_settings]
# database_settings
# --8<-- [end:database_settings]

# --8<-- [start:cache_settings]
# cache_settings
# --8<-- [end:cache_settings]

# --8<-- [start:rest_framework_settings]
# rest_framework_settings
# --8<-- [end:rest_framework_settings]

# --8<-- [start:jwt_settings]
# jwt_settings
# --8<-- [end:jwt_settings]

# --8<-- [start:celery_settings]
# celery_settings
# --8<-- [end:celery_settings]

# --8<-- [start:logging_settings]
# logging_settings
# --8<-- [end:logging_settings]
