"""Checks that run after a database test, while its database is still there."""

from __future__ import annotations

import pytest


def uses_database(request: pytest.FixtureRequest) -> bool:
    """Whether the test asking (by ``request``) uses the database; when it does, the database is
    set up before this returns and torn down only after the asking fixture's teardown, so a
    check after its ``yield`` still sees every row the test wrote."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    )
    if uses_db:
        request.getfixturevalue("_django_db_helper")
    return bool(uses_db)
