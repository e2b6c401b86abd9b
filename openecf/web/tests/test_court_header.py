"""One court header on every court page, fed by the person's standing at the court."""

import re

import pytest
from django.test import Client

from openecf.ecf.factories import FilingPrivilegeFactory

COURT_PAGES = [
    "/mowd/",
    "/mowd/utilities/",
    "/mowd/utilities/link/",
    "/mowd/file/",
    "/mowd/cgi-bin/login.pl",
    "/mowd/notices/",
    "/mowd/clerk/settings/",
    "/mowd/clerk/logins/",
    "/mowd/clerk/notices/",
    "/mowd/clerk/registrations/",
    "/mowd/clerk/events/",
    "/mowd/clerk/fees/",
    "/mowd/clerk/exemptions/",
    "/mowd/clerk/notices/lists/",
    "/mowd/utilities/fees/",
]
CLERK_MENU = [
    "/mowd/clerk/settings/",
    "/mowd/clerk/logins/",
    "/mowd/clerk/registrations/",
    "/mowd/clerk/exemptions/",
    "/mowd/clerk/notices/",
    "/mowd/clerk/notices/lists/",
    "/mowd/clerk/rss/",
    "/mowd/file/case/",
    "/mowd/clerk/events/",
    "/mowd/clerk/review/",
    "/mowd/clerk/fees/",
]


def header(response) -> str:
    page = response.content.decode()
    return page[page.index('<header class="usa-header') : page.index("</header>")]


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


@pytest.mark.parametrize("path", COURT_PAGES)
def test_every_court_page_has_the_one_court_header(signed_in, clerk, path):
    response = signed_in(clerk).get(path)
    assert response.status_code in (200, 403), path
    top = header(response)
    assert 'data-testid="court-name">United States District Court for the Western District' in top
    assert "<span>mowd</span>" not in top  # no raw court id as a menu label
    assert top.count("<span>Query</span>") == top.count("<span>Reports</span>") == 1
    assert [link for link in links(top) if link.startswith("/mowd/")] == [
        "/mowd/",
        "/mowd/cgi-bin/iquery.pl",
        "/mowd/cgi-bin/DisplayMenu.pl?Reports",
        "/mowd/utilities/",
        *CLERK_MENU,
    ]


def test_query_and_reports_lead_to_cmecfs_query_and_reports_menu(mowd, signed_in, public_user):
    top = header(Client().get("/mowd/"))
    found = {
        item: re.search(rf'data-testid="court-menu-{item}">(.*?)</li>', top).group(1)
        for item in ("query", "reports")
    }
    assert links(found["query"]) == ["/mowd/cgi-bin/iquery.pl"]
    assert links(found["reports"]) == ["/mowd/cgi-bin/DisplayMenu.pl?Reports"]
    client = signed_in(public_user)
    for path in ("/mowd/cgi-bin/iquery.pl", "/mowd/cgi-bin/DisplayMenu.pl?Reports"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    ("persona", "file", "clerk_menu"),
    [
        (None, False, False),
        ("public_user", False, False),
        ("attorney", False, False),  # no privilege here yet: Utilities says what is missing
        ("filer", True, False),
        ("clerk", False, True),
        ("other_court_clerk", False, False),
        ("operator", False, True),
    ],
)
def test_the_header_offers_file_and_the_clerks_menu_by_standing(
    request, signed_in, mowd, settings, persona, file, clerk_menu
):
    settings.MFA_REQUIRED_FOR_FILERS_FROM = None
    if persona is None:
        client = Client()
    elif persona == "filer":
        attorney = request.getfixturevalue("attorney")
        FilingPrivilegeFactory(court=mowd, account=attorney)
        client = signed_in(attorney, redaction_acknowledged=True)
    else:
        client = signed_in(request.getfixturevalue(persona))
    top = header(client.get("/mowd/"))
    assert ('href="/mowd/file/"' in top) is file
    assert [link for link in links(top) if link in CLERK_MENU] == (CLERK_MENU if clerk_menu else [])
    assert ("Clerk's office" in top) is clerk_menu


def test_a_person_who_only_searches_pays_no_query_for_the_header(
    signed_in, public_user, mowd, django_assert_max_num_queries
):
    client = signed_in(public_user)
    client.get("/mowd/")
    # the session, the court and its divisional offices: nothing for the header
    with django_assert_max_num_queries(4):
        assert client.get("/mowd/").status_code == 200
