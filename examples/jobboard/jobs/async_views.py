# --8<-- [start:async_gather]
# async_gather
# --8<-- [end:async_gather]
