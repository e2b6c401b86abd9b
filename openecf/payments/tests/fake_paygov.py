"""A small fake pay.gov for the tests: a real HTTP server on loopback, in a thread.

It speaks the hosted collection's operations as ``gateways.paygov`` calls them
(``startOnlineCollection``, the hosted page ``/pay``, ``completeOnlineCollection``,
``getDetails``, ``processRefund``, ``storePaymentMethod``) and gives the sandbox's test cards
the same outcomes: ``4000000000000119`` keeps the connection waiting past the client's
timeout, ``4000000000003220`` captures and then drops the connection without an answer. The
hosted page has Continue and Cancel (back to ``url_success`` or ``url_cancel`` with the
token); ``books.expire(token)`` lets a token run out.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from openecf.payments.gateways.sandbox import REFUSALS, TEST_CARDS

APP_ID = "OPENECF-TEST"
EXPIRED = "Your Pay.gov session expired before the payment was completed: nothing was charged."


@dataclass
class Books:
    """What the fake pay.gov did: collections by token, transactions by agency tracking id."""

    collections: dict[str, dict[str, Any]] = field(default_factory=dict)
    transactions: dict[str, dict[str, Any]] = field(default_factory=dict)
    stored: dict[str, str] = field(default_factory=dict)  # payment token -> outcome
    calls: list[str] = field(default_factory=list)
    expired: set[str] = field(default_factory=set)  # tokens a test let expire
    url: str = ""

    def expire(self, token: str) -> None:
        """The hosted page's token runs out (pay.gov's tokens live a few minutes)."""
        self.expired.add(token)

    def captures(self) -> list[dict[str, Any]]:
        return [t for t in self.transactions.values() if t["kind"] == "capture"]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        token = parse_qs(url.query).get("token", [""])[0]
        if url.path != "/pay" or token not in self.server.books.collections:
            self._answer(404, {"error": {"code": "not_found", "message": "No such page."}})
            return
        page = (
            "<!doctype html><title>Pay.gov</title><h1>Pay.gov</h1>"
            f'<form method="post" action="/pay"><input type="hidden" name="token" value="{token}">'
            '<label>Name on card <input name="name_on_card"></label>'
            '<label>Card number <input name="card_number"></label>'
            '<label>Month <input name="exp_month"></label><label>Year <input name="exp_year"></label>'
            '<label>Security code <input name="cvc"></label>'
            '<button type="submit">Continue</button>'
            '<button type="submit" name="cancel" value="1">Cancel</button></form>'
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def do_POST(self) -> None:
        operation = urlsplit(self.path).path.strip("/")
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        books = self.server.books
        books.calls.append(operation)
        if operation == "pay":
            form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            collection = books.collections.get(form.get("token", ""))
            if collection is None:
                self._answer(404, {"error": {"code": "not_found", "message": "No such token."}})
                return
            back = collection["url_success"]
            if form.get("cancel"):
                back = collection["url_cancel"]
            else:
                collection["outcome"] = TEST_CARDS.get(form.get("card_number", ""), "approved")
                collection["last_four"] = form.get("card_number", "")[-4:]
            self.send_response(303)
            self.send_header("Location", f"{back}?{urlencode({'token': form['token']})}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.loads(raw or b"{}")
        if body.get("tcs_app_id") != APP_ID:
            self._answer(403, {"error": {"code": "unknown_app", "message": "Unknown tcs_app_id."}})
            return
        handler = getattr(self, f"_{operation}", None)
        if handler is None:
            self._answer(404, {"error": {"code": "not_found", "message": "No such operation."}})
            return
        handler(body)

    def _startOnlineCollection(self, body: dict[str, Any]) -> None:
        token = secrets.token_hex(12)
        stored = self.server.books.stored.get(body.get("payment_token", ""))
        self.server.books.collections[token] = {
            **body,
            "outcome": stored,
            "last_four": "",
        }
        self._answer(200, {"token": token})

    def _completeOnlineCollection(self, body: dict[str, Any]) -> None:
        books = self.server.books
        collection = books.collections.get(body.get("token", ""))
        if body.get("token") in books.expired:
            self._answer(422, {"error": {"code": "token_expired", "message": EXPIRED}})
            return
        if collection is None or collection["outcome"] is None:
            self._answer(
                200,
                {
                    "transaction_status": "Failed",
                    "return_detail": "The payer did not authorize the payment.",
                },
            )
            return
        key = collection["agency_tracking_id"]
        outcome = collection["outcome"]
        if outcome == "gateway_down":
            self.server.closing.wait()  # no answer while the fake runs: past any client timeout
            return
        if outcome in REFUSALS:
            self._answer(200, {"transaction_status": "Failed", "return_detail": REFUSALS[outcome]})
            return
        done = books.transactions.setdefault(
            key,
            {
                "kind": "capture",
                "agency_tracking_id": key,
                "paygov_tracking_id": f"PG{secrets.token_hex(6).upper()}",
                "transaction_status": "Success",
                "transaction_amount": collection["transaction_amount"],
                "card_last_four": collection["last_four"],
            },
        )
        if outcome == "confirmation_lost":
            self.close_connection = True
            self.connection.close()
            return
        self._answer(200, done)

    def _getDetails(self, body: dict[str, Any]) -> None:
        found = self.server.books.transactions.get(body.get("agency_tracking_id", ""))
        self._answer(200, {"transactions": [found] if found else []})

    def _processRefund(self, body: dict[str, Any]) -> None:
        books = self.server.books
        done = books.transactions.setdefault(
            body["agency_tracking_id"],
            {
                "kind": "refund",
                "agency_tracking_id": body["agency_tracking_id"],
                "paygov_tracking_id": f"PR{secrets.token_hex(6).upper()}",
                "refunded_tracking_id": body["paygov_tracking_id"],
                "transaction_status": "Success",
                "transaction_amount": str(Decimal(body["transaction_amount"])),
            },
        )
        self._answer(200, done)

    def _storePaymentMethod(self, body: dict[str, Any]) -> None:
        outcome = TEST_CARDS.get(body.get("card_number", ""), "approved")
        if outcome in ("declined", "expired"):
            self._answer(422, {"error": {"code": outcome, "message": REFUSALS[outcome]}})
            return
        token = f"pgt_{secrets.token_hex(10)}"
        self.server.books.stored[token] = outcome
        self._answer(200, {"payment_token": token})

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    books: Books
    closing: threading.Event


@contextmanager
def running() -> Iterator[tuple[str, Books]]:
    """Start the fake pay.gov on a free loopback port: ``(base_url, books)``."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.books = Books()
    server.closing = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.books
    finally:
        server.closing.set()
        server.shutdown()
        server.server_close()


@contextmanager
def as_the_gateway(settings: Any, *, timeout: float = 0.5) -> Iterator[Books]:
    """Run the fake pay.gov and make it the configured gateway (pytest-django's ``settings``)."""
    with running() as (url, books):
        settings.OPENECF_PAYMENT_GATEWAY = {
            "name": "paygov",
            "paygov_url": url,
            "paygov_app_id": APP_ID,
            "timeout": timeout,
        }
        books.url = url
        yield books
