# --8<-- [start:cache_aside]
# cache_aside
# --8<-- [end:cache_aside]

# --8<-- [start:cache_invalidation]
# cache_invalidation
# --8<-- [end:cache_invalidation]
