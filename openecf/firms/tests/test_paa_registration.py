"""Registering a firm creates an administrative-only PACER account and the firm."""

import json

import pytest
from django.core import mail
from django.test import Client

from openecf.accounts.models import Account
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.firms import actions
from openecf.firms.errors import FirmInputInvalid, UsernameTaken
from openecf.firms.models import Firm
from openecf.tests_support.factories import AccountFactory

GOOD = {
    "firm_name": "Jefferson & Clay LLP",
    "contact_first_name": "Olive",
    "contact_last_name": "Manager",
    "contact_phone": "816-555-0199",
    "email": "office@jclaw.example",
    "username": "jcfirmadmin",
    "password": "Quarterly-Bills#2018",
}


@pytest.mark.django_db
def test_registration_creates_an_administrative_account_and_the_firm(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        firm = actions.register_firm(**GOOD)
    paa = firm.paa
    assert firm.name == "Jefferson & Clay LLP"
    assert firm.contact_name == "Olive Manager"
    assert paa.kind == Account.Kind.ADMINISTRATIVE
    assert paa.username == "jcfirmadmin"
    assert len(paa.account_number) == 7 and paa.account_number.isdigit()
    assert paa.check_password("Quarterly-Bills#2018")
    assert paa.is_upgraded is True
    assert AuditEvent.objects.filter(verb="firm.registered", subject=f"firm:{firm.pk}").count() == 1
    assert [m.subject for m in mail.outbox] == [
        "PACER: PACER Administrative Account for Jefferson & Clay LLP"
    ]
    assert mail.outbox[0].to == ["office@jclaw.example"]
    assert f"Account number: {paa.account_number}" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"firm_name": ""}, "firm_name", "Enter the firm's name."),
        (
            {"contact_last_name": " "},
            "contact_last_name",
            "Enter the first and last name of the person who administers the account.",
        ),
        (
            {"email": "not-an-address"},
            "email",
            "'not-an-address' is not an e-mail address: enter one where PACER can reach the "
            "administrator.",
        ),
        ({"username": "short"}, "username", "The username must be at least 8 characters."),
        (
            {"password": "Quarterly#Bil"},
            "password",
            "The password must be at least 14 characters (it has 13).",
        ),
        (
            {"password": "Olive-Manager#2018x"},
            "password",
            "The password must not contain any part of your name, username or e-mail address "
            "(it contains “olive”).",
        ),
    ],
)
@pytest.mark.django_db
def test_bad_registration_input_is_refused_and_nothing_is_created(change, field, message):
    with pytest.raises(FirmInputInvalid) as refused:
        actions.register_firm(**{**GOOD, **change})
    assert refused.value.message == message
    assert refused.value.field == field
    assert Account.objects.count() == 0
    assert Firm.objects.count() == 0
    assert OutboundEmail.objects.count() == 0


@pytest.mark.django_db
def test_a_taken_username_is_refused_whatever_its_case():
    AccountFactory(username="JCFirmAdmin")
    with pytest.raises(UsernameTaken) as refused:
        actions.register_firm(**GOOD)
    assert refused.value.message == "The username 'jcfirmadmin' is taken: choose another."
    assert Firm.objects.count() == 0
    assert Account.objects.count() == 1


@pytest.mark.django_db
def test_the_registration_page_creates_the_firm_and_sends_to_sign_in():
    client = Client()
    assert client.get("/firm/register/").status_code == 200
    response = client.post("/firm/register/", GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/firm/"
    assert Firm.objects.get().paa.username == "jcfirmadmin"


@pytest.mark.django_db
def test_the_registration_page_shows_what_to_fix():
    response = Client().post("/firm/register/", {**GOOD, "username": "short"})
    assert response.status_code == 200
    assert "The username must be at least 8 characters." in response.content.decode()
    assert Firm.objects.count() == 0


@pytest.mark.django_db
def test_the_api_registers_a_firm():
    response = Client().post("/api/v1/firms", json.dumps(GOOD), content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    paa = Account.objects.get(username="jcfirmadmin")
    assert body == {
        "firm_id": Firm.objects.get().pk,
        "name": "Jefferson & Clay LLP",
        "paa_account_number": paa.account_number,
        "paa_username": "jcfirmadmin",
        "contact_name": "Olive Manager",
        "member_count": 0,
        "readiness_courts": [],
    }


@pytest.mark.django_db
def test_the_api_refuses_bad_input_with_the_error_shape():
    response = Client().post(
        "/api/v1/firms",
        json.dumps({**GOOD, "firm_name": ""}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": {"code": "invalid_input", "message": "Enter the firm's name."}
    }
    assert Firm.objects.count() == 0
