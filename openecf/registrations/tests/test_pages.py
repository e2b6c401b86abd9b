"""The person's pages (MMA → Maintenance) and the clerk's queue, without JavaScript."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from openecf.ecf.factories import CourtLoginFactory, FilingPrivilegeFactory
from openecf.ecf.models import FilingPrivilege
from openecf.registrations.models import RegistrationRequest
from openecf.registrations.tests.factories import RegistrationRequestFactory, submit_request
from openecf.tests_support.personas import ONLY_THE_COURTS_CLERKS

pytestmark = pytest.mark.django_db

ATTORNEY_PAGE = "/account/maintenance/efile/attorney/"
NON_ATTORNEY_PAGE = "/account/maintenance/efile/non-attorney/"


def text(response) -> str:
    return response.content.decode()


def test_the_registration_pages_ask_anonymous_visitors_to_sign_in(client, courts):
    for url in (
        ATTORNEY_PAGE,
        NON_ATTORNEY_PAGE,
        "/account/maintenance/requests/",
        "/account/maintenance/courts/",
        "/mowd/clerk/registrations/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=")


def test_the_attorney_form_steps_through_court_kind_court_and_type(signed_in, attorney, courts):
    client = signed_in(attorney)
    first = text(client.get(ATTORNEY_PAGE))
    assert 'data-testid="step-court-kind"' in first
    assert 'value="district"' in first
    second = text(client.get(ATTORNEY_PAGE, {"court_kind": "district"}))
    assert 'data-testid="step-court"' in second
    assert '<option value="mowd">' in second
    assert '<option value="ksd">' not in second  # not on NextGen yet
    third = text(client.get(ATTORNEY_PAGE, {"court": "mowd"}))
    assert 'data-testid="step-kind"' in third
    assert 'value="attorney_admission"' in third and 'value="pro_hac_vice"' in third
    assert 'value="pro_se"' not in third
    fourth = text(client.get(ATTORNEY_PAGE, {"court": "mowd", "kind": "pro_hac_vice"}))
    assert 'data-testid="step-details"' in fourth
    assert 'name="case_number"' in fourth and 'name="certificate"' in fourth
    assert 'name="terms"' in fourth
    assert "a court fee of <strong>$100.00</strong>" in fourth


def test_the_non_attorney_form_offers_bankruptcy_roles(signed_in, public_user, courts):
    client = signed_in(public_user)
    page = text(client.get(NON_ATTORNEY_PAGE, {"court": "mowb"}))
    for kind in ("pro_se", "trustee", "creditor", "filing_agent"):
        assert f'value="{kind}"' in page
    details = text(client.get(NON_ATTORNEY_PAGE, {"court": "mowb", "kind": "creditor"}))
    assert 'name="bar_number"' not in details and 'name="certificate"' not in details


def pro_hac_vice_form(certificate: SimpleUploadedFile) -> dict:
    """The attorney form filled in for pro hac vice at mowd, with ``certificate`` attached."""
    return {
        "court": "mowd",
        "kind": "pro_hac_vice",
        "case_number": "4:25-cv-00417",
        "bar_number": "KS-21987",
        "bar_state": "KS",
        "certificate": certificate,
        "terms": "on",
    }


def test_submitting_the_form_sends_the_request(
    signed_in, attorney, mowd, pdf, django_capture_on_commit_callbacks
):
    client = signed_in(attorney)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ATTORNEY_PAGE,
            pro_hac_vice_form(SimpleUploadedFile("gs.pdf", pdf, "application/pdf")),
        )
    registration = RegistrationRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/account/maintenance/requests/{registration.pk}/"
    assert (registration.kind, registration.case_number, registration.certificate_filename) == (
        "pro_hac_vice",
        "4:25-cv-00417",
        "gs.pdf",
    )
    assert len(mail.outbox) == 1


def test_a_refused_form_shows_the_reason_and_changes_nothing(signed_in, attorney, mowd, snapshot):
    client = signed_in(attorney)
    before = snapshot()
    response = client.post(
        ATTORNEY_PAGE, pro_hac_vice_form(SimpleUploadedFile("gs.pdf", b"GIF89a", "image/gif"))
    )
    assert response.status_code == 400
    assert (
        "The certificate of good standing must be a PDF file (it does not start with %PDF-)."
        in text(response)
    )
    assert 'role="alert"' in text(response)
    assert snapshot() == before


def test_a_legacy_account_is_told_to_upgrade_first(signed_in, legacy_attorney, courts):
    page = text(signed_in(legacy_attorney).get(ATTORNEY_PAGE))
    assert 'data-testid="refusal"' in page
    assert "This is a Legacy PACER Account: upgrade it in Manage My Account" in page
    assert 'data-testid="step-court-kind"' not in page


def test_a_court_login_with_my_e_mail_is_pointed_out_before_i_submit(signed_in, attorney, mowb):
    CourtLoginFactory(court=mowb, email=attorney.email)
    page = text(
        signed_in(attorney).get(ATTORNEY_PAGE, {"court": "mowb", "kind": "efile_registration"})
    )
    assert 'data-testid="link-instead"' in page
    assert 'href="/mowb/utilities/link/"' in page
    assert 'name="link_warning_acknowledged"' in page


def test_my_requests_show_status_and_the_court_message(signed_in, attorney, public_user, mowd):
    mine = RegistrationRequestFactory(
        court=mowd, account=attorney, status="needs_information", court_message="Send bar card."
    )
    theirs = RegistrationRequestFactory(court=mowd, account=public_user, kind="pro_se")
    page = text(signed_in(attorney).get("/account/maintenance/requests/"))
    assert f'data-testid="status-{mine.pk}">Needs information<' in page
    assert "Send bar card." in page
    assert f'data-testid="status-{theirs.pk}"' not in page


def test_i_answer_needs_information_on_the_request_page(signed_in, attorney, mowd):
    mine = RegistrationRequestFactory(court=mowd, account=attorney, status="needs_information")
    client = signed_in(attorney)
    page = text(client.get(f"/account/maintenance/requests/{mine.pk}/"))
    assert 'name="response"' in page
    response = client.post(f"/account/maintenance/requests/{mine.pk}/", {"response": "Done."})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.response) == ("submitted", "Done.")


@pytest.mark.parametrize(
    ("status", "answer", "refused_with", "message"),
    [
        # An empty answer to the court's question.
        ("needs_information", "", 400, "Write your answer to the court&#x27;s question."),
        # An answer to a request that asks nothing.
        (
            "approved",
            "Hi",
            409,
            "This request is not waiting for your answer (its status is Approved).",
        ),
    ],
)
def test_a_refused_answer_is_shown_on_the_page_and_changes_nothing(
    signed_in, attorney, mowd, snapshot, status, answer, refused_with, message
):
    mine = RegistrationRequestFactory(court=mowd, account=attorney, status=status)
    client = signed_in(attorney)
    before = snapshot()
    response = client.post(f"/account/maintenance/requests/{mine.pk}/", {"response": answer})
    assert response.status_code == refused_with
    assert message in text(response)
    assert snapshot() == before


def test_someone_elses_request_page_is_not_found(signed_in, attorney, public_user, mowd):
    theirs = RegistrationRequestFactory(court=mowd, account=public_user)
    client = signed_in(attorney)
    assert client.get(f"/account/maintenance/requests/{theirs.pk}/").status_code == 404
    assert client.get(f"/account/maintenance/requests/{theirs.pk}/certificate/").status_code == 404


def test_registered_courts_lists_privileges_and_linked_logins(signed_in, attorney, mowd, mowb):
    FilingPrivilegeFactory(
        court=mowd, account=attorney, kind="pro_hac_vice", case_number="4:25-cv-00417"
    )
    CourtLoginFactory(
        court=mowb, login="aatty", linked_account=attorney, linked_at=mowb.nextgen_go_live
    )
    page = text(signed_in(attorney).get("/account/maintenance/courts/"))
    assert "Attorney (pro hac vice), case 4:25-cv-00417" in page
    assert "aatty" in page
    assert "Bankruptcy court" in page and "District court" in page


def test_the_court_filing_check_link_opens_the_attorney_form(client, courts):
    response = client.get("/account/efile/", {"court": "mowd"})
    assert (response.status_code, response["Location"]) == (302, ATTORNEY_PAGE + "?court=mowd")


@pytest.mark.parametrize(("persona", "status"), ONLY_THE_COURTS_CLERKS)
def test_only_the_courts_clerks_see_its_queue(request, signed_in, mowd, persona, status):
    person = request.getfixturevalue(persona)
    applicant = request.getfixturevalue("legacy_attorney")
    pending = RegistrationRequestFactory(court=mowd, account=applicant, certificate="x.pdf")
    client = signed_in(person)
    queue = client.get("/mowd/clerk/registrations/")
    detail = client.get(f"/mowd/clerk/registrations/{pending.pk}/")
    decide = client.post(f"/mowd/clerk/registrations/{pending.pk}/", {"decision": "approve"})
    assert (queue.status_code, detail.status_code) == (status, status)
    if status == 200:
        assert f'href="/mowd/clerk/registrations/{pending.pk}/"' in text(queue)
        assert 'data-testid="certificate"' in text(detail)
        assert decide.status_code == 302
    else:
        assert decide.status_code == 404
        pending.refresh_from_db()
        assert pending.status == "submitted"
        assert FilingPrivilege.objects.count() == 0


def test_the_clerk_approves_from_the_page(
    signed_in, clerk, attorney, mowd, django_capture_on_commit_callbacks
):
    pending = RegistrationRequestFactory(court=mowd, account=attorney)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(clerk).post(
            f"/mowd/clerk/registrations/{pending.pk}/", {"decision": "approve", "message": ""}
        )
    assert (response.status_code, response["Location"]) == (302, "/mowd/clerk/registrations/")
    pending.refresh_from_db()
    assert pending.status == "approved"
    assert FilingPrivilege.objects.get().account_id == attorney.pk
    assert mail.outbox[0].to == [attorney.email]


def test_a_denial_without_a_message_is_refused_on_the_page(
    signed_in, clerk, attorney, mowd, snapshot
):
    pending = RegistrationRequestFactory(court=mowd, account=attorney)
    client = signed_in(clerk)
    before = snapshot()
    response = client.post(
        f"/mowd/clerk/registrations/{pending.pk}/", {"decision": "deny", "message": ""}
    )
    assert response.status_code == 400
    assert "Write a message for the person: say why the request is denied." in text(response)
    assert snapshot() == before


def test_the_queue_shows_pending_requests_oldest_first(
    signed_in, clerk, attorney, public_user, mowd
):
    from datetime import UTC, datetime

    newer = RegistrationRequestFactory(
        court=mowd, account=attorney, submitted_at=datetime(2026, 2, 1, tzinfo=UTC)
    )
    older = RegistrationRequestFactory(
        court=mowd,
        account=public_user,
        kind="pro_se",
        submitted_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    done = RegistrationRequestFactory(
        court=mowd, account=attorney, kind="attorney_admission", status="denied"
    )
    page = text(signed_in(clerk).get("/mowd/clerk/registrations/"))
    assert page.index(f"/registrations/{older.pk}/") < page.index(f"/registrations/{newer.pk}/")
    assert f"/registrations/{done.pk}/" not in page
    everything = text(signed_in(clerk).get("/mowd/clerk/registrations/", {"status": "all"}))
    assert f"/registrations/{done.pk}/" in everything


def test_the_certificate_opens_for_its_owner_and_the_clerk_only(
    signed_in, attorney, clerk, other_court_clerk, mowd, pdf
):
    from openecf.registrations import actions

    registration = submit_request(attorney, mowd, certificate=actions.Certificate("gs.pdf", pdf))
    own = signed_in(attorney).get(f"/account/maintenance/requests/{registration.pk}/certificate/")
    assert own.status_code == 200
    assert own["Content-Type"] == "application/pdf"
    assert b"".join(own.streaming_content) == pdf
    by_clerk = signed_in(clerk).get(f"/mowd/clerk/registrations/{registration.pk}/certificate/")
    assert b"".join(by_clerk.streaming_content) == pdf
    assert (
        signed_in(other_court_clerk)
        .get(f"/mowd/clerk/registrations/{registration.pk}/certificate/")
        .status_code
        == 404
    )


def test_the_clerk_sees_times_in_the_courts_zone(signed_in, clerk, attorney, mowd):
    pending = RegistrationRequestFactory(court=mowd, account=attorney)  # 2026-01-05 00:00 UTC
    page = text(signed_in(clerk).get(f"/mowd/clerk/registrations/{pending.pk}/"))
    assert "<dt>Submitted</dt><dd>January 4, 2026, 6 p.m. CST</dd>" in page


def test_a_decision_must_be_chosen(signed_in, clerk, attorney, mowd, snapshot):
    pending = RegistrationRequestFactory(court=mowd, account=attorney)
    client = signed_in(clerk)
    before = snapshot()
    response = client.post(f"/mowd/clerk/registrations/{pending.pk}/", {"message": "ok"})
    assert response.status_code == 400
    assert "Choose approve, deny or ask for more information." in text(response)
    assert snapshot() == before
