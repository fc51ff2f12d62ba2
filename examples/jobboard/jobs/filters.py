# --8<-- [start:job_filterset]
# job_filterset
# --8<-- [end:job_filterset]
