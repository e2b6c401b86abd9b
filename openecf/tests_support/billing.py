"""Many accounts with a quarter of PACER charges, written in bulk (the kill test, the bench).

Every fourth account runs up $35.00 (invoiced), the others $3.50 (waived). Rows are written
as ``billing.facade.charge`` writes them, so ``openecf billing check`` holds.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.apps import apps
from django.conf import settings

from openecf.billing.models import AccessCharge, LedgerEntry
from openecf.billing.rules import quarter_bounds

CHUNK = 5000


def seed_quarter(*, accounts: int, quarter: str, first_number: int = 5_000_000) -> list[int]:
    """``accounts`` new accounts, each with two charges in ``quarter``; their ids."""
    account_model = apps.get_model(settings.AUTH_USER_MODEL)
    start, _ = quarter_bounds(quarter)
    at = start + timedelta(days=20)
    now = datetime.now(UTC)
    ids: list[int] = []
    for low in range(0, accounts, CHUNK):
        people = [
            account_model(
                account_number=f"{first_number + n:07d}",
                username=f"seeded{first_number + n}",
                email=f"seeded{first_number + n}@example.com",
                first_name="Seeded",
                last_name=f"Person{n}",
                date_of_birth=date(1980, 5, 17),
                kind="individual",
                purpose="case_search",
                status="active",
                is_upgraded=True,
                created_at=now,
                password_changed_at=now,
                password="!",
            )
            for n in range(low, min(low + CHUNK, accounts))
        ]
        made = account_model.objects.bulk_create(people)
        charges = []
        for person in made:
            big = person.pk % 4 == 0
            for number, (kind, pages, amount) in enumerate(
                [("transcript", 200, "20.00"), ("transcript", 150, "15.00")]
                if big
                else [("document", 30, "3.00"), ("document", 5, "0.50")]
            ):
                charges.append(
                    AccessCharge(
                        view_key=f"seed:{person.pk}:{number}",
                        account_id=person.pk,
                        username=person.username,
                        billed_to_id=person.pk,
                        at=at,
                        quarter=quarter,
                        kind=kind,
                        description="Seeded document",
                        pages=pages,
                        amount=Decimal(amount),
                    )
                )
        AccessCharge.objects.bulk_create(charges)
        LedgerEntry.objects.bulk_create(
            LedgerEntry(
                account_id=c.billed_to_id,
                kind=LedgerEntry.Kind.CHARGE,
                quarter=quarter,
                amount=c.amount,
                at=at,
                recorded_at=at,
                charge=c,
            )
            for c in charges
        )
        ids += [p.pk for p in made]
    return ids
