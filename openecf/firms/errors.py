"""Why a firm action was refused, in the words of the person who tried it."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError, Throttled


class NoMatchingAccount(DomainError, code="no_matching_account"):
    """Same message for a wrong account number and a wrong last name: nothing is revealed."""

    def __init__(self) -> None:
        super().__init__(
            "No individual PACER account matches that account number and last name. "
            "Ask the person for the 7-digit account number shown in Manage My Account and "
            "the last name exactly as it is on the account.",
            field="account_number",
        )


class AccountCannotJoinFirm(DomainError, code="account_cannot_join"): ...


class AlreadyAMember(Conflict, code="already_a_member"): ...


class BelongsToAnotherFirm(Conflict, code="belongs_to_another_firm"): ...


class InvitationAlreadyPending(Conflict, code="invitation_pending"): ...


class InvitationAlreadyAnswered(Conflict, code="invitation_answered"): ...


class TooManyInvitations(Throttled):
    """More invitation attempts this hour than a firm may make (429)."""
