"""Pages of payments: stored payment methods and payment history in Manage My Account, and
one receipt per payment."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from openecf.core import clock
from openecf.core.errors import DomainError, NotFound
from openecf.core.web import domain_errors_as_pages, say_how_it_went, show_on_form
from openecf.payments import access, actions, queries, rules
from openecf.payments.actions.receipts import card_label
from openecf.payments.forms import PaymentMethodForm


def _mma(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    """A page under Manage My Account's Payments tab."""
    return render(
        request,
        f"payments/{template}",
        {"me": request.account, "tab": "payments", **context},  # type: ignore[attr-defined]
        status=status,
    )


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def payment_methods(request: HttpRequest) -> HttpResponse:
    account_id = access.signed_in_account_id(request)
    form = PaymentMethodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            method = actions.add_payment_method(
                account_id=account_id,
                nickname=form.cleaned_data["nickname"],
                card=form.card(),
                make_default=form.cleaned_data["make_default"],
            )
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, f"{method} was added.")
            return redirect("payments:methods")
    return _mma(
        request,
        "methods.html",
        {
            "methods": list(actions.live_methods(account_id)),
            "form": form,
            "limit": rules.MAX_STORED_METHODS,
        },
        status=400 if request.method == "POST" else 200,
    )


# The buttons beside a stored method: the action and what to say when it is done.
METHOD_CHANGES = {
    "delete": (actions.delete_payment_method, "{} was deleted."),
    "default": (actions.set_default_payment_method, "{} is now your default payment method."),
}


@domain_errors_as_pages
@require_POST
def change_payment_method(request: HttpRequest, method_id: int, change: str) -> HttpResponse:
    account_id = access.signed_in_account_id(request)
    if change not in METHOD_CHANGES:
        raise NotFound("There is no such page.")
    action, done = METHOD_CHANGES[change]
    say_how_it_went(
        request,
        lambda: action(account_id=account_id, method_id=method_id),
        lambda method: done.format(method),
    )
    return redirect("payments:methods")


@never_cache
@domain_errors_as_pages
@require_GET
def payment_history(request: HttpRequest) -> HttpResponse:
    account_id = access.signed_in_account_id(request)
    return _mma(request, "history.html", {"payments": list(queries.history(account_id)[:200])})


@never_cache
@domain_errors_as_pages
@require_GET
def receipt(request: HttpRequest, receipt_number: str) -> HttpResponse:
    intent = access.receipt_for(request, receipt_number)
    return render(
        request,
        "payments/receipt.html",
        {
            "payment": intent,
            "court": intent.court,
            "card": card_label(intent),
            "paid_at": clock.format_court_time(intent.paid_at, intent.court.time_zone),
            "refunds": list(queries.refunds_of(intent)),
            "net": intent.amount - intent.refunded,
        },
    )
