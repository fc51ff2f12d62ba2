# --8<-- [start:role_permission_test]
# role_permission_test
# --8<-- [end:role_permission_test]
