"""CM/ECF's Reports menu (``DisplayMenu.pl?Reports``) lists the court's reports, each reachable."""

import re

import pytest

pytestmark = pytest.mark.django_db


def menu_links(page: str) -> list[str]:
    menu = page.split('data-testid="reports-menu"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="([^"]+)"', menu)


def test_the_reports_menu_links_every_report_of_the_court(client, mowd):
    response = client.get("/mowd/cgi-bin/DisplayMenu.pl?Reports")
    assert response.status_code == 200
    assert menu_links(response.content.decode()) == [
        "/mowd/cgi-bin/DktRpt.pl",
        "/mowd/cgi-bin/iquery.pl",
        "/mowd/cgi-bin/WrtOpRpt.pl",
        "/mowd/cgi-bin/rss_outside.pl",
        "/locator/",
    ]


def test_each_report_on_the_menu_answers_a_signed_in_member_of_the_public(
    signed_in, public_user, mowd
):
    me = signed_in(public_user)
    for link in menu_links(me.get("/mowd/cgi-bin/DisplayMenu.pl?Reports").content.decode()):
        assert me.get(link).status_code == 200, link


def test_the_court_menus_lead_to_the_reports_menu(client, mowd):
    page = client.get("/mowd/").content.decode()
    assert page.count('href="/mowd/cgi-bin/DisplayMenu.pl?Reports"') == 2  # the bar and the page


def test_displaymenu_query_is_the_case_query(client, mowd):
    response = client.get("/mowd/cgi-bin/DisplayMenu.pl?Query")
    assert response.status_code == 302
    assert response["Location"] == "/mowd/cgi-bin/iquery.pl"


def test_the_menu_of_an_unknown_court_is_missing(client, courts):
    assert client.get("/zzzz/cgi-bin/DisplayMenu.pl?Reports").status_code == 404


def test_the_menu_is_read_only(client, mowd):
    assert client.post("/mowd/cgi-bin/DisplayMenu.pl?Reports").status_code == 405


def test_the_clerks_menu_offers_the_rss_feed_setting(signed_in, clerk):
    page = signed_in(clerk).get("/mowd/").content.decode()
    assert 'href="/mowd/clerk/rss/"' in page
