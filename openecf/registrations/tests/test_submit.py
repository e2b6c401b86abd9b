"""Submitting an e-file registration request, and every way it is refused."""

from __future__ import annotations

import pytest
from django.core import mail

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.ecf.factories import CourtLoginFactory, FilingPrivilegeFactory
from openecf.registrations import actions, errors
from openecf.registrations.models import RegistrationRequest
from openecf.registrations.tests.factories import RegistrationRequestFactory, submit_request
from openecf.tests_support.factories import AccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(pdf):
    return actions.Certificate("c.pdf", pdf)


@pytest.fixture
def refused(snapshot):
    """Submit, expecting a refusal: assert that nothing changed and return the refusal."""

    def refused(error: type[Exception], account, court, **overrides):
        before = snapshot()
        with pytest.raises(error) as raised:
            submit_request(account, court, **overrides)
        assert snapshot() == before
        return raised.value

    return refused


def test_a_pro_hac_vice_request_is_stored_with_its_certificate_and_the_person_is_told(
    attorney, mowd, pdf, file_store, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = submit_request(
            attorney, mowd, certificate=actions.Certificate("good-standing.pdf", pdf)
        )
    registration.refresh_from_db()
    assert registration.status == "submitted"
    assert registration.kind == "pro_hac_vice"
    assert registration.case_number == "4:25-cv-00417"
    assert registration.bar_state == "KS"
    assert registration.certificate_filename == "good-standing.pdf"
    assert registration.certificate.startswith(f"registrations/mowd/{attorney.pk}/")
    assert (file_store / registration.certificate).read_bytes() == pdf
    event = AuditEvent.objects.get(verb="registration.submitted")
    assert (event.chain, event.actor_id, event.subject) == (
        "mowd",
        attorney.pk,
        f"registration:{registration.pk}",
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [attorney.email]
    assert mail.outbox[0].subject == f"{mowd.short_name}: e-file registration request received"
    assert "pro hac vice request for case 4:25-cv-00417" in mail.outbox[0].body


def test_a_bankruptcy_attorney_admission_is_filed_as_e_file_registration(attorney, mowb):
    registration = submit_request(attorney, mowb, kind="attorney_admission", case_number="")
    assert registration.kind == "efile_registration"
    assert registration.certificate == ""


def test_a_non_attorney_request_keeps_no_bar_number(public_user, mowb):
    registration = submit_request(
        public_user, mowb, kind="trustee", bar_number="X1", case_number="1"
    )
    assert (registration.kind, registration.bar_number, registration.case_number) == (
        "trustee",
        "",
        "",
    )


@pytest.mark.parametrize(
    ("make_account", "message"),
    [
        (
            lambda: AccountFactory(kind="shared"),
            "A shared PACER account (used by more than one person) can search but can never "
            "file or link a court login. Each filer needs an individual, upgraded PACER account.",
        ),
        (
            lambda: AccountFactory(kind="administrative"),
            "A PACER Administrative Account cannot search, file or link a court login. "
            "Sign in with your individual PACER account.",
        ),
        (
            lambda: AccountFactory(is_upgraded=False),
            "This is a Legacy PACER Account: upgrade it in Manage My Account "
            "(/account/upgrade/) before filing or linking a court login.",
        ),
    ],
)
def test_only_an_upgraded_individual_account_may_request(
    mowd, certificate, refused, make_account, message
):
    account = make_account()
    refusal = refused(errors.AccountCannotRegister, account, mowd, certificate=certificate)
    assert refusal.message == message
    assert refusal.status == 403


def test_a_court_not_yet_on_nextgen_takes_no_central_request(attorney, ksd, refused):
    refusal = refused(
        errors.CourtNotOnNextGen, attorney, ksd, kind="efile_registration", case_number=""
    )
    assert refusal.message == (
        f"{ksd.short_name} is not on NextGen CM/ECF yet: ask its clerk's office for "
        "e-filing access, or request it here once the court goes live."
    )


@pytest.mark.parametrize(
    ("court_id", "kind", "message"),
    [
        (
            "mowd",
            "trustee",
            "{court} does not take that kind of request: choose one of pro se filer, filing agent.",
        ),
        (
            "ca8",
            "pro_hac_vice",
            "{court} does not take that kind of request: choose one of attorney admission, "
            "e-file registration (attorney already admitted).",
        ),
        (
            "mowd",
            "judge",
            "{court} does not take that kind of request: choose one of pro se filer, filing agent.",
        ),
    ],
)
def test_a_type_the_court_does_not_offer_is_refused(
    attorney, courts, refused, court_id, kind, message
):
    from openecf.courts.models import Court

    court = Court.objects.get(pk=court_id)
    refusal = refused(errors.RegistrationTypeNotOffered, attorney, court, kind=kind)
    assert refusal.message == message.format(court=court.short_name)
    assert refusal.field == "kind"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"case_number": ""},
            "case_number",
            "Enter the case number you are asking to appear in (pro hac vice), like 2:24-cv-01234.",
        ),
        (
            {"case_number": "25-417"},
            "case_number",
            "'25-417' is not a case number at this court: write it like 2:24-cv-01234.",
        ),
        (
            {"bar_number": ""},
            "bar_number",
            "Enter your bar number (the one on your certificate of good standing).",
        ),
        (
            {"bar_state": ""},
            "bar_state",
            "Choose the state (two letters, e.g. MO) where you are admitted.",
        ),
    ],
)
def test_missing_filer_information_is_refused(
    attorney, mowd, certificate, refused, overrides, field, message
):
    refusal = refused(
        errors.RegistrationDetailsMissing, attorney, mowd, certificate=certificate, **overrides
    )
    assert (refusal.field, refusal.message) == (field, message)


def test_a_missing_certificate_is_refused_where_the_court_asks_for_one(attorney, mowd, refused):
    refusal = refused(
        errors.CertificateNotAcceptable, attorney, mowd, kind="attorney_admission", case_number=""
    )
    assert refusal.message == (
        f"{mowd.short_name} asks for a certificate of good standing with this request "
        "(attorney admission): upload it as a PDF."
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"GIF89a not a pdf",
            "The certificate of good standing must be a PDF file (it does not start with %PDF-).",
        ),
        (b"", "The certificate of good standing file is empty: upload the PDF again."),
    ],
)
def test_a_certificate_that_is_not_a_pdf_is_refused_and_not_stored(
    attorney, mowd, refused, content, message
):
    refusal = refused(
        errors.CertificateNotAcceptable,
        attorney,
        mowd,
        certificate=actions.Certificate("c.pdf", content),
    )
    assert refusal.message == message


def test_a_certificate_over_the_court_limit_is_refused(attorney, mowd, pdf, refused):
    mowd.pdf_size_limit_mb = 1
    mowd.save()
    refusal = refused(
        errors.CertificateNotAcceptable,
        attorney,
        mowd,
        certificate=actions.Certificate("c.pdf", pdf, size=1024 * 1024 + 1),
    )
    assert refusal.message == (
        "The certificate of good standing is larger than this court's limit of 1 MB: "
        "upload a smaller PDF."
    )


def test_a_non_attorney_request_takes_no_certificate(public_user, mowd, certificate, refused):
    refusal = refused(
        errors.CertificateNotAcceptable, public_user, mowd, kind="pro_se", certificate=certificate
    )
    assert refusal.message == (
        "Only attorney requests take a certificate of good standing: remove the file."
    )


def test_the_terms_must_be_accepted(attorney, mowd, certificate, refused):
    refusal = refused(
        errors.TermsNotAccepted, attorney, mowd, terms_accepted=False, certificate=certificate
    )
    assert refusal.message == "Accept the e-filing terms and conditions to submit the request."


def test_a_second_pending_request_for_the_same_court_and_type_is_refused(
    attorney, mowd, certificate, refused
):
    RegistrationRequestFactory(
        court=mowd, account=attorney, kind="pro_hac_vice", case_number="4:25-cv-00417"
    )
    refusal = refused(errors.AlreadyRequested, attorney, mowd, certificate=certificate)
    assert refusal.message == (
        f"You already have a pending pro hac vice request at {mowd.short_name}: "
        "see its status at /account/maintenance/requests/."
    )


def test_pro_hac_vice_in_another_case_or_after_a_denial_may_be_requested(attorney, mowd, pdf):
    RegistrationRequestFactory(
        court=mowd, account=attorney, kind="pro_hac_vice", case_number="4:25-cv-00417"
    )
    RegistrationRequestFactory(
        court=mowd,
        account=attorney,
        kind="pro_hac_vice",
        case_number="4:25-cv-00999",
        status="denied",
    )
    other = submit_request(
        attorney, mowd, case_number="4:25-cv-00999", certificate=actions.Certificate("c.pdf", pdf)
    )
    assert other.status == "submitted"
    assert RegistrationRequest.objects.filter(account=attorney).count() == 3


def test_a_privilege_already_held_is_refused(attorney, mowd, refused):
    FilingPrivilegeFactory(court=mowd, account=attorney, kind="attorney")
    refusal = refused(
        errors.PrivilegeAlreadyHeld, attorney, mowd, kind="efile_registration", case_number=""
    )
    assert refusal.message == (
        f"You already file at {mowd.short_name} as attorney: there is nothing to request."
    )


def test_an_admitted_attorney_needs_no_pro_hac_vice(attorney, mowd, certificate, refused):
    FilingPrivilegeFactory(court=mowd, account=attorney, kind="attorney")
    refusal = refused(errors.PrivilegeAlreadyHeld, attorney, mowd, certificate=certificate)
    assert refusal.message == (
        f"You are already admitted to file at {mowd.short_name} as an attorney: "
        "you need no pro hac vice admission there."
    )


def test_a_court_login_with_the_same_e_mail_means_link_instead(attorney, mowb, refused):
    CourtLoginFactory(court=mowb, email=attorney.email.upper())
    refusal = refused(errors.LinkInstead, attorney, mowb, kind="efile_registration", case_number="")
    assert refusal.message == (
        f"{mowb.short_name} has a CM/ECF login with your e-mail address. Do not request new "
        "e-filing access if you already have a CM/ECF account: link it instead at "
        "/mowb/utilities/link/. If linking fails, confirm and send this request."
    )
    assert refusal.status == 409


def test_after_confirming_that_linking_failed_the_request_goes_through(attorney, mowb):
    CourtLoginFactory(court=mowb, email=attorney.email)
    registration = submit_request(
        attorney,
        mowb,
        kind="efile_registration",
        case_number="",
        link_warning_acknowledged=True,
    )
    assert registration.status == "submitted"


def test_a_linked_disabled_or_other_address_login_does_not_warn(attorney, public_user, mowb):
    CourtLoginFactory(court=mowb, email=attorney.email, is_disabled=True)
    CourtLoginFactory(court=mowb, email="someone.else@example.com")
    assert submit_request(attorney, mowb, kind="efile_registration", case_number="").pk


def test_a_failure_after_the_file_is_stored_removes_it(
    attorney, mowd, pdf, file_store, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("mail queue down")

    monkeypatch.setattr(actions, "queue_letter", broken)
    with pytest.raises(RuntimeError):
        submit_request(attorney, mowd, certificate=actions.Certificate("c.pdf", pdf))
    assert [p for p in file_store.rglob("*") if p.is_file()] == []
    assert RegistrationRequest.objects.count() == 0
    assert OutboundEmail.objects.count() == 0


def test_a_pending_request_that_appears_meanwhile_is_caught_by_the_constraint(
    attorney, mowd, certificate, refused, monkeypatch
):
    from openecf.registrations import queries

    RegistrationRequestFactory(
        court=mowd, account=attorney, kind="pro_hac_vice", case_number="4:25-cv-00417"
    )
    monkeypatch.setattr(queries, "pending_request", lambda **kwargs: None)  # lost the race
    refusal = refused(errors.AlreadyRequested, attorney, mowd, certificate=certificate)
    assert refusal.message == (
        f"You already have a pending pro hac vice request at {mowd.short_name}: "
        "see its status at /account/maintenance/requests/."
    )
