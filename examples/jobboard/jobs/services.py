# --8<-- [start:apply_to_job]
# apply_to_job
# --8<-- [end:apply_to_job]
