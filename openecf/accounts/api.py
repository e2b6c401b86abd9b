"""PACER accounts JSON API: register, verify, /me, password, contact, upgrade, forgot/reset."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from openecf.accounts import actions, queries
from openecf.accounts.actions import Address, SecurityQuestion
from openecf.accounts.models import Account
from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import add_made_endpoint
from openecf.core.records import copy_of
from openecf.core.web import source_address

router = Router(tags=["accounts"])


class AddressIn(Schema):
    street: str
    city: str
    state: str
    zip: str
    county: str

    def to_address(self) -> Address:
        return copy_of(Address, self, zip_code=self.zip)


class SecurityQuestionIn(Schema):
    question: str
    answer: str


def _questions(items: list[SecurityQuestionIn]) -> list[SecurityQuestion]:
    return [SecurityQuestion(item.question, item.answer) for item in items]


class AccountRegistrationIn(Schema):
    username: str
    password: str
    email: str
    first_name: str
    last_name: str
    date_of_birth: date
    purpose: str
    phone: str
    address: AddressIn
    security_questions: list[SecurityQuestionIn]
    continue_if_may_exist: bool = False


class AccountRegistrationOut(Schema):
    account_number: str
    username: str
    account_type: str
    status: str
    held_for_review: bool


class TokenIn(Schema):
    token: str


class AccountOut(Schema):
    account_number: str
    username: str
    account_type: str
    first_name: str
    last_name: str
    email: str
    phone: str
    address: dict
    kind: str
    purpose: str
    status: str
    is_upgraded: bool
    is_operator: bool
    date_of_birth: date | None
    created_at: datetime
    upgraded_at: datetime | None
    password_changed_at: datetime | None


class MessageOut(Schema):
    message: str


class PasswordChangeIn(Schema):
    current_password: str
    new_password: str


class UsernameChangeIn(Schema):
    password: str
    new_username: str


class ContactIn(Schema):
    phone: str | None = None
    address: AddressIn | None = None
    email: str | None = None
    password: str = ""  # the current password; needed when ``email`` changes


class UpgradeIn(Schema):
    date_of_birth: date
    user_type: str = "individual"
    address: AddressIn
    username: str
    password: str
    security_questions: list[SecurityQuestionIn]


class ForgotUsernameIn(Schema):
    email: str
    account_number: str = ""
    date_of_birth: date | None = None


class ForgotPasswordIn(Schema):
    email: str
    username: str = ""
    account_number: str = ""
    date_of_birth: date | None = None


class ResetPasswordIn(Schema):
    token: str
    new_password: str


class ReactivateIn(Schema):
    email: str
    username: str = ""
    account_number: str = ""


class ActivityOut(Schema):
    occurred_at: datetime
    verb: str
    label: str
    source: str


SAME_ANSWER = "If the details match a PACER account, an e-mail has been sent to its address."


def _me(account: Account) -> dict:
    return {
        "account_number": account.account_number,
        "username": account.username,
        "account_type": account.account_type_label,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email": account.email,
        "phone": account.phone,
        "address": {
            "street": account.street,
            "city": account.city,
            "state": account.state,
            "zip": account.zip_code,
            "county": account.county,
        },
        "kind": account.kind,
        "purpose": account.purpose,
        "status": account.status,
        "is_upgraded": account.is_upgraded,
        "is_operator": account.is_operator,
        "date_of_birth": account.date_of_birth,
        "created_at": account.created_at,
        "upgraded_at": account.upgraded_at,
        "password_changed_at": account.password_changed_at,
    }


@router.post(
    "/accounts", response={201: AccountRegistrationOut}, summary="Register a PACER account"
)
def register(request: HttpRequest, payload: AccountRegistrationIn):
    """The account is pending until the link in the verification e-mail is used.

    409 `account_may_already_exist` when two of name, date of birth and e-mail match an
    existing account: send again with `continue_if_may_exist: true` to go ahead.
    """
    registration = actions.register_account(
        address=payload.address.to_address(),
        security_questions=_questions(payload.security_questions),
        source_address=source_address(request),
        **payload.dict(exclude={"address", "security_questions"}),
    )
    account = registration.account
    return Status(
        201,
        {
            "account_number": account.account_number,
            "username": account.username,
            "account_type": account.account_type_label,
            "status": account.status,
            "held_for_review": registration.held_for_review,
        },
    )


@router.post("/accounts/verify", response=AccountOut, summary="Use an e-mailed verification link")
def verify(request: HttpRequest, payload: TokenIn):
    """Verifies a registration e-mail, or confirms a new e-mail address."""
    _, account = actions.use_email_link(token=payload.token)
    return _me(account)


@router.get("/me", response=AccountOut, auth=signed_in, summary="The signed-in account")
def me(request: HttpRequest):
    return _me(request.auth)


@router.post("/me/password", response=MessageOut, auth=signed_in, summary="Change password")
def change_password(request: HttpRequest, payload: PasswordChangeIn):
    actions.change_password(
        account=request.auth, current_session_id=request.cso_session.pk, **payload.dict()
    )
    return {"message": "Your password was changed."}


@router.post("/me/username", response=AccountOut, auth=signed_in, summary="Change username")
def change_username(request: HttpRequest, payload: UsernameChangeIn):
    account = actions.change_username(account=request.auth, **payload.dict())
    return _me(account)


@router.patch("/me/contact", response=AccountOut, auth=signed_in, summary="Update contact")
def update_contact(request: HttpRequest, payload: ContactIn):
    """Phone and address change at once; a new e-mail (with ``password``, the current one)
    changes when its e-mailed link is used. Anything refused changes nothing."""
    account: Account = request.auth
    contact = payload.phone is not None or payload.address is not None
    if contact:
        address = payload.address.to_address() if payload.address else copy_of(Address, account)
        phone = payload.phone if payload.phone is not None else account.phone
        actions.check_contact(phone=phone, address=address)
    if payload.email is not None:
        actions.request_email_change(
            account=account,
            new_email=payload.email,
            password=payload.password,
        )
    if contact:
        account = actions.update_contact(account=account, phone=phone, address=address)
    return _me(account)


@router.post("/me/upgrade", response=AccountOut, auth=signed_in, summary="Upgrade a legacy account")
def upgrade(request: HttpRequest, payload: UpgradeIn):
    account = actions.upgrade_legacy_account(
        account=request.auth,
        address=payload.address.to_address(),
        security_questions=_questions(payload.security_questions),
        current_session_id=request.cso_session.pk,
        **payload.dict(exclude={"address", "security_questions"}),
    )
    return _me(account)


@router.get(
    "/me/security-activity",
    response=list[ActivityOut],
    auth=signed_in,
    summary="Recent security activity",
)
def security_activity(request: HttpRequest):
    return queries.security_activity(request.auth.pk)


# What anyone may ask to be e-mailed: (path, endpoint name, input, action, summary,
# description). Each gets the same answer whether or not an account matches, and 429 when
# asked too often from one address.
SAME_ANSWER_REQUESTS: list[
    tuple[str, str, type[Schema], Callable[..., object], str, str | None]
] = [
    (
        "forgot-username",
        "forgot_username",
        ForgotUsernameIn,
        actions.send_username_reminder,
        "E-mail my username",
        "The same answer whether or not an account matches; 429 when asked too often.",
    ),
    (
        "forgot-password",
        "forgot_password",
        ForgotPasswordIn,
        actions.send_password_reset,
        "E-mail a reset link",
        "The same answer whether or not an account matches; the link works once, for 1 hour.",
    ),
    (
        "reactivate",
        "reactivate",
        ReactivateIn,
        actions.send_reactivation_link,
        "E-mail a reactivation link",
        None,
    ),
]


def _same_answer_request(
    path: str,
    name: str,
    body: type[Schema],
    action: Callable[..., object],
    summary: str,
    description: str | None,
) -> None:
    def endpoint(request: HttpRequest, payload: Schema) -> dict[str, str]:
        action(source_address=source_address(request), **payload.dict())
        return {"message": SAME_ANSWER}

    add_made_endpoint(
        router,
        f"/accounts/{path}",
        endpoint,
        name=name,
        body=body,
        response=MessageOut,
        summary=summary,
        description=description,
    )


for _path, _name, _body, _action, _summary, _description in SAME_ANSWER_REQUESTS:
    _same_answer_request(_path, _name, _body, _action, _summary, _description)


@router.post("/accounts/reset-password", response=MessageOut, summary="Reset password by link")
def reset_password(request: HttpRequest, payload: ResetPasswordIn):
    actions.reset_password(**payload.dict())
    return {"message": "Your password was reset. Sign in with the new password."}


@router.post("/accounts/reactivate/confirm", response=AccountOut, summary="Use a reactivation link")
def reactivate_confirm(request: HttpRequest, payload: TokenIn):
    return _me(actions.reactivate_account(token=payload.token))
