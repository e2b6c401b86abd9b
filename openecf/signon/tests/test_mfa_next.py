"""Once a new authenticator app works, the person returns to where they were going (``next``)."""

from __future__ import annotations

import pytest

from openecf.signon.models import AppEnrolment
from openecf.signon.tests.factories import code_now
from openecf.signon.tests.test_mfa_enrolment import emailed_code, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def me(public_user, signed_in, frozen):
    return signed_in(public_user)


def add_app(me, public_user, capture):
    start(me, capture)
    me.post("/account/mfa/add/email/", {"code": emailed_code()})
    secret = AppEnrolment.objects.get(account=public_user).secret
    return me.post("/account/mfa/add/activate/", {"name": "Phone", "code": code_now(secret)})


def test_adding_an_app_returns_to_next(me, public_user, django_capture_on_commit_callbacks):
    page = me.get("/account/mfa/?next=/mowd/file/").content.decode()
    assert 'href="/mowd/file/">Continue where you were going' in page
    done = add_app(me, public_user, django_capture_on_commit_callbacks)
    assert done["Location"] == "/mowd/file/"
    # Followed once: the next app added stays on the MFA page.
    assert "openecf_after_mfa" not in me.cookies or not me.cookies["openecf_after_mfa"].value


def test_without_next_the_mfa_page_offers_the_courts(me):
    page = me.get("/account/mfa/").content.decode()
    assert 'href="/account/courts/">Your courts: what each still needs' in page


def test_a_next_pointing_at_another_site_is_not_kept(me):
    response = me.get("/account/mfa/?next=//evil.example/")
    assert "openecf_after_mfa" not in response.cookies
