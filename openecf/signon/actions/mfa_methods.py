"""Manage My Account: authenticator apps and backup codes."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import F

from openecf.core import audit, outbox
from openecf.core.errors import Throttled
from openecf.core.transactions import durable_action
from openecf.signon import letters, queries, rules
from openecf.signon.actions.throttling import _subject
from openecf.signon.errors import (
    AppNotFound,
    AuthenticatorAppRequired,
    EnrolmentStepMissing,
    TooManyApps,
    WrongSecondFactor,
)
from openecf.signon.models import (
    AppEnrolment,
    AuthenticatorApp,
    BackupCode,
    CentralSession,
)

if TYPE_CHECKING:
    from openecf.accounts.models import Account

EMAIL_CODE_INTERVAL = timedelta(seconds=60)  # at most one enrolment e-mail a minute


def start_app_enrolment(*, account: Account, now: datetime) -> AppEnrolment:
    """Step 1 of adding an app: e-mail a security code to the account's address."""
    if (
        AuthenticatorApp.objects.filter(account_id=account.pk).count()
        >= rules.MAX_AUTHENTICATOR_APPS
    ):
        raise TooManyApps(
            f"You already have {rules.MAX_AUTHENTICATOR_APPS} authenticator apps, the most an "
            "account may have. Remove one before adding another."
        )
    recent = AppEnrolment.objects.filter(
        account_id=account.pk, created_at__gt=now - EMAIL_CODE_INTERVAL
    ).exists()
    if recent:
        raise Throttled(
            "We e-mailed a security code less than a minute ago. Check your inbox, or wait a "
            "minute before asking for another."
        )
    code = rules.new_email_code()
    salt = secrets.token_hex(8)
    with durable_action():
        AppEnrolment.objects.filter(account_id=account.pk).delete()
        enrolment = AppEnrolment.objects.create(
            account=account,
            created_at=now,
            expires_at=now + rules.EMAIL_CODE_LIFETIME,
            email_code_digest=rules.email_code_digest(code, salt),
            email_code_salt=salt,
        )
        audit.record(
            actor_id=account.pk, verb="signon.mfa_enrolment_started", subject=_subject(account.pk)
        )
        outbox.queue_letter(
            letters.mfa_email_code(
                code=code, minutes=int(rules.EMAIL_CODE_LIFETIME.total_seconds() // 60)
            ),
            to=[account.email],
            kind="signon.mfa_email_code",
            account_id=account.pk,
        )
    return enrolment


def confirm_enrolment_email(*, account: Account, code: str, now: datetime) -> AppEnrolment:
    """Step 2: the e-mailed code proves the owner; a new secret is made to show once."""
    enrolment = queries.enrolment(account.pk, now)
    if enrolment is None:
        raise EnrolmentStepMissing(
            "There is no security code waiting: choose Add app to have a new one e-mailed."
        )
    if enrolment.email_confirmed_at is not None:
        raise EnrolmentStepMissing(
            "That security code was already used. Enter the code your app shows to finish, or "
            "choose Add app to have a new security code e-mailed."
        )
    if enrolment.attempts >= rules.EMAIL_CODE_ATTEMPTS:
        raise WrongSecondFactor(
            "Too many wrong security codes: choose Add app to have a new one e-mailed.",
            field="code",
        )
    good = secrets.compare_digest(
        rules.email_code_digest(code, enrolment.email_code_salt), enrolment.email_code_digest
    )
    if not good:
        AppEnrolment.objects.filter(pk=enrolment.pk).update(attempts=F("attempts") + 1)
        raise WrongSecondFactor(
            "That security code is not right. Enter the 6 digits from the e-mail we just sent.",
            field="code",
        )
    with durable_action():
        AppEnrolment.objects.filter(pk=enrolment.pk).update(
            email_confirmed_at=now, secret=rules.new_totp_secret()
        )
        audit.record(
            actor_id=account.pk, verb="signon.mfa_email_confirmed", subject=_subject(account.pk)
        )
    enrolment.refresh_from_db()
    return enrolment


def _clean_app_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise WrongSecondFactor("Give the app a name, such as “Phone”.", field="name")
    if len(name) > 40:
        raise WrongSecondFactor("Keep the app's name to 40 characters or fewer.", field="name")
    return name


def activate_app(*, account: Account, name: str, code: str, now: datetime) -> AuthenticatorApp:
    """Step 3: the first code from the app proves it holds the secret; the app is added."""
    name = _clean_app_name(name)
    enrolment = queries.enrolment(account.pk, now)
    if enrolment is None or enrolment.email_confirmed_at is None or not enrolment.secret:
        raise EnrolmentStepMissing(
            "Confirm the security code we e-mailed first: choose Add app to start again."
        )
    if AuthenticatorApp.objects.filter(account_id=account.pk, name__iexact=name).exists():
        raise WrongSecondFactor(f"You already have an app named “{name}”.", field="name")
    if (
        AuthenticatorApp.objects.filter(account_id=account.pk).count()
        >= rules.MAX_AUTHENTICATOR_APPS
    ):
        raise TooManyApps(
            f"You already have {rules.MAX_AUTHENTICATOR_APPS} authenticator apps. Remove one first."
        )
    step = rules.matching_totp_step(
        secret=enrolment.secret, code=code, now=now, last_used_step=None
    )
    if step is None:
        raise WrongSecondFactor(
            "That code is not right. Enter the 6-digit code your app shows now.", field="code"
        )
    with durable_action():
        app = AuthenticatorApp.objects.create(
            account=account,
            name=name,
            secret=enrolment.secret,
            created_at=now,
            last_used_step=step,
            last_used_at=now,
        )
        AppEnrolment.objects.filter(pk=enrolment.pk).delete()
        CentralSession.objects.filter(account_id=account.pk, must_enrol_mfa=True).update(
            must_enrol_mfa=False
        )
        audit.record(
            actor_id=account.pk,
            verb="signon.mfa_app_added",
            subject=_subject(account.pk),
            details={"app": app.pk, "name": name},
        )
    return app


def _own_app(account: Account, app_id: int) -> AuthenticatorApp:
    app = AuthenticatorApp.objects.filter(pk=app_id, account_id=account.pk).first()
    if app is None:
        raise AppNotFound("There is no such authenticator app on your account.")
    return app


def rename_app(*, account: Account, app_id: int, name: str) -> AuthenticatorApp:
    app = _own_app(account, app_id)
    name = _clean_app_name(name)
    if (
        AuthenticatorApp.objects.filter(account_id=account.pk, name__iexact=name)
        .exclude(pk=app.pk)
        .exists()
    ):
        raise WrongSecondFactor(f"You already have an app named “{name}”.", field="name")
    with durable_action():
        AuthenticatorApp.objects.filter(pk=app.pk).update(name=name)
        audit.record(
            actor_id=account.pk,
            verb="signon.mfa_app_renamed",
            subject=_subject(account.pk),
            details={"app": app.pk, "from": app.name, "to": name},
        )
    app.name = name
    return app


def remove_app(*, account: Account, app_id: int) -> None:
    app = _own_app(account, app_id)
    with durable_action():
        AuthenticatorApp.objects.filter(pk=app.pk).delete()
        audit.record(
            actor_id=account.pk,
            verb="signon.mfa_app_removed",
            subject=_subject(account.pk),
            details={"app": app.pk, "name": app.name},
        )


def regenerate_backup_codes(*, account: Account, now: datetime) -> list[str]:
    """Ten new single-use codes (the old ones stop working); the plain codes are returned once.

    Backup codes stand in for an authenticator app, so they need one: they are not MFA enrolment
    on their own and never lift the "must enrol" restriction.
    """
    if not queries.has_mfa(account.pk):
        raise AuthenticatorAppRequired(
            "Add an authenticator app first: backup codes are for when you cannot use your app, "
            "so they can only be made once an app is active."
        )
    codes = rules.new_backup_codes()
    rows = []
    for code in codes:
        salt = secrets.token_hex(8)
        rows.append(
            BackupCode(
                account=account,
                salt=salt,
                code_hash=rules.backup_code_hash(code, salt),
                created_at=now,
            )
        )
    with durable_action():
        BackupCode.objects.filter(account_id=account.pk).delete()
        BackupCode.objects.bulk_create(rows)
        audit.record(
            actor_id=account.pk,
            verb="signon.backup_codes_generated",
            subject=_subject(account.pk),
            details={"count": len(codes)},
        )
    return codes
