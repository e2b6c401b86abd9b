"""The only writes of payments: paying, refunds, stored payment methods.

One module per topic; this package re-exports them, so ``from openecf.payments import
actions`` keeps working.
"""

from openecf.payments.actions.hosted import (
    HostedBegun,
    begin_hosted,
    cancel_hosted,
    complete_hosted,
    hosted_checkout,
)
from openecf.payments.actions.methods import (
    add_payment_method,
    delete_payment_method,
    live_methods,
    set_default_payment_method,
)
from openecf.payments.actions.paying import pay, settle, settle_pending
from openecf.payments.actions.refunds import refund

__all__ = [
    "HostedBegun",
    "begin_hosted",
    "cancel_hosted",
    "complete_hosted",
    "hosted_checkout",
    "add_payment_method",
    "delete_payment_method",
    "live_methods",
    "pay",
    "refund",
    "set_default_payment_method",
    "settle",
    "settle_pending",
]
