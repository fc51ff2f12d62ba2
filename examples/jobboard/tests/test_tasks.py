# --8<-- [start:task_retry_test]
# task_retry_test
# --8<-- [end:task_retry_test]
