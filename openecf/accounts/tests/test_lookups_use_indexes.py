"""Username and e-mail lookups ignore case and are served by the LOWER(...) indexes.

Django's ``iexact`` reads the whole table (``LIKE`` on SQLite, ``UPPER() = UPPER()`` on
PostgreSQL); at 100,000 accounts that is 17-38 ms for every sign-in, failed ones too.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openecf.accounts import facade
from openecf.accounts.models import Account
from openecf.tests_support.factories import AccountFactory
from openecf.tests_support.query_plans import plan_of

pytestmark = pytest.mark.django_db


def test_a_username_is_found_whatever_its_case():
    account = AccountFactory(username="AliceFiler", email="Alice.Filer@LawFirm.example")

    assert Account.objects.get(username__iexact="alicefiler") == account
    assert Account.objects.get(username__iexact="ALICEFILER") == account
    assert Account.objects.get(email__iexact="alice.filer@lawfirm.example") == account
    assert not Account.objects.filter(username__iexact="alicefile").exists()
    assert not Account.objects.filter(username__iexact="alice%").exists()


def test_sign_in_looks_the_username_up_through_the_lowercase_index():
    with CaptureQueriesContext(connection) as captured:
        check = facade.authenticate("NoSuchFiler", "Wrong-Passw0rd!")
    assert not check.ok

    [lookup] = [q["sql"] for q in captured if 'FROM "accounts_account"' in q["sql"]]
    assert "account_username_unique_ci" in plan_of(lookup)


def test_an_email_lookup_uses_the_lowercase_index():
    assert "account_email_ci" in plan_of(Account.objects.filter(email__iexact="A@Example.org"))
