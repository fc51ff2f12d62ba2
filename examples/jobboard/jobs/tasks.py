# --8<-- [start:notify_employer_task]
# notify_employer_task
# --8<-- [end:notify_employer_task]
