# --8<-- [start:error_format]
# error_format
# --8<-- [end:error_format]
