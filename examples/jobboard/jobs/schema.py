# --8<-- [start:graphql_types]
# graphql_types
# --8<-- [end:graphql_types]

# --8<-- [start:graphql_query]
# graphql_query
# --8<-- [end:graphql_query]

# --8<-- [start:graphql_mutation]
# graphql_mutation
# --8<-- [end:graphql_mutation]

# --8<-- [start:graphql_n_plus_one]
# graphql_n_plus_one
# --8<-- [end:graphql_n_plus_one]
