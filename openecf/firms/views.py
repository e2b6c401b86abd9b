"""Firm pages: register a PAA, administer members (the PAA), answer invitations (a person)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from openecf.accounts import facade as accounts
from openecf.core.errors import DomainError, NotFound, NotSignedIn
from openecf.core.web import (
    carried_out,
    domain_errors_as_pages,
    say_how_it_went,
    show_on_form,
    source_address,
)
from openecf.firms import access, actions, queries
from openecf.firms.forms import InviteForm, RegisterFirmForm, RemarkForm


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegisterFirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            firm = actions.register_firm(
                **form.cleaned_data, source_address=source_address(request)
            )
        except DomainError as error:
            if isinstance(error, NotFound | NotSignedIn):
                raise
            show_on_form(form, error)
        else:
            messages.success(
                request,
                f"The PACER Administrative Account for {firm.name} is registered: account "
                f"number {firm.paa.account_number}. Open the link we e-mailed to "
                f"{firm.paa.email} within 48 hours to verify the address, then sign in with "
                f"username {firm.paa.username}.",
            )
            return redirect(f"{reverse('signon:login')}?next={reverse('firms:home')}")
    return render(request, "firms/register.html", {"form": form})


def _firm_page(request: HttpRequest, firm, invite_form: InviteForm, status: int = 200):
    return render(
        request,
        "firms/firm.html",
        {
            "firm": firm,
            "members": queries.members(firm),
            "pending": queries.pending_invitations_of_firm(firm),
            "invite_form": invite_form,
        },
        status=status,
    )


@domain_errors_as_pages
def firm_home(request: HttpRequest) -> HttpResponse:
    if request.account is not None and request.account.kind != accounts.AccountKind.ADMINISTRATIVE:
        return redirect("firms:invitations")
    firm = access.require_firm_administrator(request.account)
    return _firm_page(request, firm, InviteForm())


@domain_errors_as_pages
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    firm = access.require_firm_administrator(request.account)
    form = InviteForm(request.POST)
    if form.is_valid() and carried_out(
        request,
        form,
        lambda: actions.invite_member(firm=firm, actor_id=request.account.pk, **form.cleaned_data),
        lambda invitation: (
            f"Invitation sent to {invitation.account.full_name} "
            f"({invitation.account.account_number}). They must accept it in Manage My Account."
        ),
    ):
        return redirect("firms:home")
    return _firm_page(request, firm, form, status=400)


@domain_errors_as_pages
@require_POST
def remove_member(request: HttpRequest, account_number: str) -> HttpResponse:
    firm = access.require_firm_administrator(request.account)
    form = RemarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter a brief remark to unlink a member.")
        return redirect("firms:home")
    say_how_it_went(
        request,
        lambda: actions.remove_member(
            firm=firm,
            actor_id=request.account.pk,
            account_number=account_number,
            remark=form.cleaned_data["remark"],
        ),
        lambda membership: (
            f"{membership.account.full_name} is unlinked from your PAA; both of you were e-mailed."
        ),
    )
    return redirect("firms:home")


@domain_errors_as_pages
@require_POST
def cancel_invitation(request: HttpRequest, invitation_id: int) -> HttpResponse:
    firm = access.require_firm_administrator(request.account)
    say_how_it_went(
        request,
        lambda: actions.cancel_invitation(
            firm=firm, actor_id=request.account.pk, invitation_id=invitation_id
        ),
        lambda invitation: f"Invitation to {invitation.account.full_name} cancelled.",
    )
    return redirect("firms:home")


@domain_errors_as_pages
def invitations(request: HttpRequest) -> HttpResponse:
    person = access.require_person(request.account)
    return render(
        request,
        "firms/invitations.html",
        {
            "pending": queries.pending_invitations_for(person.pk),
            "membership": queries.live_membership(person.pk),
            "administers": queries.firm_of_paa(person),
            "leave_form": RemarkForm(),
        },
    )


@domain_errors_as_pages
@require_POST
def answer_invitation(request: HttpRequest, invitation_id: int, answer: str) -> HttpResponse:
    person = access.require_person(request.account)
    if answer == "accept":
        say_how_it_went(
            request,
            lambda: actions.accept_invitation(account=person, invitation_id=invitation_id),
            lambda membership: f"You joined {membership.firm.name}'s PACER Administrative Account.",
        )
    else:
        say_how_it_went(
            request,
            lambda: actions.decline_invitation(account=person, invitation_id=invitation_id),
            lambda invitation: f"You declined {invitation.firm.name}'s invitation.",
        )
    return redirect("firms:invitations")


@domain_errors_as_pages
@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    person = access.require_person(request.account)
    form = RemarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter a brief remark to leave the firm's PAA.")
        return redirect("firms:invitations")
    say_how_it_went(
        request,
        lambda: actions.leave_firm(account=person, remark=form.cleaned_data["remark"]),
        lambda membership: (
            f"Your account is unlinked from {membership.firm.name}'s PAA; you and the firm "
            "were e-mailed."
        ),
    )
    return redirect("firms:invitations")
