"""Personas and helpers shared by every app's tests.

Personas follow STYLE.md: ``attorney``, ``legacy_attorney``, ``office_manager``, ``clerk``,
``other_court_clerk``, ``public_user`` (and ``judge``). Each is a real account;
``signed_in(client, account)`` starts a real Central Sign-On session and sets the ``NextGenCSO``
cookie.
"""

from __future__ import annotations

import pytest
from django.test import Client

from openecf.tests_support import factories
from openecf.tests_support.database import uses_database
from openecf.tests_support.signon import sign_in


@pytest.fixture(autouse=True)
def record_holds(request):
    """Every database test leaves a sound record: juriscraper reads every Notice of Electronic
    Filing it wrote (issue 11) and ``openecf billing check`` holds (issue 13)."""
    uses_db = uses_database(request)
    yield
    if uses_db:
        from openecf.billing import ledger_check
        from openecf.tests_support.nef_parsing import unreadable_notices

        assert unreadable_notices() == []
        assert ledger_check.check() == []


@pytest.fixture
def real_password_hashing(settings):
    """Hash with production's Argon2id cost, for the tests about hashing itself."""
    from openecf.settings_test import REAL_PASSWORD_HASHERS

    settings.PASSWORD_HASHERS = REAL_PASSWORD_HASHERS


@pytest.fixture
def courts(db):
    """The letter's courts (and every other sitting federal court), seeded as in production."""
    from openecf.courts import demo

    demo.load()


def _seeded_court(court_id: str):
    """A fixture named ``court_id``: that court as ``courts`` seeded it."""

    @pytest.fixture(name=court_id)
    def court(courts):
        from openecf.courts.models import Court

        return Court.objects.get(pk=court_id)

    return court


mowd = _seeded_court("mowd")
mowb = _seeded_court("mowb")
ksd = _seeded_court("ksd")
ca8 = _seeded_court("ca8")


@pytest.fixture
def attorney(db):
    return factories.AccountFactory(
        purpose="attorney_filer", first_name="Alice", last_name="Attorney"
    )


@pytest.fixture
def legacy_attorney(db):
    return factories.LegacyAccountFactory(
        purpose="attorney_filer", first_name="Larry", last_name="Legacy"
    )


@pytest.fixture
def public_user(db):
    return factories.AccountFactory(purpose="case_search", first_name="Pat", last_name="Public")


@pytest.fixture
def office_manager(db):
    """The PACER Administrative Account of Jefferson & Clay LLP: Olive signs in with it."""
    from openecf.firms.factories import FirmFactory

    return FirmFactory(name="Jefferson & Clay LLP").paa


@pytest.fixture
def clerk(mowd):
    return factories.court_staff(mowd, role="clerk", first_name="Carl", last_name="Clerk")


@pytest.fixture
def judge(mowd):
    return factories.court_staff(mowd, role="judge", first_name="Jo", last_name="Judge")


@pytest.fixture
def other_court_clerk(courts):
    from openecf.courts.models import Court

    ksd = Court.objects.get(pk="ksd")
    return factories.court_staff(ksd, role="clerk", first_name="Olga", last_name="Otherclerk")


@pytest.fixture
def operator(db):
    return factories.AccountFactory(is_operator=True, first_name="Opal", last_name="Operator")


@pytest.fixture
def signed_in():
    """``signed_in(account) -> Client`` with a live Central Sign-On session."""

    def make(account, **kwargs) -> Client:
        client = Client()
        sign_in(client, account, **kwargs)
        return client

    return make


@pytest.fixture
def loopback_smtp(settings):
    """A real SMTP server on loopback that Django's mail goes to; ``.received`` holds what it
    accepted (``tests_support/smtp.py``). It refuses ``gone@example.net`` with a 550."""
    from openecf.tests_support.smtp import LoopbackSmtp

    with LoopbackSmtp(refused={"gone@example.net"}) as server:
        for name, value in server.django_settings().items():
            setattr(settings, name, value)
        yield server
