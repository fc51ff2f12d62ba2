# --8<-- [start:n_plus_one_test]
# n_plus_one_test
# --8<-- [end:n_plus_one_test]
