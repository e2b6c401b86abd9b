"""The court of appeals' docket report pages: the case number, the options with the cost, one
charge per run (a reload of the form's run is not charged again), bad input answered on the
form, the other courts' addresses, and a sealed appeal that answers exactly as a missing one."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from openecf.billing.models import AccessCharge
from openecf.cases.factories import open_case
from openecf.cases.models import Case
from openecf.cases.rules import CaseOpening, PartyOpening
from openecf.reports.tests.appeal_record import QUERY, doc_id
from openecf.reports.tests.conftest import CHARGE, charge_statements
from openecf.tests_support import factories

pytestmark = pytest.mark.django_db

PATH = "/ca8/n/beam/servlet/TransportRoom"


def page_of(response, number: str) -> str:
    """The page without what differs between any two pages: the number asked, the CSRF token."""
    page = response.content.decode().replace(number, "N")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def summary(number: str, **more) -> dict:
    return {"servlet": "CaseSummary.jsp", "caseNum": number, **more}


def test_anyone_not_signed_in_is_asked_to_sign_in_first(appeal):
    response = Client().get(PATH, summary(appeal.case.case_number))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_the_options_show_the_cost_and_charge_nothing(signed_in, public_user, appeal):
    response = signed_in(public_user).get(PATH, summary(appeal.case.case_number))
    assert response.status_code == 200
    page = response.content.decode()
    assert appeal.case.case_number in page
    assert "This report costs $0." in page and "billable page" in page
    for name in ("incOrigDkt", "incPtyAty", "incDktEntries", "dateFrom", "dateTo", "CSRF"):
        assert f'name="{name}"' in page, name
    assert 'value="Run Docket Report"' in page
    assert AccessCharge.objects.count() == 0


def test_running_the_form_charges_once_and_a_reload_is_free(signed_in, public_user, appeal):
    client = signed_in(public_user)
    form = client.get(PATH, summary(appeal.case.case_number)).content.decode()
    key = re.search(r'name="CSRF" value="(csrf_[0-9a-f]+)"', form).group(1)
    run = summary(appeal.case.case_number, fullDocketReport="Y", CSRF=key, incDktEntries="Y",
                  incPtyAty="Y", incOrigDkt="Y", actionType="Run Docket Report")  # fmt: skip
    response = client.get(PATH, run)
    assert response.streaming
    html = b"".join(response.streaming_content).decode()
    assert "Transaction Receipt" in html
    charge = AccessCharge.objects.get()
    assert (charge.account_id, charge.kind, charge.description) == (
        public_user.pk,
        "docket_report",
        "Docket Report",
    )
    assert charge.criteria.startswith(appeal.case.case_number)
    again = client.get(PATH, run)
    b"".join(again.streaming_content)
    assert AccessCharge.objects.count() == 1
    # A program's run without the form's key (juriscraper's query) is a new view.
    b"".join(client.get(PATH, {**QUERY, "caseNum": appeal.case.case_number}).streaming_content)
    assert AccessCharge.objects.count() == 2


def test_running_the_form_charges_with_what_the_page_knows(signed_in, public_user, appeal):
    """The page passes billing the viewer's standing and username: the charge reads neither
    the court, its staff nor the account again (``billing/tests/test_charge_statements.py``)."""
    client = signed_in(public_user)
    run = summary(appeal.case.case_number, fullDocketReport="Y", CSRF="csrf_a1b2c3",
                  incDktEntries="Y", actionType="Run Docket Report")  # fmt: skip
    with CaptureQueriesContext(connection) as captured:
        response = client.get(PATH, run)
        b"".join(response.streaming_content)

    assert charge_statements(captured) == CHARGE
    assert AccessCharge.objects.get().username == public_user.username


def test_the_court_runs_it_free(signed_in, ca8, appeal):
    clerk = factories.court_staff(ca8, role="clerk", first_name="Cora", last_name="Circuit")
    client = signed_in(clerk)
    assert (
        "This report is free for you."
        in client.get(PATH, summary(appeal.case.case_number)).content.decode()
    )
    response = client.get(PATH, {**QUERY, "caseNum": appeal.case.case_number})
    b"".join(response.streaming_content)
    assert str(AccessCharge.objects.get().amount) == "0.00"


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ({"dateFrom": "13/45/2026"}, "Enter a valid date."),
        ({"dateFrom": "03/29/2026", "dateTo": "03/25/2026"}, "The end date is before the start"),
        ({"incPtyAty": "maybe"}, "Select a valid choice."),
        ({"CSRF": "csrf_<script>"}, "This report link is damaged"),
    ],
)
def test_bad_options_are_answered_on_the_form_and_nothing_is_charged(
    signed_in, public_user, appeal, given, problem
):
    response = signed_in(public_user).get(
        PATH, {**QUERY, "caseNum": appeal.case.case_number, **given}
    )
    assert response.status_code == 422
    assert problem in response.content.decode()
    assert AccessCharge.objects.count() == 0


def test_a_partial_number_lists_the_cases_and_an_empty_one_asks_for_it(
    signed_in, public_user, appeal, ca8
):
    earlier = CaseOpening(kind="ca", title="Roe v. Acme Corp.", origin_court_id="mowd",
                          origin_caseid=appeal.origin.caseid, origin_entry_number=8,
                          parties=(PartyOpening(name="Richard Roe", role="appellant"),))  # fmt: skip
    other = open_case(ca8, earlier, now=datetime(2025, 6, 2, 15, tzinfo=UTC))
    client = signed_in(public_user)
    asked = client.get(PATH)
    assert asked.status_code == 200 and 'name="caseNum"' in asked.content.decode()
    listed = client.get(PATH, summary("1"))
    page = listed.content.decode()
    assert listed.status_code == 200 and 'data-testid="possible-cases"' in page
    for case in (appeal.case, other):
        assert f"caseNum={case.case_number}" in page
    year = appeal.case.case_number.split("-")[0]
    straight = client.get(PATH, summary(f"{year}-1"))  # one case: its options
    assert 'value="Run Docket Report"' in straight.content.decode()
    unreadable = client.get(PATH, summary("not a number"))
    assert unreadable.status_code == 404
    too_long = client.get(PATH, summary("18-" + "x" * 40))
    assert too_long.status_code == 422
    assert "at most 40 characters" in too_long.content.decode()


def test_a_sealed_appeal_answers_exactly_as_a_missing_one(signed_in, public_user, appeal):
    Case.objects.filter(pk=appeal.case.caseid).update(sealed=True)
    client = signed_in(public_user)
    sealed = client.get(PATH, summary(appeal.case.case_number))
    missing = client.get(PATH, summary("26-9999"))
    assert sealed.status_code == missing.status_code == 404
    assert page_of(sealed, appeal.case.case_number) == page_of(missing, "26-9999")
    by_id = client.get(f"/ca8/cgi-bin/DktRpt.pl?{appeal.case.caseid}")
    assert by_id.status_code == 404


def test_the_clerk_sees_a_sealed_appeal(signed_in, ca8, appeal):
    Case.objects.filter(pk=appeal.case.caseid).update(sealed=True)
    clerk = factories.court_staff(ca8, role="clerk", first_name="Cora", last_name="Circuit")
    assert signed_in(clerk).get(PATH, summary(appeal.case.case_number)).status_code == 200


def test_the_district_path_at_a_court_of_appeals_leads_to_its_report(
    signed_in, public_user, appeal
):
    client = signed_in(public_user)
    by_id = client.get(f"/ca8/cgi-bin/DktRpt.pl?{appeal.case.caseid}")
    assert by_id.status_code == 302
    assert by_id["Location"] == (
        f"{PATH}?servlet=CaseSummary.jsp&caseNum={appeal.case.case_number}"
    )
    assert client.get("/ca8/cgi-bin/DktRpt.pl")["Location"] == PATH


def test_the_fifth_circuits_spelling_serves_the_same_report(signed_in, public_user, appeal):
    response = signed_in(public_user).get(
        "/ca8/cmecf/servlet/TransportRoom", summary(appeal.case.case_number)
    )
    assert response.status_code == 200 and "Run Docket Report" in response.content.decode()


def test_a_district_court_says_where_its_report_is(signed_in, public_user, mowd):
    response = signed_in(public_user).get("/mowd/n/beam/servlet/TransportRoom", summary("26-0001"))
    assert response.status_code == 404
    assert "is not a court of appeals: its docket report is at /mowd/cgi-bin/DktRpt.pl" in (
        response.content.decode()
    )


def test_another_servlet_is_not_found_with_a_clear_message(signed_in, public_user, appeal):
    response = signed_in(public_user).get(PATH, {"servlet": "ShowDoc", "dls_id": "1"})
    assert response.status_code == 404
    assert "serves the docket report (servlet=CaseSummary.jsp)" in response.content.decode()


def test_the_docket_links_open_the_document_at_docs1(signed_in, public_user, appeal):
    response = signed_in(public_user).get(f"/ca8/docs1/{doc_id(10)}")
    assert response.status_code == 200
    assert "View Document" in response.content.decode()
