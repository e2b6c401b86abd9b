"""Refusals of payments, each saying what to do next."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError, PermissionDenied


class PaaCannotPayCourtFees(PermissionDenied):
    """A firm's PACER Administrative Account (or a shared account) tried to pay a court fee."""

    code = "paa_cannot_pay_court_fees"


class PaymentDeclined(DomainError):
    """The gateway said no; the message is the gateway's reason."""

    code = "payment_declined"
    status = 402


class PaymentMethodExpired(DomainError):
    code = "payment_method_expired"
    status = 422


class GatewayUnavailable(DomainError):
    """The gateway did not answer; nothing was charged, or the charge is settled later."""

    code = "payment_gateway_unavailable"
    status = 503


class PaymentInProgress(Conflict):
    """Another request is paying for the same thing right now."""

    code = "payment_in_progress"


class HostedPaymentEnded(Conflict):
    """The payer came back to a hosted payment that was cancelled or abandoned: nothing was
    charged under it."""

    code = "payment_not_completed"


class TooManyPaymentMethods(Conflict):
    code = "too_many_payment_methods"
