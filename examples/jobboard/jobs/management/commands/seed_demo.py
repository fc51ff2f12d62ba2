# --8<-- [start:seed_command]
# seed_command
# --8<-- [end:seed_command]
