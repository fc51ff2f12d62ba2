# --8<-- [start:cache_invalidation_test]
# cache_invalidation_test
# --8<-- [end:cache_invalidation_test]
