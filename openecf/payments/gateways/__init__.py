"""The payment gateway: one interface, two implementations, chosen by a setting.

``OPENECF_PAYMENT_GATEWAY=sandbox`` (the default) is the built-in sandbox
(``gateways.sandbox``); ``paygov`` is the HTTP adapter shaped like Treasury's pay.gov hosted
collection (``gateways.paygov``). Every charge and refund carries an idempotency key: asking
twice with one key charges once, and ``find`` answers what happened under a key, which is how
a payment whose confirmation was lost (or whose process died) is settled.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Card:
    """A card as typed (``{"number", "exp_month", "exp_year", "cvc", "name"}``); never stored
    by us: the gateway keeps it and gives a token."""

    number: str
    exp_month: int
    exp_year: int
    cvc: str
    name: str

    @property
    def digits(self) -> str:
        return self.number.replace(" ", "").replace("-", "")


@dataclass(frozen=True)
class ChargeOrder:
    """What to authorize and capture: with a typed card, or a stored card's token."""

    idempotency_key: str
    amount: Decimal
    description: str
    card: Card | None = None
    token: str | None = None


@dataclass(frozen=True)
class Charge:
    """What the gateway did under one idempotency key (a capture or a refund)."""

    reference: str
    amount: Decimal
    card_last_four: str = ""


@dataclass(frozen=True)
class Tokenized:
    """A card the gateway now keeps for us: its token and what may be shown."""

    token: str
    kind: str
    last_four: str
    exp_month: int
    exp_year: int


@dataclass(frozen=True)
class HostedStart:
    """A hosted payment page begun: its token, and where to send the payer's browser."""

    token: str
    redirect_url: str


class GatewayTimeout(Exception):
    """The gateway did not answer in time: it may or may not have charged (ask ``find``)."""


class GatewayDeclined(Exception):
    """The gateway refused the card; ``reason`` is its words, ``code`` a short name."""

    def __init__(self, reason: str, *, code: str = "declined") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class Gateway(Protocol):
    """Every method raises ``GatewayTimeout`` when the gateway does not answer."""

    name: str
    hosted: bool  # typed cards go to the gateway's own hosted page (``start_hosted``)

    def charge(self, order: ChargeOrder) -> Charge:
        """Authorize and capture once per key; raises ``GatewayDeclined``."""
        ...

    def refund(self, *, idempotency_key: str, capture: str, amount: Decimal) -> Charge:
        """Give back part or all of the capture named ``capture``, once per key."""
        ...

    def find(self, *, idempotency_key: str) -> Charge | None:
        """What was done under this key, or None when nothing was."""
        ...

    def tokenize(self, card: Card) -> Tokenized:
        """Keep a card and answer its token; raises ``GatewayDeclined``."""
        ...


def gateway() -> Gateway:
    """The configured gateway (``settings.OPENECF_PAYMENT_GATEWAY``).

    A settings module of one's own may add ``"class"``, the dotted path of a gateway class
    made with no arguments, to the dict (the crash tests use a sandbox that pauses mid-capture
    so a test can kill the process there); the environment never sets it.
    """
    config = settings.OPENECF_PAYMENT_GATEWAY
    if config.get("class"):
        built: Gateway = import_string(config["class"])()
        return built
    if config["name"] == "paygov":
        from openecf.payments.gateways.paygov import PayGovGateway

        return PayGovGateway(
            base_url=config["paygov_url"],
            app_id=config["paygov_app_id"],
            timeout=config["timeout"],
        )
    from openecf.payments.gateways.sandbox import SandboxGateway

    return SandboxGateway()
