"""Who may see a payment: its payer, and the clerk's office of its court (and the operator).

Anyone else is told there is no such receipt (decision record 0005).
"""

from __future__ import annotations

from django.http import HttpRequest

from openecf.core.errors import NotFound, NotSignedIn
from openecf.courts.access import standing_of
from openecf.payments import queries
from openecf.payments.models import PaymentIntent

NO_SUCH_RECEIPT = "There is no receipt with this number."


def signed_in_account_id(request: HttpRequest) -> int:
    account = getattr(request, "account", None)
    if account is None:
        raise NotSignedIn("Sign in with your PACER account first.")
    return int(account.pk)


def receipt_for(request: HttpRequest, receipt_number: str) -> PaymentIntent:
    """The payment behind a receipt, if this person may see it; otherwise ``NotFound``."""
    account_id = signed_in_account_id(request)
    intent = queries.payment_by_receipt(receipt_number)
    if intent is None:
        raise NotFound(NO_SUCH_RECEIPT)
    if intent.payer_id == account_id or standing_of(request, intent.court).may_manage_court:
        return intent
    raise NotFound(NO_SUCH_RECEIPT)
