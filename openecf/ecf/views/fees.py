"""Internet payments due: what a person owes at one court or every court, and "Pay now"."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

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


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def pay_fee(request: HttpRequest, fee_id: int) -> HttpResponse:
    """Pay now: a stored method or a card, then the receipt.

    A firm's PACER Administrative Account (or a shared account) sees the form and is refused
    with the letter's words when it presses Pay now: payments decides who may pay court fees.
    """
    account = _signed_in(request, "pay a court fee")
    individual = account.kind == "individual"
    fee = next((f for f in queries.fees_of(account_id=account.pk) if f.pk == fee_id), None)
    if individual and fee is None:
        paid = next(
            (f for f in queries.fees_of(account_id=account.pk, unpaid=False) if f.pk == fee_id),
            None,
        )
        if paid is not None:
            return redirect("payments:receipt", receipt_number=paid.receipt_number)
        raise NotFound(f"You owe no court fee number {fee_id}.")
    methods = payments.stored_methods(payer_id=account.pk, now=clock.now())
    form = PayFeeForm(
        request.POST or None,
        methods=[(m.id, f"{m.label} (expired)" if m.expired else m.label) for m in methods],
    )
    refusal = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            paid_fee = actions.pay_court_fee(
                account_id=account.pk,
                account_kind=account.kind,
                fee_id=fee_id,
                method_id=form.method_id(),
                card=None
                if form.method_id() is not None
                else payments.Card(
                    number=data["number"].replace(" ", ""),
                    exp_month=data["exp_month"],
                    exp_year=data["exp_year"],
                    cvc=data["cvc"],
                    name=data["name"],
                ),
            )
        except DomainError as error:
            if error.status == 404:
                raise
            refusal = error.message
        else:
            return redirect("payments:receipt", receipt_number=paid_fee.receipt_number)
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
            "back": reverse("ecf_account:fees_due"),
        },
        status=400 if (form.errors or refusal) else 200,
    )
