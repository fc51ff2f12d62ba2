# --8<-- [start:user_roles]
# user_roles
# --8<-- [end:user_roles]
