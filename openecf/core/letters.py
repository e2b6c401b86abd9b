"""The value every app's ``letters.py`` returns: an e-mail's subject, plain text and (for
letters that have one, such as a Notice of Electronic Filing) its HTML alternative.

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
    html: str = ""  # sent as multipart/alternative: the text first, then this
