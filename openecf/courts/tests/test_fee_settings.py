"""The clerk sets the court's fees on the settings page and through the API; changes are kept."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from openecf.core.models import AuditEvent
from openecf.courts import fees
from openecf.courts.models import Court, CourtFee, CourtFeeChange
from openecf.tests_support.api import bearer_token, call

FEES = "/api/v1/courts/mowd/fees"


def _form(**changes) -> dict[str, str]:
    values = {
        f"fee_{line.kind}": str(line.amount) for line in fees.fee_schedule(court_id="mowd").lines
    }
    values |= {"dues_cycle_years": "0"}
    return values | changes


def test_the_clerk_sets_fees_and_the_policy_on_the_settings_page(clerk, signed_in):
    client = signed_in(clerk)
    page = client.get("/mowd/clerk/settings/").content.decode()
    assert 'name="fee_pro_hac_vice"' in page
    assert "No fee has been changed yet" in page

    response = client.post(
        "/mowd/clerk/settings/fees/",
        _form(
            fee_pro_hac_vice="90.00",
            fee_annual_dues="50",
            dues_cycle_years="2",
            fee_before_privilege="on",
        ),
    )

    assert response.status_code == 302
    assert fees.fee_amount(court_id="mowd", kind="pro_hac_vice") == Decimal("90.00")
    assert fees.fee_amount(court_id="mowd", kind="annual_dues") == Decimal("50.00")
    court = Court.objects.get(pk="mowd")
    assert (court.dues_cycle_years, court.fee_before_privilege) == (2, True)
    assert sorted(
        CourtFeeChange.objects.values_list("setting", "before", "after", "changed_by_id")
    ) == [
        ("annual_dues", "0.00", "50.00", clerk.pk),
        ("dues_cycle_years", "0", "2", clerk.pk),
        ("fee_before_privilege", "no", "yes", clerk.pk),
        ("pro_hac_vice", "100.00", "90.00", clerk.pk),
    ]
    event = AuditEvent.objects.get(verb="court.fees_changed")
    assert (event.chain, event.actor_id, event.details["pro_hac_vice"]) == (
        "mowd",
        clerk.pk,
        {"before": "100.00", "after": "90.00"},
    )
    history = client.get("/mowd/clerk/settings/").content.decode()
    assert 'data-testid="fee-history"' in history
    assert "<td>Carl Clerk</td><td>Pro hac vice</td><td>100.00</td><td>90.00</td>" in history


def test_saving_the_same_fees_again_keeps_no_history(clerk, signed_in):
    signed_in(clerk).post("/mowd/clerk/settings/fees/", _form())
    assert CourtFeeChange.objects.count() == 0
    assert CourtFee.objects.count() == 0
    assert not AuditEvent.objects.filter(verb="court.fees_changed").exists()


def test_a_negative_or_fractional_fee_is_shown_on_the_form_and_changes_nothing(clerk, signed_in):
    response = signed_in(clerk).post(
        "/mowd/clerk/settings/fees/",
        _form(fee_civil_complaint="-5", fee_misc_case="1.234", dues_cycle_years="4"),
    )

    page = response.content.decode()
    for sentence in (
        "Ensure this value is greater than or equal to 0.",
        "Ensure that there are no more than 2 decimal places.",
        "Select a valid choice. 4 is not one of the available choices.",
    ):
        assert sentence in page
    assert (response.status_code, CourtFee.objects.count()) == (200, 0)


@pytest.mark.parametrize("who", ["attorney", "other_court_clerk", "office_manager"])
def test_only_the_courts_clerks_office_sees_or_changes_its_fees(who, request, signed_in, mowd):
    client = signed_in(request.getfixturevalue(who))

    assert client.post("/mowd/clerk/settings/fees/", _form(fee_pro_hac_vice="1")).status_code == 404
    token = bearer_token(request.getfixturevalue(who))
    assert (
        call(Client(), "PATCH", FEES, {"amounts": {"pro_hac_vice": "1"}}, token=token).status_code
        == 404
    )
    assert call(Client(), "GET", f"{FEES}/history", token=token).status_code == 404
    assert CourtFee.objects.count() == 0


def test_an_anonymous_visitor_is_sent_to_sign_in(mowd):
    assert Client().post("/mowd/clerk/settings/fees/", _form()).status_code == 302
    assert call(Client(), "PATCH", FEES, {"amounts": {}}).status_code == 401


def test_anyone_reads_the_fee_schedule(mowd):
    body = Client().get(FEES).json()

    assert body["court_id"] == "mowd"
    assert (body["dues_cycle_years"], body["fee_before_privilege"]) == (0, False)
    assert body["fees"][:2] == [
        {
            "kind": "attorney_admission",
            "label": "Attorney admission",
            "amount": "199.00",
            "national_amount": "199.00",
        },
        {
            "kind": "pro_hac_vice",
            "label": "Pro hac vice",
            "amount": "100.00",
            "national_amount": "100.00",
        },
    ]
    assert len(body["fees"]) == len(fees.FeeKind.values)


def test_the_clerk_changes_fees_through_the_api_and_reads_the_history(clerk, mowd):
    token = bearer_token(clerk)

    response = call(
        Client(),
        "PATCH",
        FEES,
        {"amounts": {"civil_complaint": "402.00"}, "fee_before_privilege": True},
        token=token,
    )

    assert response.status_code == 200
    body = response.json()
    assert body["fee_before_privilege"] is True
    assert body["dues_cycle_years"] == 0
    assert next(f for f in body["fees"] if f["kind"] == "civil_complaint")["amount"] == "402.00"
    history = call(Client(), "GET", f"{FEES}/history", token=token).json()["changes"]
    assert [(c["setting"], c["before"], c["after"], c["changed_by"]) for c in history] == [
        ("civil_complaint", "405.00", "402.00", "Carl Clerk"),
        ("fee_before_privilege", "no", "yes", "Carl Clerk"),
    ]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"amounts": {"parking": "5"}}, ["amounts.parking.[key]"]),
        ({"amounts": {"civil_complaint": "-1"}}, ["civil_complaint"]),
        ({"amounts": {"civil_complaint": "1.005"}}, ["civil_complaint"]),
        ({"dues_cycle_years": 4}, ["dues_cycle_years"]),
    ],
)
def test_bad_fee_settings_are_refused_with_the_fields_to_fix(clerk, mowd, body, fields):
    response = call(Client(), "PATCH", FEES, body, token=bearer_token(clerk))

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert sorted(error["fields"]) == fields
    assert CourtFee.objects.count() == 0
    assert Court.objects.get(pk="mowd").dues_cycle_years == 0
