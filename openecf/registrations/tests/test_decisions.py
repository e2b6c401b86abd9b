"""The clerk's decisions and the person's answer to "needs information"."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail

from openecf.core.models import AuditEvent
from openecf.ecf.models import CourtFeeOwed, FilingPrivilege
from openecf.registrations import actions, errors
from openecf.registrations.tests.factories import RegistrationRequestFactory

pytestmark = pytest.mark.django_db


def decide(clerk, court, registration, decision, message=""):
    return actions.decide_request(
        actor_id=clerk.pk,
        court=court,
        registration_id=registration.pk,
        decision=decision,
        message=message,
    )


def test_approving_an_attorney_admission_grants_the_privilege_and_records_the_fee(
    attorney, clerk, mowd, django_capture_on_commit_callbacks
):
    registration = RegistrationRequestFactory(
        court=mowd, account=attorney, kind="attorney_admission"
    )
    with django_capture_on_commit_callbacks(execute=True):
        decided = decide(clerk, mowd, registration, "approve", "Welcome to the bar.")
    assert (decided.status, decided.court_message, decided.decided_by_id) == (
        "approved",
        "Welcome to the bar.",
        clerk.pk,
    )
    privilege = FilingPrivilege.objects.get(account=attorney, court=mowd)
    assert (privilege.kind, privilege.source, privilege.case_number) == (
        "attorney",
        "approved_request",
        "",
    )
    fee = CourtFeeOwed.objects.get(account=attorney, court=mowd)
    assert (fee.kind, fee.amount, fee.paid_at, fee.reference) == (
        "attorney_admission",
        Decimal("199.00"),
        None,
        f"registration:{registration.pk}",
    )
    attorney.refresh_from_db()
    assert attorney.filer_since is not None
    event = AuditEvent.objects.get(verb="registration.approved")
    assert (event.chain, event.actor_id, event.details["fee"]) == ("mowd", clerk.pk, "199.00")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [attorney.email]
    assert mail.outbox[0].subject == f"{mowd.short_name}: e-file registration request approved"
    assert "Message from the clerk's office: Welcome to the bar." in mail.outbox[0].body
    assert "A court fee of $199.00 (attorney admission) is now owed" in mail.outbox[0].body


def test_approving_pro_hac_vice_grants_it_for_the_case_and_records_its_fee(attorney, clerk, mowd):
    registration = RegistrationRequestFactory(
        court=mowd, account=attorney, kind="pro_hac_vice", case_number="4:25-cv-00417"
    )
    decide(clerk, mowd, registration, "approve")
    privilege = FilingPrivilege.objects.get(account=attorney, court=mowd)
    assert (privilege.kind, privilege.case_number) == ("pro_hac_vice", "4:25-cv-00417")
    fee = CourtFeeOwed.objects.get(account=attorney, court=mowd)
    assert (fee.kind, fee.amount) == ("pro_hac_vice", Decimal("100.00"))


def test_approving_where_the_court_charges_nothing_records_no_fee(public_user, operator, mowb):
    registration = RegistrationRequestFactory(court=mowb, account=public_user, kind="trustee")
    decide(operator, mowb, registration, "approve")
    assert FilingPrivilege.objects.get(account=public_user).kind == "trustee"
    assert CourtFeeOwed.objects.count() == 0


def test_denying_tells_the_person_why(attorney, clerk, mowd, django_capture_on_commit_callbacks):
    registration = RegistrationRequestFactory(court=mowd, account=attorney)
    with django_capture_on_commit_callbacks(execute=True):
        decided = decide(clerk, mowd, registration, "deny", "Not admitted in any state.")
    assert (decided.status, decided.court_message) == ("denied", "Not admitted in any state.")
    assert FilingPrivilege.objects.count() == 0
    assert CourtFeeOwed.objects.count() == 0
    assert mail.outbox[0].subject == f"{mowd.short_name}: e-file registration request denied"
    assert "Message from the clerk's office: Not admitted in any state." in mail.outbox[0].body


def test_asking_for_information_then_answering_resubmits(
    attorney, clerk, mowd, pdf, file_store, django_capture_on_commit_callbacks
):
    registration = RegistrationRequestFactory(court=mowd, account=attorney)
    with django_capture_on_commit_callbacks(execute=True):
        asked = decide(clerk, mowd, registration, "needs_information", "Send your bar card.")
    assert (asked.status, asked.decided_at) == ("needs_information", None)
    assert mail.outbox[0].subject == (
        f"{mowd.short_name}: e-file registration request needs more information"
    )
    assert f"/account/maintenance/requests/{registration.pk}/" in mail.outbox[0].body
    answered = actions.respond_to_request(
        account=attorney,
        registration_id=registration.pk,
        response="Attached my certificate.",
        certificate=actions.Certificate("new.pdf", pdf),
    )
    assert (answered.status, answered.response, answered.certificate_filename) == (
        "submitted",
        "Attached my certificate.",
        "new.pdf",
    )
    assert (file_store / answered.certificate).read_bytes() == pdf
    assert AuditEvent.objects.filter(verb="registration.responded", chain="mowd").count() == 1


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        ("deny", "Write a message for the person: say why the request is denied."),
        (
            "needs_information",
            "Write a message for the person: say what information the court needs.",
        ),
    ],
)
def test_deny_and_needs_information_need_a_message(
    attorney, clerk, mowd, snapshot, decision, message
):
    registration = RegistrationRequestFactory(court=mowd, account=attorney)
    before = snapshot()
    with pytest.raises(errors.RegistrationDetailsMissing) as raised:
        decide(clerk, mowd, registration, decision, "   ")
    assert (raised.value.field, raised.value.message) == ("message", message)
    assert snapshot() == before


@pytest.mark.parametrize("decision", ["approve", "deny", "needs_information"])
def test_a_decided_request_cannot_be_decided_again(attorney, clerk, mowd, snapshot, decision):
    registration = RegistrationRequestFactory(court=mowd, account=attorney, status="approved")
    before = snapshot()
    with pytest.raises(errors.RequestAlreadyDecided) as raised:
        decide(clerk, mowd, registration, decision, "again")
    assert raised.value.message == (f"Request {registration.pk} was already approved.")
    assert snapshot() == before


def test_asking_twice_before_the_person_answers_is_refused(attorney, clerk, mowd, snapshot):
    registration = RegistrationRequestFactory(
        court=mowd, account=attorney, status="needs_information"
    )
    before = snapshot()
    with pytest.raises(errors.RequestAlreadyDecided) as raised:
        decide(clerk, mowd, registration, "needs_information", "And more?")
    assert raised.value.message == (
        f"Request {registration.pk} is waiting for the person's answer: ask again after they "
        "reply, or approve or deny it."
    )
    assert snapshot() == before


def test_a_request_waiting_for_information_may_still_be_denied(attorney, clerk, mowd):
    registration = RegistrationRequestFactory(
        court=mowd, account=attorney, status="needs_information"
    )
    assert decide(clerk, mowd, registration, "deny", "No answer in 30 days.").status == "denied"


def test_an_unknown_decision_is_refused(attorney, clerk, mowd, snapshot):
    registration = RegistrationRequestFactory(court=mowd, account=attorney)
    before = snapshot()
    with pytest.raises(errors.RegistrationDetailsMissing) as raised:
        decide(clerk, mowd, registration, "shrug")
    assert raised.value.message == "Choose approve, deny or needs-information."
    assert snapshot() == before


def test_a_request_of_another_court_is_not_found_by_this_one(attorney, clerk, mowd, mowb, snapshot):
    from openecf.core.errors import NotFound

    registration = RegistrationRequestFactory(court=mowb, account=attorney)
    before = snapshot()
    with pytest.raises(NotFound):
        decide(clerk, mowd, registration, "approve")
    assert snapshot() == before


def test_answering_needs_a_text_and_a_pending_question(attorney, mowd, snapshot):
    waiting = RegistrationRequestFactory(court=mowd, account=attorney, status="needs_information")
    submitted = RegistrationRequestFactory(court=mowd, account=attorney, kind="attorney_admission")
    before = snapshot()
    with pytest.raises(errors.RegistrationDetailsMissing) as raised:
        actions.respond_to_request(account=attorney, registration_id=waiting.pk, response=" ")
    assert raised.value.message == "Write your answer to the court's question."
    with pytest.raises(errors.RequestAlreadyDecided) as raised:
        actions.respond_to_request(account=attorney, registration_id=submitted.pk, response="Hi")
    assert raised.value.message == (
        "This request is not waiting for your answer (its status is Submitted): only a request "
        "the court asked more information about can be answered."
    )
    assert snapshot() == before


def test_an_answer_with_a_bad_certificate_is_refused_and_nothing_is_stored(
    attorney, mowd, snapshot
):
    waiting = RegistrationRequestFactory(court=mowd, account=attorney, status="needs_information")
    before = snapshot()
    with pytest.raises(errors.CertificateNotAcceptable) as raised:
        actions.respond_to_request(
            account=attorney,
            registration_id=waiting.pk,
            response="Here it is",
            certificate=actions.Certificate("c.pdf", b"<html>"),
        )
    assert raised.value.message == (
        "The certificate of good standing must be a PDF file (it does not start with %PDF-)."
    )
    assert snapshot() == before


def test_someone_else_cannot_answer_my_request(attorney, public_user, mowd, snapshot):
    from openecf.core.errors import NotFound

    waiting = RegistrationRequestFactory(court=mowd, account=attorney, status="needs_information")
    before = snapshot()
    with pytest.raises(NotFound):
        actions.respond_to_request(account=public_user, registration_id=waiting.pk, response="x")
    assert snapshot() == before


def test_approving_while_the_same_privilege_is_granted_elsewhere_is_not_a_500(
    attorney, clerk, mowd, monkeypatch, django_capture_on_commit_callbacks
):
    """The privilege appears between grant_privilege's check and its insert (a simulated race)."""
    from openecf.ecf.actions import privileges as ecf_actions

    registration = RegistrationRequestFactory(
        court=mowd, account=attorney, kind="efile_registration"
    )
    original = ecf_actions._live_privilege
    calls = {"count": 0}

    def granted_meanwhile(*args):
        calls["count"] += 1
        if calls["count"] == 1:
            FilingPrivilege.objects.create(
                court=mowd,
                account=attorney,
                kind="attorney",
                source="linked_login",
                granted_at=registration.submitted_at,
            )
            return None
        return original(*args)

    monkeypatch.setattr(ecf_actions, "_live_privilege", granted_meanwhile)
    with django_capture_on_commit_callbacks(execute=True):
        decided = decide(clerk, mowd, registration, "approve")
    assert decided.status == "approved"
    assert calls["count"] == 2
    assert list(FilingPrivilege.objects.values_list("kind", "source")) == [
        ("attorney", "linked_login")
    ]
    assert [m.subject for m in mail.outbox] == [
        f"{mowd.short_name}: e-file registration request approved"
    ]
