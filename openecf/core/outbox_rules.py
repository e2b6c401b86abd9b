"""Pure rules of e-mail delivery: when to try again, what a refusal means, the Message-ID.

No I/O and no clock: ``core.delivery`` asks these with the error it caught and the time.
"""

from __future__ import annotations

import hashlib
import re
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# Minutes to wait after the 1st, 2nd, ... failed attempt; after the last, give up (about
# 16 hours of trying in all, as mail servers keep a message for a day or so).
RETRY_MINUTES = (1, 5, 15, 30, 60, 120, 240, 480)


def retry_delay(attempts: int) -> timedelta | None:
    """How long to wait after ``attempts`` failed attempts; None: stop trying."""
    if attempts < 1 or attempts > len(RETRY_MINUTES):
        return None
    return timedelta(minutes=RETRY_MINUTES[attempts - 1])


@dataclass(frozen=True)
class Refusal:
    permanent: bool  # True: never try again (5xx, bad address); False: retry with backoff
    reason: str  # in the words the clerk's list shows


def refusal(error: BaseException) -> Refusal:
    """What a sending error means for the one recipient of the message."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()), (451, b"refused"))
        return _by_code(int(code), text)
    if isinstance(error, smtplib.SMTPResponseException):
        return _by_code(int(error.smtp_code), error.smtp_error)
    if isinstance(error, ValueError | UnicodeError):  # the address cannot be written
        return Refusal(True, f"not a deliverable address ({error})"[:500])
    return Refusal(False, f"mail server unreachable ({type(error).__name__}: {error})"[:500])


def _by_code(code: int, text: bytes | str) -> Refusal:
    words = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return Refusal(500 <= code < 600, f"{code} {words}".strip()[:500])


def address_problem(address: str) -> str:
    """Why ``address`` cannot be mailed to, or ``""``."""
    try:
        validate_email(address)
    except ValidationError:
        return f"{address!r} is not an e-mail address"
    return ""


def message_id(*, kind: str, key: str, domain: str) -> str:
    """The Message-ID of the e-mail of ``kind`` named by ``key`` (e.g. a notice and its
    recipient): the same key always gives the same id, so a resend is the same e-mail."""
    digest = hashlib.sha256(f"{kind}\n{key}".encode()).hexdigest()[:32]
    label = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "mail"
    return f"<{label}.{digest}@{domain}>"


def body_digest(text: str, html: str) -> str:
    """The name of an e-mail's content (``OutboundBody``): the SHA-256 of its text and HTML."""
    return hashlib.sha256(f"{len(text)}\n{text}{html}".encode()).hexdigest()
