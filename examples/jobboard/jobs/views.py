# --8<-- [start:job_viewset]
# job_viewset
# --8<-- [end:job_viewset]

# --8<-- [start:application_viewset]
# application_viewset
# --8<-- [end:application_viewset]

# --8<-- [start:http_caching]
# http_caching
# --8<-- [end:http_caching]
