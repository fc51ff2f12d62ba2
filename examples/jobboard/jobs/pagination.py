# --8<-- [start:cursor_pagination]
# cursor_pagination
# --8<-- [end:cursor_pagination]
