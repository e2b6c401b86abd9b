"""A person's standing at a court: the one place that decides who they are there.

Every court page and court API endpoint asks ``standing_of(request, court)`` (computed once per
request and court) and gates on the answer. A clerk's page refused to someone who is not the
court's clerk's office (or the operator) answers exactly as a missing page does: 404, "W.D. Mo.
has no ... for you" (decision record 0005). Sign-in still comes first: anonymous visitors are sent to
sign in (401 in the API).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest

from openecf.core.errors import NotFound, NotSignedIn
from openecf.courts.models import Court, CourtStaff
from openecf.courts.queries import get_court


@dataclass(frozen=True)
class Standing:
    """Who the person is at one court. ``account_id`` None: not signed in."""

    court_id: str
    court_name: str  # the court's short name, for messages (W.D. Mo.)
    account_id: int | None
    is_clerk: bool
    is_judge: bool
    is_operator: bool

    @property
    def is_signed_in(self) -> bool:
        return self.account_id is not None

    @property
    def may_manage_court(self) -> bool:
        """The court's clerk's office, or the operator of this OpenECF."""
        return self.is_clerk or self.is_operator


def _standing(
    court: Court, account_id: int | None, *, role: str | None, is_operator: bool
) -> Standing:
    return Standing(
        court_id=court.pk,
        court_name=court.short_name or court.name,
        account_id=account_id,
        is_clerk=role == CourtStaff.Role.CLERK,
        is_judge=role == CourtStaff.Role.JUDGE,
        is_operator=is_operator,
    )


def standing_at(*, court: Court, account_id: int | None) -> Standing:
    """The standing of an account at a court, in one query (none for an anonymous visitor).

    An account that no longer exists stands as an anonymous visitor.
    """
    if account_id is None:
        return _standing(court, None, role=None, is_operator=False)
    # Court rows reference accounts through AUTH_USER_MODEL only (decision record 0001).
    account_model = apps.get_model(settings.AUTH_USER_MODEL)
    role_here = CourtStaff.objects.filter(court=court, account_id=OuterRef("pk")).values("role")
    row = (
        account_model.objects.filter(pk=account_id)
        .annotate(role_here=Subquery(role_here[:1]))
        .values_list("is_operator", "role_here")
        .first()
    )
    if row is None:
        return _standing(court, None, role=None, is_operator=False)
    is_operator, role = row
    return _standing(court, account_id, role=role, is_operator=bool(is_operator))


def standing_of(request: HttpRequest, court: Court) -> Standing:
    """The signed-in person's standing at ``court``, computed once per request.

    Sign-on has already loaded the account and knows whether it works for any court, so a
    person who works for none costs no query at all.
    """
    cache: dict[str, Standing] = request.__dict__.setdefault("_standings", {})
    if court.pk not in cache:
        account = getattr(request, "account", None)
        if account is None:
            found = _standing(court, None, role=None, is_operator=False)
        elif not getattr(account, "is_court_staff", True):
            found = _standing(court, account.pk, role=None, is_operator=account.is_operator)
        else:
            found = standing_at(court=court, account_id=account.pk)
        cache[court.pk] = found
    return cache[court.pk]


def require_signed_in(standing: Standing, *, to: str) -> None:
    """Anonymous visitors are asked to sign in first (pages redirect, the API answers 401)."""
    if not standing.is_signed_in:
        raise NotSignedIn(f"Sign in with your PACER account to {to}.")


def require_clerk(standing: Standing, *, what: str) -> None:
    """The court's clerk's office or the operator; anyone else is told there is no such page.

    ``what`` names the page in the person's words: ``"court settings page"``.
    """
    require_signed_in(standing, to=f"see the {what}")
    if not standing.may_manage_court:
        raise NotFound(f"{standing.court_name} has no {what} for you.")


def signed_in_court(request: HttpRequest, court_id: str, *, to: str) -> tuple[Court, Standing]:
    """The court named in the path and the person's standing there; anonymous visitors are
    asked to sign in ``to`` do something first (``require_signed_in``)."""
    court = get_court(court_id)
    standing = standing_of(request, court)
    require_signed_in(standing, to=to)
    return court, standing


def clerk_court(request: HttpRequest, court_id: str, *, what: str) -> Court:
    """The court named in the path, for its clerk's office (or the operator) only.

    An unknown court and a court that is not the person's answer alike (``require_clerk``).
    """
    court = get_court(court_id)
    require_clerk(standing_of(request, court), what=what)
    return court
