# --8<-- [start:api_urls]
# api_urls
# --8<-- [end:api_urls]
