"""The docket's JSON shapes (django-ninja), shared by its API endpoints."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ninja import Schema


class EventOut(Schema):
    code: str
    name: str
    category: str
    fee: Decimal | None  # the court's current amount in dollars; null: no fee
    needs_link: bool
    filers: Literal["filers", "court"]
    fee_kind: str | None
    asks_against: bool
    may_be_sealed: bool
    text_only: bool
    ends_case: bool
    checks_minors: bool
    opens_case: bool


class EventList(Schema):
    events: list[EventOut]
