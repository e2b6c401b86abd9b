"""The filing menus and the clerk's menu lead to the opening pages, never to a 404."""

from __future__ import annotations

import re

import pytest

from openecf.courts.models import Court
from openecf.docket.tests.conftest import make_filer
from openecf.tests_support import factories
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db


def _menu_links(client, court_id: str) -> list[str]:
    """The links of the filing menus (the court's own filing pages)."""
    page = client.get(f"/{court_id}/file/")
    assert page.status_code == 200, page.content.decode()[:2000]
    menus = page.content.decode().split('data-testid="filing-menus"', 1)[1]
    return [
        link
        for link in re.findall(r'href="([^"]+)"', menus)
        if link.startswith(f"/{court_id}/file/")
    ]


@pytest.mark.parametrize(
    ("court_id", "expected"),
    [
        ("mowd", {"/mowd/file/case/?kind=cv", "/mowd/file/entry/"}),
        ("mowb", {"/mowb/file/case/?kind=bk", "/mowb/file/case/?kind=ap", "/mowb/file/entry/"}),
        ("ca8", {"/ca8/file/entry/"}),
    ],
)
def test_each_filing_menu_link_opens_a_page(client, courts, court_id, expected):
    filer = make_filer(Court.objects.get(pk=court_id))
    sign_in(client, filer, redaction_acknowledged=True)
    links = _menu_links(client, court_id)
    assert set(links) == expected
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_clerks_menu_offers_opening_a_case(client, mowd):
    clerk = factories.court_staff(mowd, role="clerk", first_name="Carl", last_name="Clerk")
    sign_in(client, clerk)
    page = client.get("/mowd/clerk/events/").content.decode()
    assert 'href="/mowd/file/case/" data-testid="clerk-menu-open-case"' in page
    opening = client.get("/mowd/file/case/").content.decode()
    for kind in ("civil case", "criminal case", "miscellaneous case"):
        assert f"Open a {kind}" in opening
