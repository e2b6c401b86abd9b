"""Why a billing action was refused, in the words of the person who tried it."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError


class PacerAccessSuspended(DomainError):
    """A balance past due: searching and viewing stop (filing does not) until it is paid."""

    code = "pacer_access_suspended"
    status = 403


class QuarterNotOver(Conflict):
    code = "quarter_not_over"


class NothingToPay(Conflict):
    code = "nothing_to_pay"


class ViewKeyReused(Conflict):
    """Another person's view already used this idempotency key."""

    code = "view_key_reused"
