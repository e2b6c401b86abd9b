"""Court logins are found by login or e-mail (any case) and listed by name off an index.

At 50,000 logins a court, reading every login costs 40-80 ms a request; these plans show
the indexes serve the sign-in lookup and the first page of the clerk's list.
"""

import pytest
from django.db import connection

from openecf.ecf import queries
from openecf.ecf.models import CourtLogin
from openecf.tests_support.query_plans import plan_of

pytestmark = pytest.mark.django_db


def test_a_court_login_is_found_by_login_or_email_whatever_the_case(mowd, mowd_login):
    assert queries.find_login(court_id=mowd.pk, login=" AATTY ") == mowd_login
    assert queries.court_logins_for_email(court_id=mowd.pk, email="Alice.Old@LawFirm.example") == [
        mowd_login
    ]


def test_a_login_lookup_uses_the_court_and_lowercase_login_index(mowd):
    plan = plan_of(CourtLogin.objects.filter(court=mowd, login__iexact="AAtty"))

    assert "court_login_unique_ci" in plan


def test_an_email_lookup_uses_the_court_and_lowercase_email_index(mowd):
    plan = plan_of(CourtLogin.objects.filter(court=mowd, email__iexact="A@LawFirm.example"))

    assert "court_login_email_ci" in plan


def test_the_clerks_first_page_is_read_in_order_off_the_name_index(mowd):
    plan = plan_of(queries.court_logins(mowd)[:200], sorting=False)

    assert "court_login_by_name" in plan
    if connection.vendor == "sqlite":
        assert "TEMP B-TREE" not in plan
    else:
        assert "Sort" not in plan
