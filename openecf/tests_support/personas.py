"""Who reaches what, for tests parametrized over the person (the personas' fixture names)."""

from __future__ import annotations

# A court's clerk pages and endpoints: its own clerks and the operators; anyone else gets 404.
ONLY_THE_COURTS_CLERKS = [
    ("clerk", 200),
    ("operator", 200),
    ("other_court_clerk", 404),
    ("attorney", 404),
    ("public_user", 404),
]
