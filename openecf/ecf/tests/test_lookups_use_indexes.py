"""Court logins are found by login (any case) through the court's LOWER(login) index.

At 50,000 logins a court, reading every login of the court costs tens of milliseconds.
"""

import pytest

from openecf.ecf import queries
from openecf.ecf.models import CourtLogin
from openecf.tests_support.query_plans import plan_of

pytestmark = pytest.mark.django_db


def test_a_court_login_is_found_by_login_whatever_the_case(mowd, mowd_login):
    assert queries.find_login(court_id=mowd.pk, login=" AATTY ") == mowd_login


def test_a_login_lookup_uses_the_court_and_lowercase_login_index(mowd):
    plan = plan_of(CourtLogin.objects.filter(court=mowd, login__iexact="AAtty"))

    assert "court_login_unique_ci" in plan
