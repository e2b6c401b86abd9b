"""Central Sign-On costs.

- ``court_page_signed_in_vs_anonymous``: the same court page, with a live ``NextGenCSO`` session
  versus without one. Target: at most 1.2x (resolving the session is one indexed read).
- ``cso_auth_round_trip_vs_argon2``: one ``POST /services/cso-auth`` versus one bare Argon2
  password check with the same parameters. Argon2 dominates by design; the ratio shows what the
  rest of sign-on adds, and the line reports sign-ons per second.
"""

from __future__ import annotations

import json

from django.contrib.auth.hashers import check_password, make_password
from django.test import Client

from bench.harness import Result, benchmark, best_of

PASSWORD = "Bench-Marked-Passw0rd!"


def _bench_account(username: str):
    from openecf.accounts.models import Account
    from openecf.core import clock

    account, _ = Account.objects.get_or_create(
        username=username,
        defaults={
            "account_number": "9" + str(abs(hash(username)) % 1_000_000).zfill(6),
            "email": f"{username}@bench.example",
            "first_name": "Bench",
            "last_name": "Marker",
            "purpose": Account.Purpose.CASE_SEARCH,
            "status": Account.Status.ACTIVE,
            "created_at": clock.now(),
            "password_changed_at": clock.now(),
            "email_verified_at": clock.now(),
            "password": make_password(PASSWORD),
        },
    )
    return account


@benchmark
def court_page_signed_in_vs_anonymous() -> Result:
    from django.db import transaction

    from openecf.signon.sessions import start_session

    account = _bench_account("benchreader1")
    with transaction.atomic():
        token = start_session(account_id=account.pk).token
    anonymous = Client()
    signed_in = Client()
    signed_in.cookies["NextGenCSO"] = token

    def anonymous_page() -> None:
        assert anonymous.get("/mowd/").status_code == 200

    def signed_in_page() -> None:
        response = signed_in.get("/mowd/")
        assert response.status_code == 200 and b"benchreader1" in response.content

    return Result(
        "court_page_signed_in_vs_anonymous",
        best_of(signed_in_page),
        best_of(anonymous_page),
        target="<= 1.20x",
    )


@benchmark
def cso_auth_round_trip_vs_argon2() -> Result:
    account = _bench_account("benchsignon1")
    client = Client()
    body = json.dumps({"loginId": account.username, "password": PASSWORD})
    encoded = account.password

    def sign_on() -> None:
        response = client.post("/services/cso-auth", body, content_type="application/json")
        assert response.json()["loginResult"] == "0", response.content

    def argon2_only() -> None:
        assert check_password(PASSWORD, encoded)

    ours = best_of(sign_on, rounds=3, number=5)
    raw = best_of(argon2_only, rounds=3, number=5)
    return Result(
        "cso_auth_round_trip_vs_argon2",
        ours,
        raw,
        target=f"informational: {1 / ours:.1f} sign-ons/s per process",
    )
