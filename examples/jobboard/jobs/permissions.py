# --8<-- [start:role_permissions]
# role_permissions
# --8<-- [end:role_permissions]
