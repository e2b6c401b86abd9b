"""Every write to billing: charges, quarter closing and its e-mails, payments, exemptions,
client codes."""

from openecf.billing.actions.charging import charge
from openecf.billing.actions.closing import CloseResult, close_quarter
from openecf.billing.actions.moves import move_balances
from openecf.billing.actions.paying import pay_invoice, record_invoice_payments
from openecf.billing.actions.quarter_letters import queue_quarter_letters
from openecf.billing.actions.settings import grant_exemption, set_client_code, switch_exemption

__all__ = [
    "CloseResult",
    "charge",
    "close_quarter",
    "grant_exemption",
    "move_balances",
    "pay_invoice",
    "queue_quarter_letters",
    "record_invoice_payments",
    "set_client_code",
    "switch_exemption",
]
