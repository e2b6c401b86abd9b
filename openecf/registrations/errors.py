"""Refusals of e-file registration, each saying what to do instead."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError, PermissionDenied
from openecf.courts.errors import CourtNotOnNextGen as CourtNotOnNextGen  # one refusal, two apps


class AccountCannotRegister(PermissionDenied, code="account_cannot_register"): ...


class RegistrationTypeNotOffered(DomainError, code="registration_type_not_offered"): ...


class RegistrationDetailsMissing(DomainError, code="registration_details_missing"): ...


class TermsNotAccepted(DomainError, code="terms_not_accepted"): ...


class CertificateNotAcceptable(DomainError, code="certificate_not_acceptable"): ...


class LinkInstead(Conflict, code="link_instead"): ...


class AlreadyRequested(Conflict, code="already_requested"): ...


class PrivilegeAlreadyHeld(Conflict, code="privilege_already_held"): ...


class RequestAlreadyDecided(Conflict, code="request_already_decided"): ...
