# --8<-- [start:graphql_query_test]
# graphql_query_test
# --8<-- [end:graphql_query_test]
