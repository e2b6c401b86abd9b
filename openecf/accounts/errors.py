"""Refusals of PACER account actions, in the account holder's words."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError, NotFound, PermissionDenied


class UsernameTaken(Conflict, code="username_taken"): ...


class AccountMayAlreadyExist(Conflict, code="account_may_already_exist"):
    """Two of name, date of birth and e-mail match an existing account: warn, allow continue."""


class LinkNotValid(DomainError, code="link_not_valid"): ...


class DateOfBirthIsPermanent(DomainError, code="date_of_birth_permanent"): ...


class LegacyAccountMustUpgrade(PermissionDenied, code="legacy_account_must_upgrade"): ...


class AlreadyUpgraded(Conflict, code="already_upgraded"): ...


class WrongPassword(DomainError, code="wrong_password"): ...


class AccountNotFound(NotFound): ...
