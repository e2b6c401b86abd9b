"""The reports' own refusals (the record's missing and sealed answers are ``NotFound``)."""

from __future__ import annotations

from openecf.core.errors import DomainError


class ChargeNotAccepted(DomainError, code="charge_not_accepted", status=402):
    """A charged document asked through the API without accepting its cost
    (``accept_charge`` below the quoted amount): nothing was charged or sent."""
