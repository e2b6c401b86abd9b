"""Stored payment methods: up to three, one default, tokens only, in MMA and the API."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from openecf.core.errors import InputInvalid, NotFound
from openecf.payments import actions, errors, facade
from openecf.payments.models import PaymentMethod
from openecf.payments.tests.conftest import APPROVED_CARD, DECLINED, EXPIRED_AT_ISSUER, card
from openecf.tests_support.api import bearer_token, call

pytestmark = pytest.mark.django_db

VISA = APPROVED_CARD


def add(account, nickname="Office Visa", **kwargs):
    return actions.add_payment_method(
        account_id=account.pk, nickname=nickname, card=kwargs.pop("card", card()), **kwargs
    )


def test_a_stored_card_keeps_only_a_token_kind_last_four_and_expiry(attorney):
    method = add(attorney)

    assert (method.nickname, method.kind, method.last_four, method.exp_month, method.exp_year) == (
        "Office Visa",
        "visa",
        "1111",
        12,
        2030,
    )
    assert method.token.startswith("sbx_")
    assert method.is_default


def test_no_full_card_number_or_security_code_is_stored_anywhere(attorney, pay_fee):
    add(attorney, card=card("4000000000009995", cvc="987"))
    pay_fee(attorney, card=card("4111111111111111", cvc="456"))

    dump = (
        "\n".join(connection.connection.iterdump()) if connection.vendor == "sqlite" else _pg_dump()
    )
    assert "4000000000009995" not in dump
    assert "4111111111111111" not in dump
    assert "9995" in dump  # the last four are kept, so the dump is the real one
    columns = {f.name for m in apps.get_app_config("payments").get_models() for f in m._meta.fields}
    assert not {name for name in columns if "cvc" in name or "number" in name} - {"receipt_number"}


def _pg_dump() -> str:
    rows = []
    with connection.cursor() as cursor:
        cursor.execute(
            "select table_name from information_schema.tables where table_schema = 'public'"
        )
        for (table,) in cursor.fetchall():
            cursor.execute(f'select * from "{table}"')  # noqa: S608 (names from the catalogue)
            rows += [repr(row) for row in cursor.fetchall()]
    return "\n".join(rows)


def test_a_fourth_method_is_refused(attorney):
    for nickname in ("One", "Two", "Three"):
        add(attorney, nickname)

    with pytest.raises(errors.TooManyPaymentMethods) as refused:
        add(attorney, "Four")

    assert refused.value.message == (
        "You can keep at most three stored payment methods: delete one before adding another."
    )
    assert PaymentMethod.objects.filter(account=attorney).count() == 3


def test_an_expired_card_is_refused_with_a_clear_message(attorney):
    with pytest.raises(errors.PaymentMethodExpired) as refused:
        add(attorney, card=card(exp_year=2021))

    assert refused.value.message == (
        "This card has expired: use another card or update the stored payment method."
    )
    assert not PaymentMethod.objects.exists()


@pytest.mark.parametrize("number", [DECLINED, EXPIRED_AT_ISSUER])
def test_a_card_the_gateway_refuses_is_not_stored(attorney, number):
    with pytest.raises(errors.PaymentDeclined):
        add(attorney, card=card(number))

    assert not PaymentMethod.objects.exists()


def test_a_nickname_is_required(attorney):
    with pytest.raises(InputInvalid) as refused:
        add(attorney, " ")

    assert refused.value.problems == {"nickname": ["Give the card a nickname (e.g. Office Visa)."]}


def test_making_another_default_and_deleting_the_default_moves_it(attorney):
    first, second = add(attorney, "One"), add(attorney, "Two")

    actions.set_default_payment_method(account_id=attorney.pk, method_id=second.pk)
    assert list(actions.live_methods(attorney.pk).values_list("nickname", "is_default")) == [
        ("One", False),
        ("Two", True),
    ]

    actions.delete_payment_method(account_id=attorney.pk, method_id=second.pk)
    assert list(actions.live_methods(attorney.pk).values_list("nickname", "is_default")) == [
        ("One", True),
    ]
    assert PaymentMethod.objects.get(pk=second.pk).token == ""
    assert first.pk


def test_someone_elses_method_cannot_be_deleted_or_used(attorney, public_user, pay_fee):
    method = add(attorney)

    with pytest.raises(NotFound):
        actions.delete_payment_method(account_id=public_user.pk, method_id=method.pk)
    with pytest.raises(InputInvalid) as refused:
        pay_fee(public_user, card=None, method_id=method.pk)
    assert refused.value.problems == {"method_id": ["There is no such stored payment method."]}


def test_a_stored_method_pays_a_fee(attorney, pay_fee):
    method = add(attorney)

    payment = pay_fee(attorney, card=None, method_id=method.pk)

    assert payment.amount == 100
    assert facade.payment_for(purpose_ref="ecf.fee:1") == payment


def test_an_expired_stored_method_is_refused_when_paying(attorney, pay_fee):
    method = add(attorney)
    PaymentMethod.objects.filter(pk=method.pk).update(exp_year=2020)

    with pytest.raises(errors.PaymentMethodExpired):
        pay_fee(attorney, card=None, method_id=method.pk)


def test_a_paas_own_method_pays_only_pacer_invoices(office_manager, pay_fee):
    method = add(office_manager, "Firm Amex")

    with pytest.raises(facade.PaaCannotPayCourtFees):
        pay_fee(office_manager, card=None, method_id=method.pk)
    invoice = pay_fee(office_manager, card=None, method_id=method.pk, purpose="pacer_invoice")
    assert invoice.purpose == "pacer_invoice"


# The pages in Manage My Account.


def test_the_mma_payments_tab_links_to_stored_methods_and_history(signed_in, attorney):
    page = signed_in(attorney).get("/account/payments/").content.decode()

    assert 'href="/account/payment-methods/"' in page
    assert 'href="/account/payment-history/"' in page


def test_the_page_adds_lists_and_deletes_a_method(signed_in, attorney):
    client = signed_in(attorney)
    form = {"nickname": "Office Visa", **VISA}

    added = client.post("/account/payment-methods/", form, follow=True)
    assert added.status_code == 200
    assert "Office Visa (Visa ending 1111) was added." in added.content.decode()
    method = PaymentMethod.objects.get()
    assert "Visa ending 1111" in client.get("/account/payment-methods/").content.decode()

    deleted = client.post(f"/account/payment-methods/{method.pk}/delete/", follow=True)
    assert "was deleted." in deleted.content.decode()
    assert not actions.live_methods(attorney.pk).exists()


def test_the_page_shows_a_refusal_on_the_form(signed_in, attorney):
    page = signed_in(attorney).post(
        "/account/payment-methods/", {"nickname": "Old", **VISA, "exp_year": 2020}
    )

    assert page.status_code == 400
    assert "This card has expired" in page.content.decode()


def test_the_pages_ask_a_visitor_to_sign_in(client):
    assert client.get("/account/payment-methods/").status_code == 302
    assert client.get("/account/payment-history/").status_code == 302


def test_another_persons_method_looks_missing_on_the_page(signed_in, attorney, public_user):
    method = add(attorney)

    answer = signed_in(public_user).post(f"/account/payment-methods/{method.pk}/delete/")

    assert answer.status_code == 404
    assert actions.live_methods(attorney.pk).count() == 1


# The API.


def test_the_api_lists_adds_and_deletes_methods(client, attorney):
    token = bearer_token(attorney)

    added = call(
        client,
        "POST",
        "/api/v1/me/payment-methods",
        {"nickname": "Office Visa", "card": VISA},
        token=token,
    )
    assert added.status_code == 201
    body = added.json()
    assert {
        k: body[k] for k in ("nickname", "kind", "last_four", "exp_month", "exp_year", "is_default")
    } == {
        "nickname": "Office Visa",
        "kind": "visa",
        "last_four": "1111",
        "exp_month": 12,
        "exp_year": 2030,
        "is_default": True,
    }
    assert "token" not in body

    listed = call(client, "GET", "/api/v1/me/payment-methods", token=token).json()
    assert [m["id"] for m in listed["methods"]] == [body["id"]]

    deleted = call(client, "DELETE", f"/api/v1/me/payment-methods/{body['id']}", token=token)
    assert deleted.status_code == 204
    assert call(client, "GET", "/api/v1/me/payment-methods", token=token).json() == {"methods": []}


def test_the_api_refuses_bad_cards_with_their_codes(client, attorney):
    token = bearer_token(attorney)

    def post(**changes):
        return call(
            client,
            "POST",
            "/api/v1/me/payment-methods",
            {"nickname": "X", "card": {**VISA, **changes}},
            token=token,
        )

    expired = post(exp_year=2020)
    assert (expired.status_code, expired.json()["error"]["code"]) == (422, "payment_method_expired")
    declined = post(number=DECLINED)
    assert (declined.status_code, declined.json()["error"]["code"]) == (402, "payment_declined")
    mistyped = post(number="1234")
    assert mistyped.status_code == 422
    assert mistyped.json()["error"]["fields"] == {
        "number": ["Enter the card number: 12 to 19 digits."]
    }
    missing = call(client, "POST", "/api/v1/me/payment-methods", {"nickname": "X"}, token=token)
    assert (missing.status_code, missing.json()["error"]["code"]) == (422, "invalid_input")


def test_the_api_needs_a_signed_in_person(client):
    answer = call(client, "GET", "/api/v1/me/payment-methods")

    assert (answer.status_code, answer.json()["error"]["code"]) == (401, "not_signed_in")


def test_the_api_answers_404_for_another_persons_method(client, attorney, public_user):
    method = add(attorney)

    answer = call(
        client, "DELETE", f"/api/v1/me/payment-methods/{method.pk}", token=bearer_token(public_user)
    )

    assert answer.status_code == 404
