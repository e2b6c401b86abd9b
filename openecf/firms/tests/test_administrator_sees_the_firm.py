"""A firm's administrator finds the firm from Manage My Account and from every page's menu."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_paa_sees_its_firm_on_the_firm_page_of_manage_my_account(
    signed_in, office_manager, firm
):
    page = signed_in(office_manager).get("/firm/invitations/").content.decode()
    assert (
        "Jefferson &amp; Clay LLP</strong>'s PACER Administrative Account: you administer" in page
    )
    assert "not linked to any firm" not in page
    assert 'href="/firm/readiness/"' in page


def test_manage_my_account_and_the_menu_link_the_paa_to_its_firm(signed_in, office_manager, firm):
    me = signed_in(office_manager)
    settings = me.get("/account/").content.decode()
    assert '<a href="/firm/">Your firm (PAA Maintenance)</a>' in settings
    assert 'href="/firm/invitations/"' not in settings
    assert '<a class="usa-nav-link" href="/firm/"><span>Your firm</span></a>' in settings


def test_a_person_outside_any_firm_is_still_told_so(signed_in, attorney):
    page = signed_in(attorney).get("/firm/invitations/").content.decode()
    assert "Your account is not linked to any firm's PACER Administrative Account." in page
    assert "Your firm</span>" not in page


def test_an_address_with_nothing_on_file_says_so(signed_in, office_manager, firm):
    office_manager.street = office_manager.city = office_manager.state = office_manager.zip_code = (
        office_manager.county
    ) = ""
    office_manager.save()
    settings = signed_in(office_manager).get("/account/").content.decode()
    assert "<dt>Address</dt><dd>None on file</dd>" in settings
