"""``{% load notices_receipt %}{% service_by_other_means court_id entry_id %}``: the
receipt page's list of people the filer must serve by other means (docket's receipt
template includes it; no Python import of notices is needed there)."""

from __future__ import annotations

from django import template

from openecf.notices import facade

register = template.Library()


@register.inclusion_tag("notices/_service_by_other_means.html")
def service_by_other_means(court_id: str, entry_id: int) -> dict:
    return {"people": facade.service_by_other_means(court_id=court_id, entry_id=int(entry_id))}
