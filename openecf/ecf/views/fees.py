"""Internet payments due: what a person owes at one court or every court, and "Pay now"."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from openecf.core import clock
from openecf.core.errors import DomainError, NotFound, NotSignedIn
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import require_signed_in, standing_of
from openecf.courts.queries import get_court
from openecf.ecf import actions, queries
from openecf.ecf.forms import PayFeeForm
from openecf.ecf.views.pages import _context
from openecf.payments import facade as payments


def _signed_in(request: HttpRequest, to: str):  # noqa: ANN202 - the accounts model
    if request.account is None:
        raise NotSignedIn(f"Sign in with your PACER account to {to}.")
    return request.account


@domain_errors_as_pages
def fees_due(request: HttpRequest) -> HttpResponse:
    """Manage My Account → Court fees: what the person owes at every court, and what was paid."""
    account = _signed_in(request, "see the court fees you owe")
    actions.heal_paid_fees(account_id=account.pk)
    fees = queries.fees_of(account_id=account.pk, unpaid=False)
    return render(
        request,
        "ecf/fees_due.html",
        {
            "me": account,
            "tab": "fees",
            "due": [f for f in fees if f.paid_at is None],
            "paid": [f for f in fees if f.paid_at is not None],
        },
    )


@domain_errors_as_pages
def court_fees_due(request: HttpRequest, court_id: str) -> HttpResponse:
    """Utilities → Internet payments due, at one court."""
    court = get_court(court_id)
    require_signed_in(standing_of(request, court), to="see the fees you owe at this court")
    actions.heal_paid_fees(account_id=request.account.pk)
    fees = queries.fees_of(account_id=request.account.pk, court_id=court.pk, unpaid=False)
    return render(
        request,
        "ecf/court_fees_due.html",
        _context(
            request,
            court,
            due=[f for f in fees if f.paid_at is None],
            paid=[f for f in fees if f.paid_at is not None],
        ),
    )


CANCELLED = "You cancelled on Pay.gov's page: nothing was charged. Press Pay now to pay."


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def pay_fee(request: HttpRequest, fee_id: int) -> HttpResponse:
    """Pay now: a stored method or a card, then the receipt.

    With the sandbox the card is typed on this page; with pay.gov (``hosted_checkout``) "a
    card" sends the person to pay.gov's hosted page, which sends them back to
    ``pay_fee_return`` (or ``pay_fee_cancel``). A firm's PACER Administrative Account (or a
    shared account) sees the form and is refused with the letter's words when it presses Pay
    now: payments decides who may pay court fees.
    """
    account = _signed_in(request, "pay a court fee")
    fee = _fee_or_receipt(account, fee_id)
    if isinstance(fee, HttpResponse):
        return fee
    hosted = payments.hosted_checkout()
    form = _pay_form(account, request.POST or None, hosted=hosted)
    refusal = None
    if request.method == "POST" and form.is_valid():
        try:
            if hosted and form.method_id() is None:
                begun = actions.begin_court_fee_checkout(
                    account_id=account.pk,
                    account_kind=account.kind,
                    fee_id=fee_id,
                    return_url=request.build_absolute_uri(
                        reverse("ecf_account:pay_fee_return", args=[fee_id])
                    ),
                    cancel_url=request.build_absolute_uri(
                        reverse("ecf_account:pay_fee_cancel", args=[fee_id])
                    ),
                )
                if isinstance(begun, str):
                    return redirect(begun)  # pay.gov's hosted page
                return redirect("payments:receipt", receipt_number=begun.receipt_number)
            paid_fee = actions.pay_court_fee(
                account_id=account.pk,
                account_kind=account.kind,
                fee_id=fee_id,
                method_id=form.method_id(),
                card=None if form.method_id() is not None else _typed_card(form.cleaned_data),
            )
        except DomainError as error:
            if error.status == 404:
                raise
            refusal = error.message
        else:
            return redirect("payments:receipt", receipt_number=paid_fee.receipt_number)
    notice = CANCELLED if request.method == "GET" and request.GET.get("cancelled") else None
    return _pay_page(request, account, fee, form, refusal=refusal, notice=notice)


@domain_errors_as_pages
@require_GET
def pay_fee_return(request: HttpRequest, fee_id: int) -> HttpResponse:
    """Back from pay.gov's hosted page with its token: complete the payment on our server
    (once, however often the person comes back), then the receipt; a decline or an expired
    page shows the pay page again with the reason."""
    account = _signed_in(request, "pay a court fee")
    token = request.GET.get("token", "")
    try:
        paid_fee = actions.complete_court_fee_checkout(
            account_id=account.pk, fee_id=fee_id, token=token
        )
    except DomainError as error:
        if error.status == 404:
            raise
        fee = _fee_or_receipt(account, fee_id)
        if isinstance(fee, HttpResponse):
            return fee
        form = _pay_form(account, None, hosted=payments.hosted_checkout())
        return _pay_page(request, account, fee, form, refusal=error.message)
    return redirect("payments:receipt", receipt_number=paid_fee.receipt_number)


@domain_errors_as_pages
@require_GET
def pay_fee_cancel(request: HttpRequest, fee_id: int) -> HttpResponse:
    """The person pressed Cancel on pay.gov's page: nothing is charged; back to Pay now."""
    account = _signed_in(request, "pay a court fee")
    payments.cancel_hosted(payer_id=account.pk, token=request.GET.get("token", ""))
    return redirect(f"{reverse('ecf_account:pay_fee', args=[fee_id])}?cancelled=1")


def _fee_or_receipt(account, fee_id: int):  # noqa: ANN001, ANN202 - the accounts model
    """The unpaid fee the person owes; a paid one is its receipt; someone else's is missing.
    A PAA or a shared account gets None (the page shows the form, then the refusal)."""
    fee = next((f for f in queries.fees_of(account_id=account.pk) if f.pk == fee_id), None)
    if account.kind == "individual" and fee is None:
        paid = next(
            (f for f in queries.fees_of(account_id=account.pk, unpaid=False) if f.pk == fee_id),
            None,
        )
        if paid is not None:
            return redirect("payments:receipt", receipt_number=paid.receipt_number)
        raise NotFound(f"You owe no court fee number {fee_id}.")
    return fee


def _pay_form(account, data, *, hosted: bool) -> PayFeeForm:  # noqa: ANN001 - the accounts model
    methods = payments.stored_methods(payer_id=account.pk, now=clock.now())
    return PayFeeForm(
        data,
        methods=[(m.id, f"{m.label} (expired)" if m.expired else m.label) for m in methods],
        hosted=hosted,
    )


def _typed_card(data: dict) -> payments.Card:
    return payments.Card(
        number=data["number"].replace(" ", ""),
        exp_month=data["exp_month"],
        exp_year=data["exp_year"],
        cvc=data["cvc"],
        name=data["name"],
    )


def _pay_page(
    request: HttpRequest,
    account,  # noqa: ANN001 - the accounts model
    fee,  # noqa: ANN001 - the fee row, or None for a PAA
    form: PayFeeForm,
    *,
    refusal: str | None = None,
    notice: str | None = None,
) -> HttpResponse:
    form.forget_card_number()
    return render(
        request,
        "ecf/pay_fee.html",
        {
            "me": account,
            "tab": "fees",
            "fee": fee,
            "form": form,
            "refusal": refusal,
            "notice": notice,
            "back": reverse("ecf_account:fees_due"),
        },
        status=400 if (form.errors or refusal) else 200,
    )
