"""The docket report's steps for each role: criteria, cost, one charge per view, streaming,
and a sealed case that answers exactly as a missing one."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from openecf.billing.models import AccessCharge
from openecf.cases.models import Case
from openecf.reports.tests.conftest import CHARGE, charge_statements, run_report, without_the_case

pytestmark = pytest.mark.django_db


def test_anyone_not_signed_in_is_asked_to_sign_in_first(record):
    response = Client().get(f"/mowd/cgi-bin/DktRpt.pl?{record.case.caseid}")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_the_criteria_form_names_the_case_and_cmecfs_fields(signed_in, public_user, record):
    response = signed_in(public_user).get(f"/mowd/cgi-bin/DktRpt.pl?{record.case.caseid}")
    assert response.status_code == 200
    page = response.content.decode()
    assert record.case.case_number in page
    for name in ("date_range_type", "date_from", "date_to", "documents_numbered_from_",
                 "list_of_parties_and_counsel", "terminated_parties", "view_multi_docs", "sort1"):  # fmt: skip
        assert f'name="{name}"' in page, name


def test_a_public_user_sees_the_cost_first_and_is_charged_once_per_view(
    signed_in, public_user, record
):
    client = signed_in(public_user)
    response, html, confirm = run_report(client, record.case.caseid)
    assert "billable page" in confirm and "cost $0.10" in confirm
    assert AccessCharge.objects.count() == 1
    assert response.streaming  # written as it is read, never whole in memory
    charge = AccessCharge.objects.get()
    assert (charge.account_id, charge.kind, charge.pages, str(charge.amount)) == (
        public_user.pk,
        "docket_report",
        1,
        "0.10",
    )
    assert charge.description == "Docket Report"
    assert charge.criteria.startswith(f"{record.case.case_number}-")
    assert "Transaction Receipt" in html and "<font> 0.10 </font>" in html
    # The same view again (a reload of "View Report"): the same receipt, no second charge.
    view = AccessCharge.objects.get().view_key.rsplit(":", 1)[1]
    again = client.post(
        f"/mowd/cgi-bin/DktRpt.pl?{record.case.caseid}",
        {"all_case_ids": record.case.caseid, "view": view},
    )
    assert again.status_code == 200
    b"".join(again.streaming_content)
    assert AccessCharge.objects.count() == 1


def test_view_report_charges_with_what_the_page_knows(signed_in, public_user, record):
    """The page passes billing the viewer's standing and username: the charge reads neither
    the court, its staff nor the account again (``billing/tests/test_charge_statements.py``)."""
    client = signed_in(public_user)
    form = {"all_case_ids": record.case.caseid, "view": "b1a2c3"}
    with CaptureQueriesContext(connection) as captured:
        response = client.post(f"/mowd/cgi-bin/DktRpt.pl?{record.case.caseid}", form)
        b"".join(response.streaming_content)

    assert charge_statements(captured) == CHARGE
    assert AccessCharge.objects.get().username == public_user.username


def test_the_court_views_free_without_a_confirmation(signed_in, clerk, judge, record):
    for person in (clerk, judge):
        response, _html, confirm = run_report(signed_in(person), record.case.caseid)
        assert (response.status_code, confirm) == (200, None)
    assert sorted(AccessCharge.objects.values_list("free_reason", "amount")) == [
        ("court_user", 0),
        ("court_user", 0),
    ]


def test_the_clerk_of_another_court_is_a_member_of_the_public_here(
    signed_in, other_court_clerk, record
):
    response, html, confirm = run_report(signed_in(other_court_clerk), record.case.caseid)
    assert confirm is not None  # charged like anyone
    assert "SEALED EXHIBIT" not in html


@pytest.mark.parametrize("persona", ["public_user", "other_court_clerk", "attorney"])
def test_a_sealed_case_answers_exactly_as_a_missing_one(request, signed_in, record, persona):
    Case.objects.filter(pk=record.case.caseid).update(sealed=True)
    client = signed_in(request.getfixturevalue(persona))
    sealed = client.get(f"/mowd/cgi-bin/DktRpt.pl?{record.case.caseid}")
    missing = client.get("/mowd/cgi-bin/DktRpt.pl?987654")
    assert sealed.status_code == missing.status_code == 404
    assert without_the_case(sealed, "DktRpt.pl", record.case.caseid).splitlines() == (
        without_the_case(missing, "DktRpt.pl", 987654).splitlines()
    )
    ran, _html, _ = run_report(client, record.case.caseid)
    assert ran.status_code == 404
    assert AccessCharge.objects.count() == 0


def test_the_court_sees_a_sealed_case(signed_in, clerk, judge, operator, record):
    Case.objects.filter(pk=record.case.caseid).update(sealed=True)
    for person in (clerk, judge, operator):
        response, html, _ = run_report(signed_in(person), record.case.caseid)
        assert response.status_code == 200
        assert record.case.case_number in html


def test_a_social_security_case_links_only_the_courts_orders_for_the_public(
    signed_in, public_user, mowd
):
    from openecf.reports.tests.conftest import build_record, doc_id

    record = build_record(
        mowd, nature_of_suit="863", title="Roe v. Commissioner of Social Security"
    )
    _response, html, _ = run_report(signed_in(public_user), record.case.caseid)
    linked = [n for n in range(10, 80, 10) if f"/doc1/{doc_id(n)}" in html]
    assert linked == [60]  # only the ORDER
    _response, html, _ = run_report(signed_in(record.alice), record.case.caseid)
    assert [n for n in range(10, 80, 10) if f"/doc1/{doc_id(n)}" in html] == [10, 20, 50, 60, 70]


@pytest.mark.parametrize(
    ("criteria", "field", "words"),
    [
        ({"date_from": "13/45/2026"}, "date_from", "Enter a valid date"),
        ({"date_from": "03/20/2026", "date_to": "03/01/2026"}, "date_to", "swap them"),
        ({"documents_numbered_from_": "9", "documents_numbered_to_": "2"}, "documents_numbered_to_", "swap them"),
        ({"output_format": "pdf"}, "output_format", "Only the HTML report"),
    ],
)  # fmt: skip
def test_bad_criteria_are_refused_on_the_form_and_nothing_is_charged(
    signed_in, public_user, record, criteria, field, words
):
    response, html, _ = run_report(signed_in(public_user), record.case.caseid, criteria)
    assert response.status_code == 422
    assert words in html
    assert AccessCharge.objects.count() == 0


def test_the_criteria_narrow_the_report(signed_in, public_user, record):
    _response, html, _ = run_report(
        signed_in(public_user),
        record.case.caseid,
        {"documents_numbered_from_": "2", "documents_numbered_to_": "5",
         "list_of_parties_and_counsel": "", "sort1": "most recent date first"},
    )  # fmt: skip
    from openecf.reports.tests.test_docket_report_read_by_juriscraper import parsed

    data = parsed(html)
    assert [e["document_number"] for e in data["docket_entries"]] == ["5", "4", "2"]
    assert data["parties"] == []


def test_the_report_page_without_a_case_finds_it_by_number(signed_in, public_user, record):
    client = signed_in(public_user)
    assert client.get("/mowd/cgi-bin/DktRpt.pl").status_code == 200
    found = client.get("/mowd/cgi-bin/DktRpt.pl", {"case_num": record.case.case_number})
    assert found.status_code == 302
    assert found["Location"] == f"/mowd/cgi-bin/DktRpt.pl?{record.case.caseid}"
    nothing = client.get("/mowd/cgi-bin/DktRpt.pl", {"case_num": "4:99-cv-99999"})
    assert nothing.status_code == 422
    assert "No case of this court has that number" in nothing.content.decode()


def test_a_damaged_view_key_is_refused_without_a_charge(signed_in, public_user, record):
    response = signed_in(public_user).post(
        f"/mowd/cgi-bin/DktRpt.pl?{record.case.caseid}",
        {"all_case_ids": record.case.caseid, "view": "../../x"},
    )
    assert response.status_code == 422
    assert AccessCharge.objects.count() == 0
