"""Who may do what on the court side: above all, who may file at a court, and what is missing.

A person's standing at a court comes from ``courts.access`` (one decision per request); the
filing check takes it with the person's facts from the central apps (``FilerFacts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from openecf.accounts import facade as accounts
from openecf.core import clock
from openecf.courts.access import Standing, standing_at, standing_of
from openecf.courts.models import Court
from openecf.courts.queries import is_nextgen
from openecf.ecf import links, queries
from openecf.ecf.models import CourtLogin
from openecf.ecf.rules import FilingCheck, MissingStep
from openecf.signon import facade as signon

if TYPE_CHECKING:
    from openecf.accounts.models import Account

# Accounts that can never file, whatever they do: they are told why and what to use instead.
ADMINISTRATIVE = "administrative"
SHARED = "shared"
WHY_NOT = {
    ADMINISTRATIVE: (
        "A PACER Administrative Account manages a firm's filers and their fees; it cannot file or "
        "link a CM/ECF login itself."
    ),
    SHARED: (
        "A shared PACER account is used by more than one person, and every filing is signed by "
        "one person: a shared account can search but can never file or link a CM/ECF login."
    ),
}
USE_INSTEAD = (
    " To file, sign in with your own individual, upgraded PACER account, or register one if you "
    "have none."
)


# The court-local sign-in before go-live keeps its session key in this signed cookie.
COURT_COOKIE_SALT = "ecf.court-login"


def court_cookie_name(court: Court) -> str:
    return f"ECF_{court.pk}"


def court_login_of(request: HttpRequest, court: Court) -> CourtLogin | None:
    """The court login signed in at this court before go-live (its own cookie), if any."""
    key = request.get_signed_cookie(court_cookie_name(court), default=None, salt=COURT_COOKIE_SALT)
    return queries.court_session_login(court, key)


def may_file_here(request: HttpRequest, court: Court) -> bool:
    """Whether the court header offers File: a court login signed in here before go-live, or a
    person whose filing check allows it."""
    return court_login_of(request, court) is not None or may_file(request, court)


@dataclass(frozen=True)
class FilerFacts:
    """What the central apps say about a signed-in person, as the filing check needs it."""

    account_id: int
    kind: str  # individual, shared or administrative
    is_upgraded: bool
    cannot_file_because: str | None  # the accounts' reason (Legacy, inactive, ...), None if fine
    has_mfa: bool  # an authenticator app (backup codes alone do not count)
    redaction_acknowledged: bool | None  # the session's answer; None: not checked


def filer_facts(
    account: Account | None, *, redaction_acknowledged: bool | None = None
) -> FilerFacts | None:
    """The facts of ``account`` (None for an anonymous visitor)."""
    if account is None:
        return None
    return FilerFacts(
        account_id=account.pk,
        kind=account.kind,
        is_upgraded=account.is_upgraded,
        cannot_file_because=accounts.can_file_or_link(account),
        has_mfa=signon.has_mfa(account_id=account.pk),
        redaction_acknowledged=redaction_acknowledged,
    )


def filing_check(
    *, standing: Standing, court: Court, person: FilerFacts | None, now: datetime
) -> FilingCheck:
    """May this person file at this court? If not, every missing step, in order.

    A PACER Administrative Account or a shared account is never sent to link or request
    privileges: it is told it cannot file, why, and to use an individual, upgraded account.
    A filer whose session did not accept the redaction agreement (they became a filer after
    signing in) must sign in again, where the agreement is asked.
    """
    steps: list[MissingStep] = []
    nextgen = is_nextgen(court, now)
    if person is None or not standing.is_signed_in:
        steps.append(
            MissingStep(
                "sign_in",
                "Sign in with your PACER account (Central Sign-On).",
                f"{reverse('signon:login')}?next={links.file_page(court.pk)}",
            )
        )
        if not nextgen:
            steps.append(_court_login_step(court))
        return FilingCheck(False, steps)
    if person.kind in WHY_NOT:
        steps.append(
            MissingStep(
                "individual_account",
                WHY_NOT[person.kind] + USE_INSTEAD,
                reverse("accounts:register"),
            )
        )
        if not nextgen:
            steps.append(_court_login_step(court))
        return FilingCheck(False, steps)
    if person.cannot_file_because:
        steps.append(
            MissingStep("upgrade", person.cannot_file_because, reverse("accounts:upgrade"))
            if not person.is_upgraded
            else MissingStep("account", person.cannot_file_because, reverse("accounts:settings"))
        )
    if not nextgen:
        steps.append(_court_login_step(court))
        return FilingCheck(False, steps)
    has_privilege = (
        queries.live_privileges(court_id=court.pk).filter(account_id=person.account_id).exists()
    )
    if not has_privilege:
        if not queries.is_linked(account_id=person.account_id, court_id=court.pk):
            steps.append(
                MissingStep(
                    "link",
                    "If you had a CM/ECF login at this court, link it to your PACER account "
                    "(Utilities → Link a CM/ECF account to my PACER account).",
                    links.link_page(court.pk),
                )
            )
        steps.append(
            MissingStep(
                "request",
                "If you never had a CM/ECF login here, request e-filing privileges at this court "
                "(e-file registration in Manage My Account).",
                f"{reverse('registrations:efile_start')}?court={court.pk}",
            )
        )
    elif court.fee_before_privilege and queries.owes_fees_at(
        account_id=person.account_id, court_id=court.pk
    ):
        steps.append(
            MissingStep(
                "fee",
                f"{court.short_name or court.name} requires its court fees to be paid before "
                "your privilege is active: pay what you owe (Utilities → Internet payments due).",
                links.court_fees_due_page(court.pk),
            )
        )
    elif person.redaction_acknowledged is False:
        steps.append(
            MissingStep(
                "redaction",
                "Sign out and sign in again to accept the redaction agreement.",
                reverse("signon:logout"),
            )
        )
    if not person.has_mfa and signon.mfa_required_on(
        day=signon.pacer_day(now),
        required_from=settings.MFA_REQUIRED_FOR_FILERS_FROM,
        is_filer=True,
    ):
        steps.append(
            MissingStep(
                "mfa",
                "Enrol in multifactor authentication: filers must use an authenticator app.",
                reverse("signon_account:mfa"),
            )
        )
    return FilingCheck(not steps, steps)


def filing_check_of(request: HttpRequest, court: Court) -> FilingCheck:
    """The signed-in person's filing check at ``court``, computed once per request.

    The redaction agreement is the sign-on session's answer.
    """
    cache: dict[str, FilingCheck] = request.__dict__.setdefault("_filing_checks", {})
    if court.pk not in cache:
        session = getattr(request, "cso_session", None)
        cache[court.pk] = filing_check(
            standing=standing_of(request, court),
            court=court,
            person=filer_facts(
                getattr(request, "account", None),
                redaction_acknowledged=None
                if session is None
                else bool(session.redaction_acknowledged),
            ),
            now=clock.now(),
        )
    return cache[court.pk]


def may_file(request: HttpRequest, court: Court) -> bool:
    """Whether the court header offers File: the filing check allows it.

    Only accounts that are filers at all are checked, so a visitor or a person who only
    searches costs no query.
    """
    account = getattr(request, "account", None)
    if account is None or not accounts.is_filer(account):
        return False
    return filing_check_of(request, court).allowed


def can_file(
    account: Account | None,
    court: Court,
    now: datetime | None = None,
    *,
    redaction_acknowledged: bool | None = None,
) -> FilingCheck:
    """``filing_check`` for a caller holding an account rather than a request (other apps)."""
    return filing_check(
        standing=standing_at(court=court, account_id=account.pk if account else None),
        court=court,
        person=filer_facts(account, redaction_acknowledged=redaction_acknowledged),
        now=now or clock.now(),
    )


def _court_login_step(court: Court) -> MissingStep:
    return MissingStep(
        "court_login",
        f"{court.short_name or court.name} is not on NextGen CM/ECF yet: file with your "
        "CM/ECF login for this court.",
        links.login_page(court.pk),
    )
