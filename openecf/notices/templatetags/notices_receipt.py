"""``{% load notices_receipt %}``: what the docket's filing receipt shows of notices, with no
Python import of notices there: ``{% service_by_other_means court_id entry_id %}``, the
people the filer must serve by other means, and ``{% filer_free_look court_id caseid
entry_id doc_id account_id %}``, the filer's one free look at the filed document."""

from __future__ import annotations

from django import template

from openecf.notices import facade

register = template.Library()


@register.inclusion_tag("notices/_service_by_other_means.html")
def service_by_other_means(court_id: str, entry_id: int) -> dict:
    return {"people": facade.service_by_other_means(court_id=court_id, entry_id=int(entry_id))}


@register.inclusion_tag("notices/_filer_free_look.html")
def filer_free_look(
    court_id: str, caseid: int, entry_id: int, doc_id: str, account_id: int
) -> dict:
    """The filer's one free look at the filed document: a fresh link each time the receipt
    is shown, none once it was used."""
    link = facade.filer_free_look(
        court_id=court_id,
        caseid=int(caseid),
        entry_id=int(entry_id),
        doc_id=doc_id,
        account_id=int(account_id),
    )
    return {"link": link}
