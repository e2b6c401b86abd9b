"""Filing privileges: granting and revoking the right to file at a court."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from openecf.accounts import facade as accounts
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.locks import lock_found
from openecf.core.transactions import durable_action
from openecf.ecf.models import (
    CourtLogin,
    FilingPrivilege,
)


def grant_privilege(
    *,
    actor_id: int | None,
    court_id: str,
    account_id: int,
    kind: str,
    source: str,
    case_number: str = "",
    court_login: CourtLogin | None = None,
) -> FilingPrivilege:
    """Give an account a filing privilege at a court; a live identical one is returned as is.

    A helper, not a durable action: linking grants inside its own transaction. The court's
    audit row comes before the central "became a filer" row (docs/decisions/0006-...).
    """
    InputInvalid.raise_if(
        {
            "kind": []
            if kind in FilingPrivilege.Kind.values
            else [f"{kind!r} is not a kind of filing privilege."],
            "source": []
            if source in FilingPrivilege.Source.values
            else [f"{source!r} is not a source of filing privileges."],
        }
    )
    with transaction.atomic():
        live = _live_privilege(court_id, account_id, kind, case_number)
        if live is not None:
            return live
        try:
            with transaction.atomic():  # a savepoint: a concurrent grant must not spoil the rest
                privilege = FilingPrivilege.objects.create(
                    court_id=court_id,
                    account_id=account_id,
                    kind=kind,
                    source=source,
                    case_number=case_number,
                    court_login=court_login,
                    granted_at=clock.now(),
                )
        except IntegrityError:
            # The same privilege was granted at the same moment: it is the one to return.
            live = _live_privilege(court_id, account_id, kind, case_number)
            if live is None:
                raise
            return live
        audit.record(
            actor_id=actor_id,
            verb="filing_privilege.granted",
            subject=audit.Subject("account", account_id),
            court_id=court_id,
            details={
                "privilege_id": privilege.pk,
                "kind": kind,
                "source": source,
                "case_number": case_number,
                "court_login": court_login.login if court_login else "",
            },
        )
        accounts.mark_as_filer(account_id=account_id)  # central after court (ADR 6)
    return privilege


def _live_privilege(
    court_id: str, account_id: int, kind: str, case_number: str
) -> FilingPrivilege | None:
    return FilingPrivilege.objects.filter(
        court_id=court_id,
        account_id=account_id,
        kind=kind,
        case_number=case_number,
        revoked_at__isnull=True,
    ).first()


def revoke_privilege(*, actor_id: int | None, privilege_id: int, reason: str) -> FilingPrivilege:
    """End a live filing privilege, with the reason kept."""
    reason = (reason or "").strip()
    if not reason:
        raise InputInvalid({"reason": "Give the reason the privilege ends."})
    with durable_action():
        privilege = lock_found(
            FilingPrivilege.objects.filter(pk=privilege_id, revoked_at__isnull=True),
            missing="There is no such live filing privilege.",
        )
        privilege.revoked_at = clock.now()
        privilege.revoked_reason = reason[:300]
        privilege.save(update_fields=["revoked_at", "revoked_reason"])
        audit.record(
            actor_id=actor_id,
            verb="filing_privilege.revoked",
            subject=audit.Subject("account", privilege.account_id),
            court_id=privilege.court_id,
            details={"privilege_id": privilege.pk, "kind": privilege.kind, "reason": reason},
        )
    return privilege
