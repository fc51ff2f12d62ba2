# --8<-- [start:job_serializer]
# job_serializer
# --8<-- [end:job_serializer]

# --8<-- [start:application_serializer]
# application_serializer
# --8<-- [end:application_serializer]
