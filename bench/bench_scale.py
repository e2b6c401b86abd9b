"""The same requests on the small demo and after adding 100,000 accounts and 50,000 logins.

``scale_*`` lines: the first figure is the request on the demo plus 100,000 PACER accounts and
50,000 CM/ECF logins at W.D. Mo. (the clerk's court), the baseline the same request on the
demo alone, measured in the same run through ``openecf.wsgi.application``. Target: at most
1.2x, i.e. no request reads a whole table. The small demo already holds one full page of the
clerk's list (200 of its logins), so both figures render the same number of rows. The rows are
bulk-inserted with one precomputed password hash, so this runs last and takes seconds.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable

from bench.bench_wsgi import Request, api_me, clerk_login_list, court_page
from bench.harness import Result, benchmark_run_last, best_of, through_wsgi

ACCOUNTS = 100_000
COURT_LOGINS = 50_000
ONE_PAGE = 200  # the clerk's list shows at most 200 logins
_addresses = itertools.count(1)


def failed_sign_in() -> None:
    """An unknown username from a new address each time, so no lockout cuts the work short."""
    n = next(_addresses)
    body = json.dumps({"loginId": f"nosuchfiler{n}", "password": "Wrong-Passw0rd!"}).encode()
    answer = through_wsgi(
        "POST",
        "/services/cso-auth",
        headers={"Content-Type": "application/json"},
        body=body,
        remote_addr=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
    )
    assert answer.status == 200 and b'"loginResult": "1"' in answer.body, answer.body


def add_accounts(numbers: range, *, password: str) -> None:
    from openecf.accounts.models import Account
    from openecf.core import clock

    now = clock.now()
    taken = set(Account.objects.values_list("account_number", flat=True))
    free = (n for n in (f"{1_000_000 + i:07d}" for i in range(9_000_000)) if n not in taken)
    Account.objects.bulk_create(
        (
            Account(
                account_number=next(free),
                username=f"ScaleFiler{i:06d}",
                email=f"scale.filer{i}@scale.example",
                first_name="Scale",
                last_name=f"Filer{i:06d}",
                purpose=Account.Purpose.ATTORNEY_FILER,
                status=Account.Status.ACTIVE,
                created_at=now,
                password_changed_at=now,
                email_verified_at=now,
                password=password,
            )
            for i in numbers
        ),
        batch_size=2_000,
    )


def add_court_logins(numbers: range, *, password: str) -> None:
    from openecf.core import clock
    from openecf.ecf.models import CourtLogin

    now = clock.now()
    CourtLogin.objects.bulk_create(
        (
            CourtLogin(
                court_id="mowd",
                login=f"scalelogin{i:06d}",
                password=password,
                first_name=f"First{i % 977:03d}",
                last_name=f"Last{(i * 7919) % COURT_LOGINS:06d}",
                email=f"scale.login{i}@scale.example",
                role=CourtLogin.Role.ATTORNEY,
                created_at=now,
            )
            for i in numbers
        ),
        batch_size=2_000,
    )


def _measure(requests: dict[str, Callable[[], object]]) -> dict[str, float]:
    return {
        name: best_of(send, rounds=3, number=3) if name == "sign-in" else best_of(send)
        for name, send in requests.items()
    }


@benchmark_run_last
def scale_100k_accounts_50k_logins() -> list[Result]:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    password = make_password("Scale-Bench-Passw0rd!")
    add_court_logins(range(ONE_PAGE), password=password)
    built: list[Request] = [court_page(), clerk_login_list(), api_me()]
    requests: dict[str, Callable[[], object]] = {r.name: r.send for r in built}
    requests["sign-in"] = failed_sign_in
    small = _measure(requests)
    with transaction.atomic():
        add_accounts(range(ACCOUNTS), password=password)
        add_court_logins(range(ONE_PAGE, COURT_LOGINS), password=password)
    large = _measure(requests)
    return [
        Result(f"scale_{name.replace(' ', '_')}", large[name], small[name], target="<= 1.20x")
        for name in requests
    ]
