"""After sign-in (no page asked for) people land where their work is."""

import pytest
from django.utils import timezone

from openecf.core.models import AuditEvent
from openecf.ecf.factories import CourtLoginFactory, FilingPrivilegeFactory
from openecf.signon.models import AuthenticatorApp
from openecf.tests_support import factories
from openecf.tests_support.factories import DEFAULT_PASSWORD
from openecf.tests_support.signon import assert_asks_to_sign_in

pytestmark = pytest.mark.django_db


def test_signing_in_without_a_next_page_goes_to_the_landing(client, public_user):
    response = client.post(
        "/login/", {"username": public_user.username, "password": DEFAULT_PASSWORD}
    )
    assert response["Location"] == "/start/"


def test_an_attorney_lands_on_their_courts(signed_in, attorney):
    assert signed_in(attorney).get("/start/")["Location"] == "/account/courts/"


def test_a_legacy_attorney_lands_on_their_courts_told_to_upgrade_first(
    signed_in, legacy_attorney, mowd
):
    me = signed_in(legacy_attorney)
    assert me.get("/start/")["Location"] == "/account/courts/"
    page = me.get("/account/courts/").content.decode()
    assert "Your next step" in page
    assert 'href="/account/upgrade/?next=/account/courts/">Upgrade your PACER account' in page


def test_the_office_manager_lands_on_the_firms_readiness_page(signed_in, office_manager):
    assert signed_in(office_manager).get("/start/")["Location"] == "/firm/readiness/"


def test_a_paa_whose_firm_is_gone_lands_on_manage_my_account(signed_in):
    from openecf.firms.factories import PaaFactory

    assert signed_in(PaaFactory()).get("/start/")["Location"] == "/account/"


def test_a_clerk_lands_on_the_clerks_office_menu_of_their_court(signed_in, clerk):
    me = signed_in(clerk)
    assert me.get("/start/")["Location"] == "/mowd/clerk/"
    page = me.get("/mowd/clerk/").content.decode()
    for link in (
        "/mowd/clerk/settings/",
        "/mowd/clerk/logins/",
        "/mowd/clerk/registrations/",
        "/mowd/clerk/notices/",
    ):
        assert f'href="{link}"' in page


def test_the_clerks_office_menu_is_not_for_others(signed_in, other_court_clerk, attorney, mowd):
    # Not yours looks like missing (decision record 0005).
    refused = signed_in(other_court_clerk).get("/mowd/clerk/")
    assert refused.status_code == 404
    assert "has no clerk&#x27;s office menu for you." in refused.content.decode()
    assert signed_in(attorney).get("/mowd/clerk/").status_code == 404


def test_a_member_of_the_public_lands_on_the_case_locator(signed_in, public_user, courts):
    me = signed_in(public_user)
    response = me.get("/start/", follow=True)
    assert response.redirect_chain == [("/locator/", 302)]
    assert "not built yet" not in response.content.decode()


def test_a_judge_lands_on_their_cases(signed_in, judge):
    me = signed_in(judge)
    assert me.get("/start/")["Location"] == "/account/cases/"
    assert "no case is assigned to you" in me.get("/account/cases/").content.decode()


def test_a_legacy_member_of_the_public_is_told_to_upgrade_on_landing(signed_in, courts):
    legacy = factories.LegacyAccountFactory(purpose="case_search")
    page = signed_in(legacy).get("/start/", follow=True).content.decode()
    assert "Your PACER account is a Legacy account: upgrade it" in page


def test_landing_needs_sign_in(db):
    assert_asks_to_sign_in("/start/")


def test_your_courts_lists_each_court_with_what_it_still_needs(signed_in, attorney, courts):
    from openecf.courts.models import Court

    mowd, ksd = Court.objects.get(pk="mowd"), Court.objects.get(pk="ksd")
    FilingPrivilegeFactory(account=attorney, court=mowd)
    AuthenticatorApp.objects.create(
        account=attorney, name="Phone", secret="JBSWY3DPEHPK3PXP", created_at=timezone.now()
    )
    CourtLoginFactory(court=ksd, email=attorney.email)  # theirs to link once ksd is live
    me = signed_in(attorney)
    events = AuditEvent.objects.count()
    page = me.get("/account/courts/").content.decode()
    assert 'data-court="mowd"' in page and 'data-court="ksd"' in page
    assert "You may file here." in page  # mowd: a privilege and MFA
    assert "is not on NextGen CM/ECF yet: file with your CM/ECF login" in page  # ksd
    assert AuditEvent.objects.count() == events  # a read: nothing written


def test_your_courts_without_any_court_says_how_to_get_one(signed_in, attorney, courts):
    page = signed_in(attorney).get("/account/courts/").content.decode()
    assert "You have no court yet" in page
    assert 'href="/account/efile/"' in page
