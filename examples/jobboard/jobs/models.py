# --8<-- [start:category_model]
# category_model
# --8<-- [end:category_model]

# --8<-- [start:job_model]
# job_model
# --8<-- [end:job_model]

# --8<-- [start:application_model]
# application_model
# --8<-- [end:application_model]

# --8<-- [start:status_transitions]
# status_transitions
# --8<-- [end:status_transitions]

# --8<-- [start:job_queryset]
# job_queryset
# --8<-- [end:job_queryset]
