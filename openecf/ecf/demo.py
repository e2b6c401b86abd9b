"""Demo: W.D. Mo. (mowd) CM/ECF logins — one linked to ``aattorney1``, one waiting for the legacy
attorney ``LA1234`` (upgrade first, then link) — a mowd clerk, and a D. Kan. (ksd) login that
still signs in on the court's own login page before that court's go-live."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.contrib.auth.hashers import make_password

from openecf.accounts import facade as accounts
from openecf.accounts.demo import demo_account, ensure_demo_account
from openecf.core.demo import DemoLogin
from openecf.courts.models import Court, CourtStaff
from openecf.ecf import actions, queries
from openecf.ecf.models import CourtLogin

CLERK_USERNAME = "mowdclerk1"
CLERK_PASSWORD = "Docket-Desk-Kansas-City-2026!"
LEGACY_LOGIN = "llegacy"
LEGACY_LOGIN_PASSWORD = "Old-Ecf-Login-2018"
LINKED_LOGIN = "aattorney"
KSD_LOGIN = "kfiler1"
KSD_LOGIN_PASSWORD = "Kansas-Ecf-Login-1"


LOGINS = [
    DemoLogin("W.D. Mo. clerk's office", CLERK_USERNAME, CLERK_PASSWORD, "/mowd/clerk/logins/"),
    DemoLogin(
        "LA1234's mowd CM/ECF login",
        LEGACY_LOGIN,
        LEGACY_LOGIN_PASSWORD,
        "upgrade LA1234, then link it at /mowd/utilities/link/",
    ),
    DemoLogin(
        "ksd CM/ECF login (before go-live)",
        KSD_LOGIN,
        KSD_LOGIN_PASSWORD,
        "signs in at /ksd/cgi-bin/login.pl",
    ),
]


def _court_login(court: Court, login: str, password: str | None, **fields) -> CourtLogin:
    found = queries.find_login(court_id=court.pk, login=login)
    if found is not None:
        return found
    return CourtLogin.objects.create(
        court=court,
        login=login,
        password=make_password(password),
        created_at=datetime(2012, 3, 1, 15, tzinfo=UTC),
        **fields,
    )


def _clerk(court: Court) -> None:
    account = ensure_demo_account(
        username=CLERK_USERNAME,
        password=CLERK_PASSWORD,
        account_number="4000101",
        first_name="Carla",
        last_name="Clerk",
        email="ecf.help@mowd.uscourts.example",
        date_of_birth=date(1975, 6, 2),
        phone="816-555-0199",
        purpose=accounts.AccountPurpose.CASE_SEARCH,
        created_at=datetime(2018, 1, 8, 15, tzinfo=UTC),
    )
    CourtStaff.objects.get_or_create(
        court=court, account=account, defaults={"role": CourtStaff.Role.CLERK}
    )


def load() -> list:
    """Create the demo court logins and the mowd clerk once; running again changes nothing."""
    mowd = Court.objects.get(pk="mowd")
    _clerk(mowd)
    attorney = demo_account("aattorney1")
    linked = _court_login(
        mowd,
        LINKED_LOGIN,
        None,
        first_name="Alice",
        last_name="Attorney",
        email="alice.attorney@example.com",
        bar_id="48211",
        bar_state="MO",
        role=CourtLogin.Role.ATTORNEY,
        case_count=23,
    )
    if (
        attorney is not None
        and linked.linked_account_id is None
        and not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    ):
        actions.link_verified_court_login(
            account=attorney, court=mowd, court_login_id=linked.pk, confirm=True
        )
    _court_login(
        mowd,
        LEGACY_LOGIN,
        LEGACY_LOGIN_PASSWORD,
        first_name="Larry",
        last_name="Legacy",
        email="larry.legacy@example.com",
        bar_id="31877",
        bar_state="MO",
        role=CourtLogin.Role.ATTORNEY,
        case_count=41,
    )
    ksd = Court.objects.filter(pk="ksd").first()
    if ksd is not None:
        _court_login(
            ksd,
            KSD_LOGIN,
            KSD_LOGIN_PASSWORD,
            first_name="Kim",
            last_name="Filer",
            email="kim.filer@example.com",
            bar_id="22040",
            bar_state="KS",
            role=CourtLogin.Role.ATTORNEY,
            case_count=7,
        )
    return LOGINS
