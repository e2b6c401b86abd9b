"""The database's plan for a query, to prove an index serves it (on SQLite or PostgreSQL).

A test's tables hold a handful of rows, where PostgreSQL rightly prefers reading the table;
``enable_seqscan = off`` (for this transaction only) makes it use an index whenever one can
serve the query, so the plan shows whether one can. ``sorting=False`` also forbids a sort
step, for queries whose order must come from an index. SQLite plans by the schema alone.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet


def plan_of(query: QuerySet | str, *, sorting: bool = True) -> str:
    """The plan of a queryset, or of one SQL statement (e.g. from ``CaptureQueriesContext``)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            if not sorting:
                cursor.execute("SET LOCAL enable_sort = off")
        if isinstance(query, QuerySet):
            return query.explain()
        explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        cursor.execute(explain + query)
        return "\n".join(" ".join(str(column) for column in row) for row in cursor.fetchall())
