"""Demo: W.D. Mo. (mowd) CM/ECF logins — one linked to ``aattorney1``, one waiting for the legacy
attorney ``LA1234`` (upgrade first, then link) — a mowd clerk, and a D. Kan. (ksd) login that
still signs in on the court's own login page before that court's go-live.

The demo case record (the docket's demo) needs counsel on both sides: ``aattorney1`` and the
defence attorney ``dcounsel1`` are linked at W.D. Mo. and its bankruptcy court, and the 8th
Circuit has a clerk who opens appeals."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.contrib.auth.hashers import make_password

from openecf.accounts import demo as accounts_demo
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
DEFENCE_USERNAME = "dcounsel1"
CA8_CLERK_USERNAME = "ca8clerk1"
CA8_CLERK_PASSWORD = "Appeals-Desk-St-Louis-2026!"
KSD_LOGIN_PASSWORD = "Kansas-Ecf-Login-1"


LOGINS = [
    DemoLogin("W.D. Mo. clerk's office", CLERK_USERNAME, CLERK_PASSWORD, "/mowd/clerk/logins/"),
    DemoLogin(
        "Defence attorney (filer)",
        DEFENCE_USERNAME,
        accounts_demo.DEMO_PASSWORD,
        "counsel for the defendant in 4:18-cv-00123 at mowd",
    ),
    DemoLogin("8th Circuit clerk's office", CA8_CLERK_USERNAME, CA8_CLERK_PASSWORD, "/ca8/"),
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


def _clerk(court: Court, username: str, password: str, **person: str) -> None:
    account = ensure_demo_account(
        username=username,
        password=password,
        date_of_birth=date(1975, 6, 2),
        purpose=accounts.AccountPurpose.CASE_SEARCH,
        created_at=datetime(2018, 1, 8, 15, tzinfo=UTC),
        **person,
    )
    CourtStaff.objects.get_or_create(
        court=court, account=account, defaults={"role": CourtStaff.Role.CLERK}
    )


def _linked(court: Court, login: str, account, **fields) -> None:
    """``login`` at ``court``, linked to ``account`` when it exists (the NextGen way: one
    sign-on to file)."""
    found = _court_login(court, login, None, role=CourtLogin.Role.ATTORNEY, **fields)
    if (
        account is not None
        and found.linked_account_id is None
        and not queries.is_linked(account_id=account.pk, court_id=court.pk)
    ):
        actions.link_verified_court_login(
            account=account, court=court, court_login_id=found.pk, confirm=True
        )


def _defence_attorney():
    return ensure_demo_account(
        username=DEFENCE_USERNAME,
        password=accounts_demo.DEMO_PASSWORD,
        account_number="4000031",
        first_name="Dana",
        last_name="Counsel",
        email="dana.counsel@example.com",
        date_of_birth=date(1980, 9, 21),
        phone="816-555-0142",
        purpose=accounts.AccountPurpose.ATTORNEY_FILER,
        created_at=datetime(2016, 5, 2, 15, tzinfo=UTC),
        filer=True,
    )


def load() -> list:
    """Create the demo court logins and the mowd clerk once; running again changes nothing."""
    mowd = Court.objects.get(pk="mowd")
    _clerk(
        mowd,
        CLERK_USERNAME,
        CLERK_PASSWORD,
        account_number="4000101",
        first_name="Carla",
        last_name="Clerk",
        email="ecf.help@mowd.uscourts.example",
        phone="816-555-0199",
    )
    attorney = demo_account("aattorney1")
    alice = {"first_name": "Alice", "last_name": "Attorney", "email": "alice.attorney@example.com",
             "bar_id": "48211", "bar_state": "MO"}  # fmt: skip
    _linked(mowd, LINKED_LOGIN, attorney, case_count=23, **alice)
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
    _counsel_for_the_demo_case(mowd, attorney, alice)
    return LOGINS


def _counsel_for_the_demo_case(mowd: Court, attorney, alice: dict) -> None:
    defence = _defence_attorney()
    dana = {"first_name": "Dana", "last_name": "Counsel", "email": "dana.counsel@example.com",
            "bar_id": "52690", "bar_state": "MO"}  # fmt: skip
    _linked(mowd, "dcounsel", defence, case_count=12, **dana)
    mowb = Court.objects.filter(pk="mowb").first()
    if mowb is not None:
        _linked(mowb, LINKED_LOGIN, attorney, case_count=4, **alice)
        _linked(mowb, "dcounsel", defence, case_count=9, **dana)
    ca8 = Court.objects.filter(pk="ca8").first()
    if ca8 is not None:
        _clerk(
            ca8,
            CA8_CLERK_USERNAME,
            CA8_CLERK_PASSWORD,
            account_number="4000102",
            first_name="Carlos",
            last_name="Appeals",
            email="ecf.help@ca8.uscourts.example",
            phone="314-555-0110",
        )
