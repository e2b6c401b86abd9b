"""The hosted payment's own rules in payments: a payer on pay.gov's page is not "stuck", an
abandoned page is failed, never captured; and the gateway setting is checked at start-up."""

from __future__ import annotations

import urllib.parse
import urllib.request
from datetime import timedelta

import pytest
import time_machine

from openecf import config
from openecf.core import clock
from openecf.payments import actions, facade, ledger_check
from openecf.payments.models import PaymentIntent
from openecf.payments.tests import fake_paygov
from openecf.payments.tests.conftest import begin_court_fee, pay_court_fee

pytestmark = pytest.mark.django_db


@pytest.fixture
def paygov(settings):
    with fake_paygov.as_the_gateway(settings) as books:
        yield books


def test_a_payer_on_the_hosted_page_is_not_settled_as_stuck_until_the_page_is_too_old(
    attorney, mowd, paygov
):
    begun = begin_court_fee(attorney)
    intent = PaymentIntent.objects.get()

    later = clock.now() + timedelta(minutes=10)
    with time_machine.travel(later, tick=False):
        actions.settle_pending()
        waiting = PaymentIntent.objects.get().state
        problems = ledger_check.check()
    with time_machine.travel(later + timedelta(minutes=25), tick=False):
        actions.settle_pending()
        problems_after = ledger_check.check()

    assert begun.redirect_url.startswith(f"{paygov.url}/pay?token=")
    assert intent.hosted_token and intent.completing_at is None
    assert (waiting, problems) == ("pending", [])
    intent.refresh_from_db()
    assert (intent.state, intent.failure_code) == ("failed", "abandoned")
    assert problems_after == []
    assert "completeOnlineCollection" not in paygov.calls


def test_an_abandoned_page_is_never_completed_even_if_the_payer_comes_back(attorney, mowd, paygov):
    begun = begin_court_fee(attorney)
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(begun.redirect_url).query)["token"][0]
    intent = PaymentIntent.objects.get()
    assert actions.paying.abandon(intent)

    with pytest.raises(facade.HostedPaymentEnded):
        facade.complete_hosted(payer_id=attorney.pk, token=token)

    assert "completeOnlineCollection" not in paygov.calls


def test_a_paid_purpose_answers_its_payment_instead_of_a_new_page(attorney, mowd, paygov):
    paid = pay_court_fee(attorney)

    begun = begin_court_fee(attorney)

    assert begun.paid == paid and begun.redirect_url == ""
    assert paygov.calls.count("startOnlineCollection") == 1


def test_a_hosted_page_that_cannot_start_fails_the_intent_and_charges_nothing(
    attorney, mowd, settings
):
    with fake_paygov.running() as (url, books):
        pass  # the server is gone: nothing listens at its address any more
    settings.OPENECF_PAYMENT_GATEWAY = {
        "name": "paygov",
        "paygov_url": url,
        "paygov_app_id": fake_paygov.APP_ID,
        "timeout": 0.5,
    }

    with pytest.raises(facade.GatewayUnavailable):
        begin_court_fee(attorney)

    assert PaymentIntent.objects.get().state == "failed"
    assert ledger_check.check() == []


def test_the_sandbox_takes_cards_on_our_page_and_pay_gov_on_its_own(settings, paygov):
    assert facade.hosted_checkout() is True
    settings.OPENECF_PAYMENT_GATEWAY = {"name": "sandbox"}
    assert facade.hosted_checkout() is False


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"OPENECF_PAYMENT_GATEWAY": "stripe"},
            "OPENECF_PAYMENT_GATEWAY='stripe' is not known: use 'sandbox' or 'paygov'.",
        ),
        (
            {"OPENECF_PAYMENT_GATEWAY": "paygov", "OPENECF_PAYGOV_APP_ID": "OPENECF"},
            "OPENECF_PAYMENT_GATEWAY=paygov needs OPENECF_PAYGOV_URL (e.g. "
            "https://qa.pay.gov/tcsonline) and OPENECF_PAYGOV_APP_ID.",
        ),
        (
            {"OPENECF_PAYMENT_GATEWAY": "paygov", "OPENECF_PAYGOV_URL": "ftp://pay.gov/x"},
            "OPENECF_PAYMENT_GATEWAY=paygov needs OPENECF_PAYGOV_URL (e.g. "
            "https://qa.pay.gov/tcsonline) and OPENECF_PAYGOV_APP_ID.",
        ),
    ],
)
def test_a_bad_gateway_setting_stops_start_up_saying_what_to_set(monkeypatch, env, message):
    for name in ("OPENECF_PAYMENT_GATEWAY", "OPENECF_PAYGOV_URL", "OPENECF_PAYGOV_APP_ID"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(config.SettingsError) as refused:
        config.payment_gateway()

    assert str(refused.value) == message


def test_the_gateway_setting_defaults_to_the_sandbox_and_reads_pay_gov(monkeypatch):
    monkeypatch.delenv("OPENECF_PAYMENT_GATEWAY", raising=False)
    assert config.payment_gateway()["name"] == "sandbox"

    monkeypatch.setenv("OPENECF_PAYMENT_GATEWAY", "paygov")
    monkeypatch.setenv("OPENECF_PAYGOV_URL", "https://qa.pay.gov/tcsonline/")
    monkeypatch.setenv("OPENECF_PAYGOV_APP_ID", "OPENECF-MOWD")
    monkeypatch.setenv("OPENECF_PAYGOV_TIMEOUT", "15")

    assert config.payment_gateway() == {
        "name": "paygov",
        "paygov_url": "https://qa.pay.gov/tcsonline",
        "paygov_app_id": "OPENECF-MOWD",
        "timeout": 15,
    }
