# --8<-- [start:versioning_test]
# versioning_test
# --8<-- [end:versioning_test]
