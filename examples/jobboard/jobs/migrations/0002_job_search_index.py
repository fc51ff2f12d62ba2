# --8<-- [start:postgres_fts_index]
# postgres_fts_index
# --8<-- [end:postgres_fts_index]
