"""Registering a firm creates an administrative-only PACER account and the firm."""

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client, override_settings

from openecf.accounts import facade as accounts
from openecf.accounts.errors import UsernameTaken
from openecf.accounts.models import Account
from openecf.core import clock
from openecf.core.errors import InputInvalid, Throttled
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.firms import actions
from openecf.firms.models import Firm
from openecf.tests_support.factories import AccountFactory

THROTTLED = "Too many requests. Wait an hour and try again, or contact the PACER Service Center."

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


def _verification_path(body: str) -> str:
    return re.search(r"https://pacer\.example(/account/verify/[^/\s]+/)", body).group(1)


@override_settings(OPENECF_BASE_URL="https://pacer.example")
@pytest.mark.django_db
def test_the_paa_waits_for_its_e_mail_to_be_verified_before_it_can_sign_in(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        firm = actions.register_firm(**GOOD)
    paa = Account.objects.get(pk=firm.paa_id)
    assert paa.status == Account.Status.PENDING_VERIFICATION
    assert paa.email_verified_at is None
    body = mail.outbox[0].body
    assert "The account becomes active when you verify your e-mail address." in body
    refused = accounts.authenticate("jcfirmadmin", GOOD["password"])
    assert (refused.ok, refused.refusal) == (False, "pending_verification")

    response = Client().get(_verification_path(body))

    assert response.status_code == 200
    paa.refresh_from_db()
    assert paa.status == Account.Status.ACTIVE
    assert paa.email_verified_at is not None
    assert accounts.authenticate("jcfirmadmin", GOOD["password"]).ok


@override_settings(OPENECF_BASE_URL="https://pacer.example")
@pytest.mark.django_db
def test_the_verification_link_works_once_and_for_48_hours(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.register_firm(**GOOD)
    path = _verification_path(mail.outbox[0].body)
    with time_machine.travel(clock.now() + timedelta(hours=49)):
        response = Client().get(path)
    assert response.status_code == 400
    assert Account.objects.get().status == Account.Status.PENDING_VERIFICATION


def _attempt(source: str, n: int, **change) -> None:
    actions.register_firm(
        **{**GOOD, "email": f"office{n}@jclaw.example", **change}, source_address=source
    )


@pytest.mark.django_db
def test_registration_is_throttled_per_source_address():
    AccountFactory(username="jcfirmadmin")
    for n in range(20):  # refused ones count too: a taken username tells something
        with pytest.raises(UsernameTaken):
            _attempt("203.0.113.9", n)
    with pytest.raises(Throttled) as refused:
        _attempt("203.0.113.9", 20, username="newfirmadmin")
    assert refused.value.message == THROTTLED
    assert refused.value.status == 429
    assert Firm.objects.count() == 0
    assert Account.objects.count() == 1
    assert OutboundEmail.objects.count() == 0
    _attempt("198.51.100.7", 21, username="newfirmadmin")  # another address is not held back
    assert Firm.objects.get().paa.username == "newfirmadmin"


@pytest.mark.django_db
def test_registration_is_throttled_per_e_mail_address():
    AccountFactory(username="jcfirmadmin")
    for n in range(5):
        with pytest.raises(UsernameTaken):
            _attempt(f"203.0.113.{n}", 0)
    with pytest.raises(Throttled) as refused:
        _attempt("203.0.113.99", 0, username="newfirmadmin")
    assert refused.value.message == THROTTLED
    assert Firm.objects.count() == 0
    with time_machine.travel(clock.now() + timedelta(hours=1)):
        _attempt("203.0.113.99", 0, username="newfirmadmin")
    assert Firm.objects.get().paa.username == "newfirmadmin"


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
    with pytest.raises(InputInvalid) as refused:
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
    paa = Firm.objects.get().paa
    assert paa.username == "jcfirmadmin"
    assert paa.status == Account.Status.PENDING_VERIFICATION
    page = client.get("/login/?next=/firm/").content.decode()
    assert (
        f"The PACER Administrative Account for Jefferson &amp; Clay LLP is registered: account "
        f"number {paa.account_number}. Open the link we e-mailed to office@jclaw.example within "
        "48 hours to verify the address, then sign in with username jcfirmadmin."
    ) in page


@pytest.mark.django_db
def test_the_registration_page_refuses_a_twenty_first_attempt_from_one_address():
    AccountFactory(username="jcfirmadmin")
    client = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(20):
        client.post("/firm/register/", {**GOOD, "email": f"office{n}@jclaw.example"})
    response = client.post("/firm/register/", {**GOOD, "username": "newfirmadmin"})
    assert response.status_code == 200
    assert THROTTLED in response.content.decode()
    assert Firm.objects.count() == 0


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
    assert response.status_code == 422
    assert response.json() == {
        "error": {
            "code": "invalid_input",
            "message": "Enter the firm's name.",
            "fields": {"firm_name": ["Enter the firm's name."]},
        }
    }
    assert Firm.objects.count() == 0


@pytest.mark.django_db
def test_the_api_refuses_too_many_registrations_with_429():
    AccountFactory(username="jcfirmadmin")
    for _ in range(5):
        Client().post("/api/v1/firms", json.dumps(GOOD), content_type="application/json")
    response = Client().post(
        "/api/v1/firms",
        json.dumps({**GOOD, "username": "newfirmadmin"}),
        content_type="application/json",
    )
    assert response.status_code == 429
    assert response.json() == {"error": {"code": "throttled", "message": THROTTLED}}
    assert Firm.objects.count() == 0
