"""Writes to the court registry: keyword-only, one transaction, one audit row each."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts import fees, rules
from openecf.courts.models import Court, CourtFee, CourtFeeChange, DivisionalOffice
from openecf.courts.registry import federal_courts


def seed_courts() -> int:
    """Create or refresh every sitting federal court from courts-db; keep clerks' settings.

    Returns how many courts were added.
    """
    with durable_action():
        existing = set(Court.objects.values_list("id", flat=True))
        new: list[Court] = []
        for record in federal_courts():
            fields = {
                "name": record.name,
                "short_name": record.short_name,
                "kind": record.kind,
                "state": record.state,
                "time_zone": record.time_zone,
                "url": record.url,
            }
            if record.court_id in existing:
                Court.objects.filter(pk=record.court_id).update(**fields)
            else:
                new.append(Court(id=record.court_id, **fields))
        # One statement for a fresh registry (every test database seeds it) instead of 200.
        Court.objects.bulk_create(new)
        added = len(new)
        if added:
            audit.record(
                actor_id=None,
                verb="courts.seeded",
                subject=audit.Subject("courts"),
                details={"added": added},
            )
    return added


def schedule_go_live(*, actor_id: int | None, court: Court, go_live: datetime | None) -> Court:
    """Set (or clear, with ``None``) the court's NextGen go-live moment."""
    with durable_action():
        locked = Court.objects.select_for_update().get(pk=court.pk)
        _set_go_live(locked, go_live=go_live, actor_id=actor_id)
    return locked


def _set_go_live(locked: Court, *, go_live: datetime | None, actor_id: int | None) -> None:
    before = locked.nextgen_go_live
    if before == go_live:
        return
    locked.nextgen_go_live = go_live
    locked.save(update_fields=["nextgen_go_live"])
    audit.record(
        actor_id=actor_id,
        court_id=locked.id,
        verb="court.go_live_scheduled" if go_live else "court.go_live_cleared",
        subject=audit.Subject("court", locked.id),
        details={
            "before": before.isoformat() if before else None,
            "after": go_live.isoformat() if go_live else None,
        },
    )


def update_court_settings(
    *,
    actor_id: int | None,
    court: Court,
    nextgen_go_live: datetime | None,
    pdf_size_limit_mb: int,
    clerk_phone: str,
    clerk_email: str,
    clerk_help_text: str,
    offices: list[tuple[int, str]] | None = None,
) -> Court:
    """The clerk's settings form, all or nothing: go-live (its own audit row) and the rest.

    ``offices`` replaces the divisional offices (None keeps them). The settings are checked
    here, once, for the page and the API (``rules.settings_problems``).
    """
    InputInvalid.raise_if(
        rules.settings_problems(
            pdf_size_limit_mb=pdf_size_limit_mb, clerk_email=clerk_email, offices=offices
        )
    )
    if offices is not None:
        offices = rules.check_offices(offices)
    with durable_action():
        locked = Court.objects.select_for_update().get(pk=court.pk)
        _set_go_live(locked, go_live=nextgen_go_live, actor_id=actor_id)
        changes = {}
        for field, value in {
            "pdf_size_limit_mb": pdf_size_limit_mb,
            "clerk_phone": clerk_phone,
            "clerk_email": clerk_email,
            "clerk_help_text": clerk_help_text,
        }.items():
            if getattr(locked, field) != value:
                changes[field] = {"before": getattr(locked, field), "after": value}
                setattr(locked, field, value)
        if changes:
            locked.save(update_fields=list(changes))
        if offices is not None:
            before = list(locked.offices.values_list("number", "name"))
            if before != sorted(offices):
                locked.offices.exclude(number__in=[n for n, _ in offices]).delete()
                for number, name in offices:
                    DivisionalOffice.objects.update_or_create(
                        court=locked, number=number, defaults={"name": name}
                    )
                changes["offices"] = {"before": before, "after": sorted(offices)}
        if changes:
            _record_change(
                locked, actor_id=actor_id, verb="court.settings_changed", changes=changes
            )
    return locked


def update_court_fees(
    *,
    actor_id: int | None,
    court_id: str,
    amounts: dict[str, Decimal],
    dues_cycle_years: int | None = None,
    fee_before_privilege: bool | None = None,
) -> fees.FeeSchedule:
    """The clerk's fee settings: amounts by fee kind, the dues cycle, payment before privilege.

    Only what is given changes (``None`` keeps a setting); each change is kept in the court's
    fee history (who, when, old, new) and one audit row names them all.
    """
    cycle_checked = 1 if dues_cycle_years is None else dues_cycle_years
    InputInvalid.raise_if(
        fees.fee_settings_problems(amounts=amounts, dues_cycle_years=cycle_checked)
    )
    with durable_action():
        locked = Court.objects.select_for_update().get(pk=court_id)
        before = fees.fee_schedule(court_id=locked.pk)
        now = clock.now()
        changes: dict[str, dict[str, str]] = {}
        for kind, amount in amounts.items():
            old = before.amount(kind)
            if old != amount:
                CourtFee.objects.update_or_create(
                    court=locked, kind=kind, defaults={"amount": amount}
                )
                changes[kind] = {"before": f"{old:.2f}", "after": f"{amount:.2f}"}
        policy: dict[str, object] = {}
        if dues_cycle_years is not None and dues_cycle_years != locked.dues_cycle_years:
            policy["dues_cycle_years"] = dues_cycle_years
        if fee_before_privilege is not None and fee_before_privilege != locked.fee_before_privilege:
            policy["fee_before_privilege"] = fee_before_privilege
        for field, value in policy.items():
            changes[field] = {
                "before": _setting_text(getattr(locked, field)),
                "after": _setting_text(value),
            }
            setattr(locked, field, value)
        if policy:
            locked.save(update_fields=list(policy))
        if changes:
            CourtFeeChange.objects.bulk_create(
                CourtFeeChange(
                    court=locked,
                    setting=setting,
                    before=change["before"],
                    after=change["after"],
                    changed_by_id=actor_id,
                    changed_at=now,
                )
                for setting, change in changes.items()
            )
            _record_change(locked, actor_id=actor_id, verb="court.fees_changed", changes=changes)
    return fees.fee_schedule(court_id=court_id)


def _setting_text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _record_change(court: Court, *, actor_id: int | None, verb: str, changes: dict) -> None:
    """The audit row of a settings change: each setting's ``before`` and ``after``."""
    audit.record(
        actor_id=actor_id,
        court_id=court.pk,
        verb=verb,
        subject=audit.Subject("court", court.pk),
        details=changes,
    )
