"""The value every app's ``letters.py`` returns: an e-mail's subject and plain text.

Each app keeps its e-mail text in a pure ``letters.py`` (no database, no clock, no settings:
callers pass names, dates and full links), tested byte for byte without a database. Actions
never concatenate e-mail text: they build a ``Letter`` and queue it with
``core.outbox.queue_letter``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Letter:
    subject: str
    text: str
