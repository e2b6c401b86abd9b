"""The one court header: ``{% court_header court %}`` on every court page (public, filer, clerk).

It is fed by the person's ``Standing`` at the court (computed once per request) and, for people
who could file, by the filing check: the court's menus, File when the person may file here, and
the clerk's office menu for that court's clerks (and the operator).
"""

from __future__ import annotations

from django import template

from openecf.courts.access import standing_of
from openecf.courts.models import Court
from openecf.ecf import facade as ecf

register = template.Library()


@register.inclusion_tag("web/court_header.html", takes_context=True)
def court_header(context: template.Context, court: Court) -> dict:
    request = context["request"]
    standing = standing_of(request, court)
    return {
        "court": court,
        "standing": standing,
        "may_file": ecf.may_file_here(request, court),
    }
