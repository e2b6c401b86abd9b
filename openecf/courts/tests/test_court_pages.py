"""The home page's court list, a court's home page and the clerk's settings page."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from openecf.courts.models import Court


@pytest.mark.django_db
def test_home_page_lists_courts_with_status_and_go_live(courts):
    with time_machine.travel(datetime(2026, 11, 25, tzinfo=UTC)):
        page = Client().get("/").content.decode()
    assert '<p data-testid="court-count">201 courts</p>' in page
    assert (
        '<a href="/mowd/">United States District Court for the Western District of Missouri</a>'
        in page
    )
    assert "April 23, 2018 at 12:00 a.m. Central" in page
    assert "July 9, 2018 at 12:00 a.m. Central" in page


@pytest.mark.django_db
def test_home_page_search_narrows_the_list(courts):
    page = Client().get("/", {"q": "missouri", "kind": "bankruptcy"}).content.decode()
    assert '<p data-testid="court-count">2 courts</p>' in page
    assert "/mowb/" in page and "/moeb/" in page and "/mowd/" not in page
    nothing = Client().get("/", {"q": "atlantis"}).content.decode()
    assert "No court matches “atlantis”" in nothing


@pytest.mark.django_db
def test_court_home_page_shows_status_and_clerk_contacts(courts):
    with time_machine.travel(datetime(2026, 11, 25, tzinfo=UTC)):
        page = Client().get("/mowd/").content.decode()
    assert "<h1>United States District Court for the Western District of Missouri</h1>" in page
    assert "uses PACER Central Sign-On since April 23, 2018 at 12:00 a.m. Central" in page
    assert "(573) 636-4015" in page and "jcgen@mow.uscourts.gov" in page
    assert "4 — Western Division (Kansas City)" in page
    assert 'href="/mowd/cgi-bin/login.pl"' in page


@pytest.mark.django_db
def test_court_before_go_live_says_when_it_moves(courts):
    page = Client().get("/ksd/").content.decode()
    assert "This court moves to NextGen CM/ECF and Central Sign-On on" in page


@pytest.mark.django_db
def test_unknown_court_page_is_a_friendly_404(courts):
    response = Client().get("/zzzd/")
    assert response.status_code == 404
    assert "There is no court &#x27;zzzd&#x27;" in response.content.decode()


@pytest.mark.django_db
def test_settings_page_is_only_for_the_courts_clerk(
    attorney, other_court_clerk, public_user, signed_in
):
    for account in (attorney, other_court_clerk, public_user):
        response = signed_in(account).get("/mowd/clerk/settings/")
        assert response.status_code == 404
        assert "W.D. Mo. has no court settings page for you." in response.content.decode()


@pytest.mark.django_db
def test_clerk_schedules_go_live_on_the_settings_page(clerk, signed_in):
    client = signed_in(clerk)
    assert client.get("/mowd/").content.decode().count("/mowd/clerk/settings/") == 1
    response = client.post(
        "/mowd/clerk/settings/",
        {
            "go_live": "2027-02-01",
            "pdf_size_limit_mb": "40",
            "clerk_phone": "x",
            "clerk_email": "",
            "clerk_help_text": "",
            "offices": "4 Western Division (Kansas City)\n2 Central Division",
        },
    )
    assert response.status_code == 302
    court = Court.objects.get(pk="mowd")
    assert court.nextgen_go_live == datetime(2027, 2, 1, 6, 0, tzinfo=UTC)
    assert court.pdf_size_limit_mb == 40
    assert list(court.offices.values_list("number", "name")) == [
        (2, "Central Division"),
        (4, "Western Division (Kansas City)"),
    ]


@pytest.mark.django_db
def test_settings_page_shows_what_to_fix_and_changes_nothing(clerk, signed_in):
    response = signed_in(clerk).post(
        "/mowd/clerk/settings/",
        {
            "go_live": "someday",
            "pdf_size_limit_mb": "0",
            "clerk_phone": "",
            "clerk_email": "",
            "clerk_help_text": "",
            "offices": "Kansas City",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "write the go-live date as YYYY-MM-DD" in page
    assert "The PDF size limit is 1 to 1024 MB (not 0)." in page
    assert "Line 1: start with the office number" in page
    court = Court.objects.get(pk="mowd")
    assert court.pdf_size_limit_mb == 35
    assert court.offices.count() == 5
    assert court.nextgen_go_live == datetime(2018, 4, 23, 5, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_csrf_is_enforced_on_the_settings_form(clerk):
    from openecf.tests_support.signon import sign_in

    client = Client(enforce_csrf_checks=True)
    sign_in(client, clerk)
    response = client.post("/mowd/clerk/settings/", {"pdf_size_limit_mb": "40"})
    assert response.status_code == 403
    assert "Form expired" in response.content.decode()
