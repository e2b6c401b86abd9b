from __future__ import annotations

import pytest

from openecf.signon import demo
from openecf.signon.models import AuthenticatorApp
from openecf.tests_support.factories import AccountFactory

pytestmark = pytest.mark.django_db


def test_the_demo_attorney_gets_one_app_with_the_printed_secret_however_often_it_runs():
    account = AccountFactory(username="aattorney1", purpose="attorney_filer")
    demo.load()
    demo.load()
    app = AuthenticatorApp.objects.get(account=account)
    assert app.secret == demo.DEMO_TOTP_SECRET
    assert demo.DEMO_TOTP_SECRET in demo.LOGINS[0].note


def test_the_demo_secret_is_valid_base32():
    import base64

    assert len(base64.b32decode(demo.DEMO_TOTP_SECRET)) == 20


def test_without_the_demo_attorney_nothing_is_made():
    assert demo.load() == []
    assert not AuthenticatorApp.objects.exists()
