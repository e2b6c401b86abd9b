"""The Case Locator page: the form, bad input, results, billing per result page, receipt."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openecf.billing.models import AccessCharge
from openecf.locator.tests.conftest import indexed, many
from openecf.tests_support.statements import statements

pytestmark = pytest.mark.django_db


def _search(client, **params):
    return client.get("/locator/", {"search": "1", **params})


def test_a_visitor_is_asked_to_sign_in(client, courts):
    page = client.get("/locator/?last_name=Roe")
    assert page.status_code == 302
    assert page["Location"].startswith("/login/?next=")
    assert not AccessCharge.objects.exists()


def test_the_main_menu_leads_signed_in_people_to_the_locator(signed_in, public_user, courts):
    client = signed_in(public_user)
    home = client.get("/").content.decode()
    assert 'href="/locator/"' in home
    form = client.get("/locator/")
    assert form.status_code == 200
    text = form.content.decode()
    assert "Each page of results costs $0.10" in text
    assert 'name="last_name"' in text and 'name="case_number"' in text
    assert not AccessCharge.objects.exists()  # the form alone costs nothing


def test_the_menu_has_no_locator_for_visitors(client, courts):
    assert 'href="/locator/"' not in client.get("/").content.decode()


def test_nothing_to_search_by_says_so_and_charges_nothing(signed_in, public_user, courts):
    page = _search(signed_in(public_user), court_id="mowd")
    assert page.status_code == 400
    assert "Say what to search by: a party name" in page.content.decode()
    assert not AccessCharge.objects.exists()


def test_a_from_date_after_the_to_date_is_shown_on_the_form(signed_in, public_user, courts):
    page = _search(
        signed_in(public_user), last_name="Roe", filed_from="2026-05-01", filed_to="2026-04-01"
    )
    assert page.status_code == 400
    assert "must be on or after the “filed from” date" in page.content.decode()
    assert not AccessCharge.objects.exists()


def test_a_first_name_alone_and_a_lone_wildcard_are_refused(signed_in, public_user, courts):
    client = signed_in(public_user)
    alone = _search(client, first_name="John")
    assert "Enter the last name too" in alone.content.decode()
    star = _search(client, last_name="S*")
    assert "at least 2 letters before a wildcard" in star.content.decode()
    assert (alone.status_code, star.status_code) == (400, 400)
    assert not AccessCharge.objects.exists()


def test_results_link_to_each_courts_case_page_with_the_receipt(
    signed_in, public_user, courts, in_q3
):
    case = indexed(names=("Richard Roe", "Acme Corp."), nature_of_suit="440")
    page = _search(signed_in(public_user), last_name="Roe", first_name="Richard")
    text = page.content.decode()
    assert page.status_code == 200
    assert f'href="/mowd/cgi-bin/iquery.pl?{case.caseid}"' in text
    assert case.shown_number in text and "Richard Roe v. Acme Corp." in text
    assert "1 case found" in text
    assert "Transaction Receipt" in text and public_user.username in text
    assert "Name: Roe, Richard; page 1 of 1" in text
    charge = AccessCharge.objects.get()
    assert (charge.kind, charge.pages, charge.amount, charge.court_id) == (
        "search", 1, Decimal("0.10"), None,
    )  # fmt: skip


@pytest.mark.parametrize(("results", "pages"), [(0, 1), (54, 1), (55, 2)])
def test_each_result_page_is_billed_once(signed_in, public_user, courts, in_q3, results, pages):
    many(results, names=("Billing Boundary",))
    client = signed_in(public_user)
    first = _search(client, last_name="Boundary")
    text = first.content.decode()
    assert first.status_code == 200
    assert f"{results} case" in text
    assert len(re.findall(r'data-label="Court"', text)) == min(results, 54)
    assert AccessCharge.objects.count() == 1
    if pages == 2:
        following = re.search(r'href="(\?[^"]+)" data-testid="locator-next"', text).group(1)
        second = client.get("/locator/" + following.replace("&amp;", "&"))
        assert len(re.findall(r'data-label="Court"', second.content.decode())) == 1
        again = client.get("/locator/" + following.replace("&amp;", "&"))  # a refresh
        assert again.status_code == 200
    else:
        assert 'data-testid="locator-next"' not in text
    charges = list(AccessCharge.objects.order_by("pk"))
    assert [(c.pages, c.amount) for c in charges] == [(1, Decimal("0.10"))] * pages
    assert sum(c.amount for c in charges) == Decimal("0.10") * pages


def test_a_refreshed_result_page_is_not_charged_again(signed_in, public_user, courts, in_q3):
    indexed(names=("Richard Roe",))
    client = signed_in(public_user)
    first = _search(client, last_name="Roe")
    token = re.search(r'name="view" value="([^"]+)"', first.content.decode()).group(1)
    one = _search(client, last_name="Roe", view=token)
    two = _search(client, last_name="Roe", view=token)
    other = _search(client, last_name="Roe", first_name="Richard", view=token)
    assert {one.status_code, two.status_code, other.status_code} == {200}
    assert AccessCharge.objects.count() == 3  # first, the token's view once, other criteria


def test_a_suspended_account_is_refused_with_billings_message(signed_in, public_user, courts):
    from openecf.locator.tests.suspension import suspend

    indexed(names=("Richard Roe",))
    with suspend(public_user) as before:
        page = _search(signed_in(public_user), last_name="Roe")
        text = page.content.decode()
        assert page.status_code == 403
        assert "Your PACER access is suspended" in text
        assert "Richard Roe" not in text
        assert AccessCharge.objects.count() == before


def test_a_result_page_is_charged_with_the_username_the_page_knows(
    signed_in, public_user, courts, in_q3
):
    """The page passes billing the person's username: the charge does not read the account
    again (``billing/tests/test_charge_statements.py``). A search is no court's: no standing."""
    indexed(names=("Richard Roe",))
    with CaptureQueriesContext(connection) as captured:
        page = _search(signed_in(public_user), last_name="Roe", view="v1")

    assert page.status_code == 200
    queries = captured.captured_queries
    searched = max(i for i, q in enumerate(queries) if "locator_indexedcase" in q["sql"])
    assert statements(queries[searched + 1 :]) == [
        ("SELECT", "firms_firm"),  # whose bill
        ("SELECT", "billing_accesscharge"),  # charged already? exempt? bill overdue?
        ("INSERT", "billing_accesscharge"),
        ("INSERT", "billing_ledgerentry"),
        ("SELECT", "courts_court"),  # the form's list of courts, after the search
    ]
    assert AccessCharge.objects.get().username == public_user.username
