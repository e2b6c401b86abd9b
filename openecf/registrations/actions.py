"""The only writes of e-file registration: submit, respond, and the clerk's three decisions.

Each runs in one transaction with one audit row on the court's chain; e-mail goes through the
outbox after commit. A refused request changes nothing and stores no file: a certificate is
checked first, written to storage before the transaction opens (slow I/O stays outside it) and
deleted again if the transaction fails; a certificate it replaces is deleted after commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse

from openecf.accounts import facade as accounts
from openecf.core import audit, clock
from openecf.core.errors import NotFound
from openecf.core.links import absolute
from openecf.core.locks import lock_found
from openecf.core.outbox import queue_letter
from openecf.core.transactions import durable_action
from openecf.courts import queries as court_queries
from openecf.courts.models import Court
from openecf.ecf import facade as ecf
from openecf.registrations import errors, letters, queries, rules
from openecf.registrations.models import RegistrationRequest

if TYPE_CHECKING:
    from openecf.accounts.models import Account


@dataclass(frozen=True)
class Certificate:
    """An uploaded certificate of good standing: its file name and bytes."""

    filename: str
    content: bytes  # the whole file, or only its first bytes when ``size`` is over the limit
    size: int | None = None  # the file's size when ``content`` is not all of it


def _label(kind: str) -> str:
    return RegistrationRequest.Kind(kind).label


def _request_facts(registration: RegistrationRequest, court: Court) -> letters.Request:
    return letters.Request(
        person=registration.account.full_name,
        kind_label=_label(registration.kind),
        case_number=registration.case_number,
        court_name=court.name,
        short_name=court.short_name,
        request_id=registration.pk,
    )


def _check_certificate(court: Court, kind: str, certificate: Certificate | None) -> None:
    if certificate is None:
        if rules.certificate_required(court.kind, kind):
            raise errors.CertificateNotAcceptable(
                f"{court.short_name} asks for a certificate of good standing with this request "
                f"({_label(kind).lower()}): upload it as a PDF.",
                field="certificate",
            )
        return
    if not rules.certificate_allowed(kind):
        raise errors.CertificateNotAcceptable(
            "Only attorney requests take a certificate of good standing: remove the file.",
            field="certificate",
        )
    problem = rules.certificate_problem(
        head=certificate.content[:8],
        size=len(certificate.content) if certificate.size is None else certificate.size,
        limit_mb=court.pdf_size_limit_mb,
    )
    if problem:
        raise errors.CertificateNotAcceptable(problem, field="certificate")


def _store_certificate(court: Court, account_id: int, certificate: Certificate) -> str:
    """Write an already checked certificate to storage (outside any transaction): its name."""
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    name = f"registrations/{court.pk}/{account_id}/certificate-of-good-standing-{stamp}.pdf"
    return default_storage.save(name, ContentFile(certificate.content))


def submit_registration(
    *,
    account: Account,
    court: Court,
    kind: str,
    case_number: str = "",
    bar_number: str = "",
    bar_state: str = "",
    firm_name: str = "",
    remarks: str = "",
    certificate: Certificate | None = None,
    terms_accepted: bool = False,
    link_warning_acknowledged: bool = False,
) -> RegistrationRequest:
    """Send a request for filing privileges at ``court`` (MMA → Maintenance → E-File Registration)."""
    reason = accounts.can_file_or_link(account)
    if reason:
        raise errors.AccountCannotRegister(reason)
    now = clock.now()
    if not court_queries.is_nextgen(court, now):
        raise errors.CourtNotOnNextGen(
            f"{court.short_name} is not on NextGen CM/ECF yet: ask its clerk's office for "
            "e-filing access, or request it here once the court goes live.",
            field="court",
        )
    kind = rules.effective_kind(court.kind, kind)
    if kind not in RegistrationRequest.Kind.values or not rules.is_offered(court.kind, kind):
        offered = ", ".join(
            _label(k).lower() for k in rules.offered_kinds(court.kind, rules.audience_of(kind))
        )
        raise errors.RegistrationTypeNotOffered(
            f"{court.short_name} does not take that kind of request: choose one of {offered}.",
            field="kind",
        )
    if rules.needs_case_number(kind):
        try:
            case_number = rules.normalize_case_number(court.kind, case_number)
        except ValueError as error:
            raise errors.RegistrationDetailsMissing(str(error), field="case_number") from None
    else:
        case_number = ""
    problem = rules.bar_problem(kind, bar_number, bar_state)
    if problem:
        raise errors.RegistrationDetailsMissing(problem[1], field=problem[0])
    if not rules.needs_bar_number(kind):
        bar_number, bar_state = "", ""
    _check_certificate(court, kind, certificate)
    if not terms_accepted:
        raise errors.TermsNotAccepted(
            "Accept the e-filing terms and conditions to submit the request.", field="terms"
        )
    wanted = rules.privilege_kind(kind)
    for privilege in ecf.privileges_of(account_id=account.pk, court_id=court.pk):
        if privilege.kind == wanted and privilege.case_number == case_number:
            raise errors.PrivilegeAlreadyHeld(
                f"You already file at {court.short_name} as {privilege.kind_label.lower()}"
                + (f" in {case_number}" if case_number else "")
                + ": there is nothing to request."
            )
        if kind == rules.PRO_HAC_VICE and privilege.kind == "attorney":
            raise errors.PrivilegeAlreadyHeld(
                f"You are already admitted to file at {court.short_name} as an attorney: "
                "you need no pro hac vice admission there."
            )
    if queries.pending_request(
        account_id=account.pk, court=court, kind=kind, case_number=case_number
    ):
        raise errors.AlreadyRequested(
            f"You already have a pending {_label(kind).lower()} request at {court.short_name}: "
            f"see its status at {reverse('registrations:requests')}."
        )
    if (
        not link_warning_acknowledged
        and not ecf.is_linked(account_id=account.pk, court_id=court.pk)
        and queries.unlinked_logins_like(account, court)
    ):
        raise errors.LinkInstead(
            f"{court.short_name} has a CM/ECF login with your e-mail address. Do not request "
            f"new e-filing access if you already have a CM/ECF account: link it instead at "
            f"{reverse('ecf:link', kwargs={'court_id': court.pk})}. If linking fails, confirm "
            "and send this request.",
            field="link_warning_acknowledged",
        )
    stored = _store_certificate(court, account.pk, certificate) if certificate else ""
    try:
        with durable_action():
            try:
                with transaction.atomic():
                    registration = RegistrationRequest.objects.create(
                        court=court,
                        account=account,
                        kind=kind,
                        case_number=case_number,
                        bar_number=bar_number.strip(),
                        bar_state=bar_state.strip().upper(),
                        firm_name=firm_name.strip()[:200],
                        remarks=remarks.strip(),
                        certificate=stored,
                        certificate_filename=certificate.filename[:200] if certificate else "",
                        terms_accepted_at=now,
                        submitted_at=now,
                        updated_at=now,
                    )
            except IntegrityError:
                raise errors.AlreadyRequested(
                    f"You already have a pending {_label(kind).lower()} request at "
                    f"{court.short_name}: see its status at {reverse('registrations:requests')}."
                ) from None
            audit.record(
                actor_id=account.pk,
                verb="registration.submitted",
                subject=audit.Subject("registration", registration.pk),
                court_id=court.pk,
                details={
                    "account_id": account.pk,
                    "kind": kind,
                    "case_number": case_number,
                    "certificate": bool(certificate),
                },
            )
            queue_letter(
                letters.request_received(
                    _request_facts(registration, court),
                    requests_url=absolute(reverse("registrations:requests")),
                ),
                to=[account.email],
                kind="registrations.submitted",
                court_id=court.pk,
                account_id=account.pk,
            )
    except BaseException:
        if stored:
            default_storage.delete(stored)
        raise
    return registration


def respond_to_request(
    *,
    account: Account,
    registration_id: int,
    response: str,
    certificate: Certificate | None = None,
) -> RegistrationRequest:
    """Answer the court's "needs information" and send the request back to the clerk."""
    response = (response or "").strip()
    registration = _waiting_request(account, registration_id, RegistrationRequest.objects.all())
    court = registration.court
    if not response:
        raise errors.RegistrationDetailsMissing(
            "Write your answer to the court's question.", field="response"
        )
    if certificate is not None:
        _check_certificate(court, registration.kind, certificate)
    stored = _store_certificate(court, account.pk, certificate) if certificate else ""
    try:
        with durable_action():
            # Again under the row lock: the clerk may have decided it meanwhile.
            registration = _waiting_request(
                account, registration_id, RegistrationRequest.objects.select_for_update()
            )
            now = clock.now()
            if stored:
                assert certificate is not None
                if registration.certificate:
                    transaction.on_commit(partial(default_storage.delete, registration.certificate))
                registration.certificate = stored
                registration.certificate_filename = certificate.filename[:200]
            registration.response = response
            registration.status = rules.SUBMITTED
            registration.updated_at = now
            registration.save(
                update_fields=[
                    "response",
                    "status",
                    "updated_at",
                    "certificate",
                    "certificate_filename",
                ]
            )
            audit.record(
                actor_id=account.pk,
                verb="registration.responded",
                subject=audit.Subject("registration", registration.pk),
                court_id=court.pk,
                details={"account_id": account.pk, "new_certificate": bool(certificate)},
            )
    except BaseException:
        if stored:
            default_storage.delete(stored)
        raise
    return registration


def _waiting_request(
    account: Account, registration_id: int, found: QuerySet[RegistrationRequest]
) -> RegistrationRequest:
    """The person's request that waits for their answer, or the refusal saying why not."""
    registration = (
        found.select_related("court").filter(pk=registration_id, account_id=account.pk).first()
    )
    if registration is None:
        raise NotFound(f"There is no e-file registration request {registration_id} of yours.")
    if not rules.may_respond(registration.status):
        raise errors.RequestAlreadyDecided(
            f"This request is not waiting for your answer (its status is "
            f"{registration.get_status_display()}): only a request the court asked more "
            "information about can be answered."
        )
    return registration


_DECISIONS = {
    "approve": rules.APPROVED,
    "deny": rules.DENIED,
    "needs_information": rules.NEEDS_INFORMATION,
}


def decide_request(
    *, actor_id: int, court: Court, registration_id: int, decision: str, message: str = ""
) -> RegistrationRequest:
    """The clerk's office approves, denies or asks for more information, and the person is told.

    Approving grants the filing privilege and, for an attorney admission or pro hac vice at a
    court that charges one, records the court fee as owed, all in the decision's transaction.
    """
    if decision not in _DECISIONS:
        raise errors.RegistrationDetailsMissing(
            "Choose approve, deny or needs-information.", field="decision"
        )
    status = _DECISIONS[decision]
    message = (message or "").strip()
    with durable_action():
        registration = lock_found(
            RegistrationRequest.objects.select_related("account").filter(
                pk=registration_id, court=court
            ),
            missing=f"There is no e-file registration request {registration_id} at {court.pk}.",
        )
        allowed = (
            rules.may_ask_for_information(registration.status)
            if status == rules.NEEDS_INFORMATION
            else rules.may_decide(registration.status)
        )
        if not allowed:
            raise errors.RequestAlreadyDecided(
                f"Request {registration.pk} is waiting for the person's answer: ask again "
                "after they reply, or approve or deny it."
                if registration.status == rules.NEEDS_INFORMATION
                else f"Request {registration.pk} was already "
                f"{registration.get_status_display().lower()}."
            )
        if status != rules.APPROVED and not message:
            raise errors.RegistrationDetailsMissing(
                "Write a message for the person: "
                + (
                    "say why the request is denied."
                    if status == rules.DENIED
                    else "say what information the court needs."
                ),
                field="message",
            )
        now = clock.now()
        person = registration.account
        fee: ecf.FeeOwed | None = None
        if status == rules.APPROVED:
            ecf.grant_privilege(
                actor_id=actor_id,
                court_id=court.pk,
                account_id=person.pk,
                kind=rules.privilege_kind(registration.kind),
                source="approved_request",
                case_number=registration.case_number,
            )
            owed = queries.fee_owed(court.pk, registration.kind)
            if owed is not None:
                fee = ecf.record_fee_owed(
                    court_id=court.pk,
                    account_id=person.pk,
                    kind=owed[0],
                    amount=owed[1],
                    reference=f"registration:{registration.pk}",
                    now=now,
                )
        registration.status = status
        registration.court_message = message
        registration.updated_at = now
        if status != rules.NEEDS_INFORMATION:
            registration.decided_at = now
            registration.decided_by_id = actor_id
        registration.save(
            update_fields=["status", "court_message", "updated_at", "decided_at", "decided_by"]
        )
        audit.record(
            actor_id=actor_id,
            verb=f"registration.{status}",
            subject=audit.Subject("registration", registration.pk),
            court_id=court.pk,
            details={
                "account_id": person.pk,
                "kind": registration.kind,
                "case_number": registration.case_number,
                "message": message,
                "fee": str(fee.amount) if fee else None,
            },
        )
        queue_letter(
            letters.request_decided(
                _request_facts(registration, court),
                status=status,
                message=message,
                fee=(fee.amount, fee.kind_label) if fee else None,
                request_url=absolute(
                    reverse("registrations:request", kwargs={"registration_id": registration.pk})
                ),
            ),
            to=[person.email],
            kind=f"registrations.{status}",
            court_id=court.pk,
            account_id=person.pk,
        )
    return registration
