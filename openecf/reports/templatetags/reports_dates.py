"""CM/ECF's dates in report templates: ``{{ day|mdy }}``, ``{{ moment|court_mdy:zone }}``."""

from __future__ import annotations

from datetime import date, datetime

from django import template

from openecf.core import clock
from openecf.reports import rules

register = template.Library()


@register.filter
def mdy(day: date | None) -> str:
    return rules.mdy(day)


@register.filter
def court_mdy(moment: datetime | None, zone: str) -> str:
    return rules.mdy(clock.in_zone(moment, zone)) if moment is not None else ""
