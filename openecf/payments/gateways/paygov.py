"""The HTTP adapter shaped like Treasury's pay.gov hosted collection (TCS Online).

pay.gov's hosted collection takes a payment in three steps, and so does this adapter:

1. ``startOnlineCollection``: the agency names the payment (``agency_tracking_id``: our
   idempotency key, ``transaction_amount``, ``url_success``, ``url_cancel``) and receives a
   ``token``;
2. the payer's browser is redirected to pay.gov's hosted page (``/pay?token=...``), types the
   card there and is sent back to ``url_success?token=...``;
3. ``completeOnlineCollection`` (server side, with the token) captures the payment and answers
   the ``paygov_tracking_id`` (our gateway reference).

``getDetails`` answers what was done under an ``agency_tracking_id`` (how a lost answer is
settled) and ``processRefund`` refunds. A program that pays through the API with a card has
no browser: the adapter then posts the card to the hosted page itself, as the browser would,
before step 3. Stored cards are kept by the payment service (``storePaymentMethod`` answers a
token, which step 1 accepts as ``payment_token`` so no hosted page is needed).

Every call is JSON over HTTPS to ``OPENECF_PAYGOV_URL`` with ``tcs_app_id``
(``OPENECF_PAYGOV_APP_ID``); no answer within ``OPENECF_PAYGOV_TIMEOUT`` seconds, or no
connection, is ``GatewayTimeout``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from typing import Any

from openecf.payments import rules
from openecf.payments.gateways import (
    Card,
    Charge,
    ChargeOrder,
    GatewayDeclined,
    GatewayTimeout,
    HostedStart,
    Tokenized,
)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The hosted page answers the card with a redirect to us: stop there, as a server."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class PayGovGateway:
    name = "paygov"
    hosted = True  # a person's browser types the card on pay.gov's page, never on ours

    def __init__(self, *, base_url: str, app_id: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.app_id = app_id
        self.timeout = timeout

    # The hosted collection, as a browser meets it.

    def start_hosted(self, order: ChargeOrder, *, url_success: str, url_cancel: str) -> HostedStart:
        """Step 1: a token and the hosted page's address to send the payer to."""
        token = self._start(order, url_success=url_success, url_cancel=url_cancel)
        query = urllib.parse.urlencode({"token": token, "tcsAppID": self.app_id})
        return HostedStart(token=token, redirect_url=f"{self.base_url}/pay?{query}")

    def complete_hosted(self, *, token: str) -> Charge:
        """Step 3: capture what the payer authorized on the hosted page."""
        answer = self._call("completeOnlineCollection", {"token": token})
        return _charge(answer)

    # The gateway interface.

    def charge(self, order: ChargeOrder) -> Charge:
        token = self._start(
            order, url_success=f"{self.base_url}/done", url_cancel=f"{self.base_url}/done"
        )
        if order.card is not None:
            self._post_form("pay", {"token": token, **_card_fields(order.card)})
        return self.complete_hosted(token=token)

    def refund(self, *, idempotency_key: str, capture: str, amount: Decimal) -> Charge:
        answer = self._call(
            "processRefund",
            {
                "agency_tracking_id": idempotency_key,
                "paygov_tracking_id": capture,
                "transaction_amount": f"{amount:.2f}",
            },
        )
        return _charge(answer)

    def find(self, *, idempotency_key: str) -> Charge | None:
        answer = self._call("getDetails", {"agency_tracking_id": idempotency_key})
        done = [
            t for t in answer.get("transactions", []) if t.get("transaction_status") == "Success"
        ]
        return _charge(done[0]) if done else None

    def tokenize(self, card: Card) -> Tokenized:
        answer = self._call("storePaymentMethod", _card_fields(card))
        return Tokenized(
            token=str(answer["payment_token"]),
            kind=rules.card_kind(card.digits),
            last_four=card.digits[-4:],
            exp_month=card.exp_month,
            exp_year=card.exp_year,
        )

    # HTTP.

    def _start(self, order: ChargeOrder, *, url_success: str, url_cancel: str) -> str:
        body = {
            "agency_tracking_id": order.idempotency_key,
            "transaction_type": "Sale",
            "transaction_amount": f"{order.amount:.2f}",
            "url_success": url_success,
            "url_cancel": url_cancel,
            "description": order.description,
        }
        if order.token:
            body["payment_token"] = order.token
        return str(self._call("startOnlineCollection", body)["token"])

    def _call(self, operation: str, body: dict[str, str]) -> dict[str, Any]:
        data = json.dumps({"tcs_app_id": self.app_id, **body}).encode()
        return self._send(operation, data, content_type="application/json")

    def _post_form(self, path: str, fields: dict[str, str]) -> None:
        data = urllib.parse.urlencode(fields).encode()
        self._send(path, data, content_type="application/x-www-form-urlencoded")

    def _send(self, path: str, data: bytes, *, content_type: str) -> dict[str, Any]:
        """POST to pay.gov; a JSON answer as a dict (a form's redirect answers ``{}``)."""
        # The base URL is http(s) only: config.payment_gateway refuses any other scheme.
        request = urllib.request.Request(  # noqa: S310
            f"{self.base_url}/{path}", data=data, headers={"Content-Type": content_type}
        )
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                return _json(response.read())
        except urllib.error.HTTPError as error:
            if 300 <= error.code < 400:
                return {}
            problem = _json(error.read()).get("error") or {}
            if error.code in (400, 402, 422) and problem:
                code = str(problem.get("code", "declined"))
                raise GatewayDeclined(str(problem.get("message")), code=code) from None
            raise GatewayTimeout(f"pay.gov answered {error.code}") from None
        except OSError as error:  # a timeout, a refused or dropped connection
            raise GatewayTimeout(f"pay.gov did not answer: {error}") from None


def _json(raw: bytes) -> dict[str, Any]:
    try:
        found = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _card_fields(card: Card) -> dict[str, str]:
    return {
        "card_number": card.digits,
        "exp_month": str(card.exp_month),
        "exp_year": str(card.exp_year),
        "cvc": card.cvc,
        "name_on_card": card.name,
    }


def _charge(answer: dict[str, Any]) -> Charge:
    if answer.get("transaction_status") != "Success":
        raise GatewayDeclined(
            str(answer.get("return_detail") or "pay.gov did not take the payment.")
        )
    return Charge(
        reference=str(answer["paygov_tracking_id"]),
        amount=Decimal(str(answer["transaction_amount"])),
        card_last_four=str(answer.get("card_last_four", "")),
    )
