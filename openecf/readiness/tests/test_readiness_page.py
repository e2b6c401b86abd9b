"""The office manager's readiness page, CSV export and court choice."""

import pytest
from django.test import Client

from openecf.accounts.models import Account
from openecf.core.models import AuditEvent
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.firms.factories import FirmFactory, PaaFactory
from openecf.tests_support.signon import assert_asks_to_sign_in


def test_the_page_shows_each_member_and_the_next_step(signed_in, firm, team):
    page = signed_in(firm.paa).get("/firm/readiness/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "1</strong> of 3 members ready." in text
    assert "Upgrade the Legacy PACER account in Manage My Account" in text
    assert "Link the CM/ECF login at W.D. Mo." in text
    assert "None: ready for NextGen." in text


def test_the_csv_export_is_exact(signed_in, firm, team):
    alice, larry, uma = team
    response = signed_in(firm.paa).get("/firm/readiness.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="nextgen-readiness-jefferson-clay-llp.csv"'
    )
    assert response.content.decode() == (
        "Name,Username,Account number,Individual,Upgraded,MFA enrolled,mowd,Ready,Next step\r\n"
        f"Alice Attorney,{alice.username},{alice.account_number},Yes,Yes,Yes,Linked,Yes,"
        "None: ready for NextGen.\r\n"
        f"Larry Legacy,{larry.username},{larry.account_number},Yes,No,No,Not yet,No,"
        "Upgrade the Legacy PACER account in Manage My Account (Settings → Account type → "
        "Upgrade).\r\n"
        f"Uma Unlinked,uunlinked,3200003,Yes,Yes,Yes,Not yet,No,"
        '"Link the CM/ECF login at W.D. Mo. to the PACER account (Utilities → Link a CM/ECF '
        "account to my PACER account), or, without a CM/ECF login there, request e-file "
        "registration in Manage My Account (Maintenance → Attorney Admissions / E-File "
        'Registration)."\r\n'
    )


def test_the_csv_export_does_not_let_a_name_run_as_a_formula(signed_in, firm, ready_attorney):
    Account.objects.filter(pk=ready_attorney.pk).update(first_name='=HYPERLINK("http://x.example")')
    lines = signed_in(firm.paa).get("/firm/readiness.csv").content.decode().splitlines()
    assert lines[1].startswith('"\'=HYPERLINK(""http://x.example"") Attorney",')


def test_the_csv_follows_the_chosen_sort(signed_in, firm, team):
    lines = signed_in(firm.paa).get("/firm/readiness.csv?sort=-ready").content.decode()
    assert [line.split(",")[0] for line in lines.splitlines()[1:]] == [
        "Alice Attorney",
        "Larry Legacy",
        "Uma Unlinked",
    ]
    lines = signed_in(firm.paa).get("/firm/readiness.csv?sort=-name").content.decode()
    assert [line.split(",")[0] for line in lines.splitlines()[1:]] == [
        "Uma Unlinked",
        "Larry Legacy",
        "Alice Attorney",
    ]


def test_a_privilege_without_a_linked_login_counts(signed_in, firm, mowd, unlinked_member):
    FilingPrivilegeFactory(court=mowd, account=unlinked_member)
    body = signed_in(firm.paa).get("/api/v1/firm/readiness").json()
    assert body["members"][0]["courts"] == {"mowd": "privilege"}
    assert body["members"][0]["ready"] is True


def test_choosing_courts_adds_a_column(signed_in, firm, team):
    client = signed_in(firm.paa)
    response = client.post("/firm/readiness/courts/", {"courts": "mowd, KSD"})
    assert response.status_code == 302
    assert sorted(firm.readiness_courts.values_list("pk", flat=True)) == ["ksd", "mowd"]
    header = client.get("/firm/readiness.csv").content.decode().splitlines()[0]
    assert header == (
        "Name,Username,Account number,Individual,Upgraded,MFA enrolled,ksd,mowd,Ready,Next step"
    )
    assert AuditEvent.objects.filter(verb="firm.readiness_courts_chosen").count() == 1


def test_an_unknown_court_is_refused_and_nothing_changes(signed_in, firm):
    client = signed_in(firm.paa)
    response = client.post("/firm/readiness/courts/", {"courts": "mowd nowhere"}, follow=True)
    assert "There is no court &#x27;nowhere&#x27;" in response.content.decode()
    assert list(firm.readiness_courts.values_list("pk", flat=True)) == ["mowd"]


@pytest.mark.parametrize(
    "persona",
    [
        "attorney",
        "legacy_attorney",
        "public_user",
        "clerk",
        "other_court_clerk",
        "operator",
    ],
)
def test_nobody_but_the_firms_paa_sees_readiness(request, signed_in, firm, team, persona):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get("/firm/readiness/").status_code == 404
    assert client.get("/firm/readiness.csv").status_code == 404
    assert client.post("/firm/readiness/remind/").status_code == 404
    assert client.post("/firm/readiness/courts/", {"courts": "ksd"}).status_code == 404
    assert client.get("/api/v1/firm/readiness").status_code == 404
    assert list(firm.readiness_courts.values_list("pk", flat=True)) == ["mowd"]


def test_another_firms_paa_sees_only_its_own_firm(signed_in, firm, team, courts):
    other = FirmFactory(name="Kessler Webb LLP")
    body = signed_in(other.paa).get("/api/v1/firm/readiness").json()
    assert (body["firm_name"], body["member_count"]) == ("Kessler Webb LLP", 0)


def test_a_paa_without_a_firm_sees_not_found(signed_in, courts):
    assert signed_in(PaaFactory()).get("/firm/readiness/").status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in():
    assert_asks_to_sign_in("/firm/readiness/")
    assert Client().get("/api/v1/firm/readiness").status_code == 401


def test_the_page_shows_whether_each_member_paid_this_cycles_dues(signed_in, firm, team, mowd):
    from datetime import UTC, datetime

    from openecf.ecf.factories import CourtFeeOwedFactory

    alice, larry, _ = team
    paid = datetime(2026, 11, 30, tzinfo=UTC)
    CourtFeeOwedFactory(
        court=mowd, account=alice, kind="annual_dues", period="2026", paid_at=paid,
        receipt_number="AMOWDC-0000001",
    )  # fmt: skip
    CourtFeeOwedFactory(court=mowd, account=larry, kind="annual_dues", period="2026")

    text = signed_in(firm.paa).get("/firm/readiness/").content.decode()

    assert "<td>Linked · dues paid</td>" in text
    assert "<td>Not yet · dues not paid</td>" in text
    assert "<td>Not yet</td>" in text  # Uma: no dues recorded at mowd
