from rest_framework.pagination import CursorPagination


# --8<-- [start:cursor_pagination]
class NewestFirstCursorPagination(CursorPagination):
    """Opaque "next"/"previous" cursors instead of page numbers.

    Pages stay stable while rows are inserted, and each page is a fast
    `WHERE created_at < cursor` on an index instead of a growing OFFSET.
    """

    ordering = ("-created_at", "-id")
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


# --8<-- [end:cursor_pagination]
