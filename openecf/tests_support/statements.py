"""The SQL statements some code ran, to keep a hot path's list exact in a test.

``statements(captured.captured_queries)`` (from ``CaptureQueriesContext``) answers each as its
verb and first table: ``("SELECT", "courts_court")``. Transaction control (BEGIN, COMMIT,
savepoints) is left out: it differs between SQLite and PostgreSQL and between a test's
wrapping transaction and a request; a server-side cursor's ``DECLARE`` counts as its SELECT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CONTROL = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)", re.IGNORECASE)
TABLE = re.compile(r'^(SELECT|INSERT|UPDATE|DELETE)\b(?:.*? (?:FROM|INTO))? "(\w+)"', re.DOTALL)
# A chunked read on PostgreSQL is a server-side cursor: its SELECT is what counts.
CURSOR = re.compile(r'^DECLARE "\w+" .*?CURSOR (?:WITH(?:OUT)? HOLD )?FOR ', re.DOTALL)


def statements(captured: Iterable[dict[str, str]]) -> list[tuple[str, str]]:
    found = []
    for query in captured:
        sql = CURSOR.sub("", query["sql"].strip(), count=1)
        if CONTROL.match(sql):
            continue
        match = TABLE.match(sql)
        assert match is not None, sql
        found.append((match.group(1), match.group(2)))
    return found
