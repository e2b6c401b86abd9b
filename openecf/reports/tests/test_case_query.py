"""CM/ECF's Query (iquery.pl): by number or party name, the possible cases, the case summary
with its reports, and possible_case_numbers.pl — each read by juriscraper's own parser."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from juriscraper.pacer import CaseQuery, PossibleCaseNumberApi

from openecf.cases.factories import civil_opening, open_case
from openecf.cases.models import Case
from openecf.cases.rules import PartyOpening

pytestmark = pytest.mark.django_db


def case_query(html: str) -> dict:
    report = CaseQuery("mowd")
    report._parse_text(html)
    return report.data


def test_the_case_summary_is_read_by_juriscraper(signed_in, public_user, record):
    case = record.case
    response = signed_in(public_user).get(f"/mowd/cgi-bin/iquery.pl?{case.caseid}")
    assert response.status_code == 200
    data = case_query(response.content.decode())
    assert data["docket_number"] == case.case_number
    assert data["case_name"] == "Müller & Söhne GmbH v. Roe"
    assert data["case_name_raw"] == "Müller & Söhne GmbH v. Roe et al."
    assert data["assigned_to_str"] == "Brian Wimes"
    assert data["date_filed"] == case.date_filed
    # entry 7 of 03/18 is the last the public may see
    assert data["date_last_filing"] == date(2026, 3, 18)


def test_the_summary_offers_only_reports_that_exist(signed_in, public_user, record):
    client = signed_in(public_user)
    page = client.get(f"/mowd/cgi-bin/iquery.pl?{record.case.caseid}").content.decode()
    menu = page.split('data-testid="case-reports"', 1)[1].split("</ul>", 1)[0]
    for link in re.findall(r'href="([^"]+)"', menu):
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def test_a_sealed_last_entry_does_not_show_in_the_date_of_last_filing(
    signed_in, public_user, clerk, record
):
    from openecf.docket.models import DocketEntry

    DocketEntry.objects.filter(pk=record.entries[7].pk).update(sealed=True)
    public = case_query(
        signed_in(public_user).get(f"/mowd/cgi-bin/iquery.pl?{record.case.caseid}").content.decode()
    )
    court = case_query(
        signed_in(clerk).get(f"/mowd/cgi-bin/iquery.pl?{record.case.caseid}").content.decode()
    )
    assert (public["date_last_filing"], court["date_last_filing"]) == (
        date(2026, 3, 16),
        date(2026, 3, 18),
    )


def test_one_match_by_party_name_opens_the_summary(signed_in, public_user, record):
    found = signed_in(public_user).get("/mowd/cgi-bin/iquery.pl", {"party_name": "söhne"})
    assert found.status_code == 302
    assert found["Location"] == f"/mowd/cgi-bin/iquery.pl?{record.case.caseid}"


def test_several_matches_are_listed_to_choose_from(signed_in, public_user, record, mowd):
    other = open_case(
        mowd,
        civil_opening(
            title="Roe v. Initech LLC",
            parties=(PartyOpening(name="Richard Roe", role="plaintiff"),
                     PartyOpening(name="Initech LLC", role="defendant")),
        ),
    )  # fmt: skip
    response = signed_in(public_user).get("/mowd/cgi-bin/iquery.pl", {"party_name": "Roe"})
    assert response.status_code == 200
    page = response.content.decode()
    listed = page.split('data-testid="possible-cases"', 1)[1]
    assert f"iquery.pl?{record.case.caseid}" in listed
    assert f"iquery.pl?{other.caseid}" in listed


def test_no_match_and_no_input_say_what_to_fix(signed_in, public_user, record):
    client = signed_in(public_user)
    nothing = client.get("/mowd/cgi-bin/iquery.pl", {"party_name": "Nobody Atall"})
    assert nothing.status_code == 422
    assert "has no case that matches" in nothing.content.decode()
    empty = client.get("/mowd/cgi-bin/iquery.pl", {"case_num": "", "party_name": ""})
    assert empty.status_code == 422
    assert "Enter a case number or a party name" in empty.content.decode()
    assert client.get("/mowd/cgi-bin/iquery.pl").status_code == 200


@pytest.mark.parametrize("persona", ["public_user", "other_court_clerk", "attorney"])
def test_a_sealed_case_is_not_found_by_name_number_or_id(request, signed_in, record, persona):
    Case.objects.filter(pk=record.case.caseid).update(sealed=True)
    client = signed_in(request.getfixturevalue(persona))
    assert client.get("/mowd/cgi-bin/iquery.pl", {"party_name": "söhne"}).status_code == 422
    assert client.get(f"/mowd/cgi-bin/iquery.pl?{record.case.caseid}").status_code == 404
    xml = client.get(f"/mowd/cgi-bin/possible_case_numbers.pl?{record.case.case_number}")
    api = PossibleCaseNumberApi("mowd")
    api._parse_text(xml.content.decode())
    assert api.data() is None
    assert b"<case " not in xml.content


@pytest.mark.parametrize("persona", ["clerk", "judge", "operator"])
def test_the_court_finds_a_sealed_case(request, signed_in, record, persona):
    Case.objects.filter(pk=record.case.caseid).update(sealed=True)
    client = signed_in(request.getfixturevalue(persona))
    found = client.get("/mowd/cgi-bin/iquery.pl", {"party_name": "söhne"})
    assert found["Location"] == f"/mowd/cgi-bin/iquery.pl?{record.case.caseid}"


def test_possible_case_numbers_is_read_by_juriscraper(signed_in, public_user, record):
    case = record.case
    sequence = int(case.case_number.rsplit("-", 1)[1])
    yy = case.case_number.split(":")[1][:2]
    response = signed_in(public_user).get(f"/mowd/cgi-bin/possible_case_numbers.pl?{yy}-{sequence}")
    assert response["Content-Type"].startswith("text/xml")
    api = PossibleCaseNumberApi("mowd")
    api._parse_text(response.content.decode())
    assert api.data() == {
        "docket_number": f"4:{yy}-cv-{sequence}",
        "pacer_case_id": str(case.caseid),
        "title": f"{case.case_number}-{case.judge_initials} {case.title}",
    }


def test_anonymous_visitors_sign_in_first(record):
    for path in ("/mowd/cgi-bin/iquery.pl", f"/mowd/cgi-bin/iquery.pl?{record.case.caseid}",
                 "/mowd/cgi-bin/possible_case_numbers.pl?26-1"):  # fmt: skip
        response = Client().get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/login/")
