"""Central Sign-On writes: password checks with throttling, the pending steps, MFA methods.

Every function is keyword-only; each state change runs in one transaction with one audit row
on ``account:<id>`` (so Manage My Account's security page lists it).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Q

from openecf.accounts import facade as accounts
from openecf.accounts.models import Account
from openecf.core import audit, outbox, throttle
from openecf.core.errors import Throttled
from openecf.signon import queries, rules
from openecf.signon.errors import (
    AppNotFound,
    AuthenticatorAppRequired,
    EnrolmentStepMissing,
    RedactionNotAcknowledged,
    SecondFactorRequired,
    SignOnRefused,
    TooManyApps,
    TooManyAttempts,
    WrongSecondFactor,
)
from openecf.signon.models import (
    AppEnrolment,
    AuthenticatorApp,
    BackupCode,
    CentralSession,
    PendingSignOn,
)
from openecf.signon.sessions import StartedSession, start_session

PENDING_LIFETIME = timedelta(minutes=10)
EMAIL_CODE_INTERVAL = timedelta(seconds=60)  # at most one enrolment e-mail a minute
WRONG_CODE = (
    "That code is not right. Enter the current code from your authenticator app, or a backup code."
)


def _subject(account_id: int) -> str:
    return f"account:{account_id}"


# --- Throttling --------------------------------------------------------------------------------


def throttle_keys(*, username: str, source_address: str | None) -> list[str]:
    keys = [f"signon:user:{(username or '').strip().lower()[:100]}"]
    if source_address:
        keys.append(f"signon:addr:{source_address}")
    return keys


def _refuse_if_locked(*, keys: list[str], now: datetime) -> None:
    """Refuse while any key is locked (the longest lock is the one shown)."""
    remaining = [
        left for key in keys if (left := throttle.lockout_remaining(key=key, now=now)) is not None
    ]
    if remaining:
        raise TooManyAttempts(rules.locked_message(locked_until=now + max(remaining), now=now))


def _record_failure(
    *, keys: list[str], account_id: int | None, verb: str, source_address: str | None, now: datetime
) -> datetime | None:
    with transaction.atomic():
        lock: datetime | None = None
        for key in keys:
            left = throttle.record_failure(key=key, now=now, forget_after=rules.FAILURE_MEMORY)
            if left is not None and (lock is None or now + left > lock):
                lock = now + left
        subject = _subject(account_id) if account_id else f"address:{source_address or 'unknown'}"
        audit.record(
            actor_id=None,
            verb=verb,
            subject=subject,
            details={"source": source_address, "locked_until": lock},
        )
        if lock is not None and account_id:
            audit.record(
                actor_id=None,
                verb="signon.locked",
                subject=subject,
                details={"source": source_address, "locked_until": lock},
            )
    return lock


def _clear_user_failures(username: str) -> None:
    throttle.clear_failures(key=throttle_keys(username=username, source_address=None)[0])


# --- Password step ----------------------------------------------------------------------------


def check_password(
    *, username: str, password: str, source_address: str | None, now: datetime
) -> Account:
    """The account for a good username and password, or a refusal that reveals nothing.

    Unknown usernames and wrong passwords get the same answer and are throttled alike, by
    username and by source address.
    """
    keys = throttle_keys(username=username, source_address=source_address)
    _refuse_if_locked(keys=keys, now=now)
    check = accounts.authenticate(username, password, now=now)
    if check.ok:
        assert check.account is not None
        _clear_user_failures(username)
        return check.account
    if check.refusal != accounts.SignOnRefusal.BAD_CREDENTIALS:
        raise SignOnRefused(check.message)
    lock = _record_failure(
        keys=keys,
        account_id=check.account_id,
        verb="signon.failed",
        source_address=source_address,
        now=now,
    )
    if lock is not None:
        raise TooManyAttempts(rules.locked_message(locked_until=lock, now=now))
    raise SignOnRefused(check.message)


# --- Second factor -----------------------------------------------------------------------------


def verify_second_factor(
    *, account: Account, code: str, source_address: str | None, now: datetime
) -> str:
    """Accept a current TOTP code (once) or an unused backup code; returns "app" or "backup".

    Wrong codes count as failed sign-in attempts.
    """
    keys = throttle_keys(username=account.username, source_address=source_address)
    _refuse_if_locked(keys=keys, now=now)
    method = _use_totp(account=account, code=code, now=now) or _use_backup_code(
        account=account, code=code, now=now
    )
    if method:
        return method
    lock = _record_failure(
        keys=keys,
        account_id=account.pk,
        verb="signon.mfa_failed",
        source_address=source_address,
        now=now,
    )
    if lock is not None:
        raise TooManyAttempts(rules.locked_message(locked_until=lock, now=now))
    raise WrongSecondFactor(WRONG_CODE, field="code")


def _use_totp(*, account: Account, code: str, now: datetime) -> str | None:
    for app in AuthenticatorApp.objects.filter(account_id=account.pk):
        step = rules.matching_totp_step(
            secret=app.secret, code=code, now=now, last_used_step=app.last_used_step
        )
        if step is None:
            continue
        with transaction.atomic():
            # Conditional update: two requests racing with one code cannot both win.
            won = AuthenticatorApp.objects.filter(
                Q(last_used_step__isnull=True) | Q(last_used_step__lt=step), pk=app.pk
            ).update(last_used_step=step, last_used_at=now)
            if not won:
                return None
            audit.record(
                actor_id=account.pk,
                verb="signon.mfa_passed",
                subject=_subject(account.pk),
                details={"method": "app", "app": app.pk},
            )
        return "app"
    return None


def _use_backup_code(*, account: Account, code: str, now: datetime) -> str | None:
    if rules.normalize_backup_code(code) is None:
        return None
    for row in BackupCode.objects.filter(account_id=account.pk, used_at__isnull=True):
        if not secrets.compare_digest(rules.backup_code_hash(code, row.salt), row.code_hash):
            continue
        with transaction.atomic():
            won = BackupCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now)
            if not won:
                return None
            audit.record(
                actor_id=account.pk,
                verb="signon.backup_code_used",
                subject=_subject(account.pk),
                details={"left": queries.backup_codes_left(account.pk)},
            )
        return "backup"
    return None


# --- Pending sign-on (web) ---------------------------------------------------------------------


@dataclass(frozen=True)
class StartedPending:
    raw_id: str
    pending: PendingSignOn


def begin_pending(
    *,
    account: Account,
    client_code: str,
    next_url: str,
    source_address: str | None,
    user_agent: str,
    now: datetime,
) -> StartedPending:
    raw_id = secrets.token_urlsafe(32)
    with transaction.atomic():
        PendingSignOn.objects.filter(expires_at__lte=now).delete()
        pending = PendingSignOn.objects.create(
            id_digest=rules.token_digest(raw_id),
            account=account,
            created_at=now,
            expires_at=now + PENDING_LIFETIME,
            client_code=client_code[:32],
            next_url=rules.safe_next(next_url)[:500],
            source_address=source_address,
            user_agent=user_agent[:300],
        )
    return StartedPending(raw_id=raw_id, pending=pending)


def pending_for(raw_id: str | None, now: datetime) -> PendingSignOn | None:
    if not raw_id:
        return None
    return (
        PendingSignOn.objects.select_related("account")
        .filter(id_digest=rules.token_digest(raw_id), expires_at__gt=now)
        .first()
    )


def pass_pending_mfa(*, pending: PendingSignOn, code: str, now: datetime) -> None:
    verify_second_factor(
        account=pending.account, code=code, source_address=pending.source_address, now=now
    )
    PendingSignOn.objects.filter(pk=pending.pk).update(mfa_passed=True)
    pending.mfa_passed = True


def acknowledge_pending_redaction(*, pending: PendingSignOn) -> None:
    PendingSignOn.objects.filter(pk=pending.pk).update(redaction_acknowledged=True)
    pending.redaction_acknowledged = True


def next_step(*, pending: PendingSignOn, prompt_answered: bool, now: datetime) -> str:
    account = pending.account
    return rules.next_sign_on_step(
        has_mfa=queries.has_mfa(account.pk),
        mfa_passed=pending.mfa_passed,
        is_filer=accounts.is_filer(account),
        redaction_acknowledged=pending.redaction_acknowledged,
        prompt=queries.mfa_prompt_for(account, now),
        prompt_answered=prompt_answered,
    )


def finish_pending(
    *, pending: PendingSignOn, skipped_mfa: bool, now: datetime, chose_enrolment: bool = False
) -> StartedSession:
    """All steps passed: the one session, and the pending row is gone.

    A filer out of skips, or one who chose "Enrol now", gets a session restricted to MFA
    enrolment (``must_enrol_mfa``) until an authenticator app is active.
    """
    account = pending.account
    with transaction.atomic():
        prompt = queries.mfa_prompt_for(account, now)  # before the skip: it lets this one in
        if skipped_mfa:
            skip_mfa_enrolment(account=account)
        started = start_session(
            account_id=account.pk,
            client_code=pending.client_code,
            redaction_acknowledged=pending.redaction_acknowledged,
            source_address=pending.source_address,
            user_agent=pending.user_agent,
            must_enrol_mfa=prompt == rules.MfaPrompt.REQUIRED
            or (chose_enrolment and prompt == rules.MfaPrompt.OFFER_SKIP),
            details={"mfa": pending.mfa_passed, "via": "web"},
        )
        PendingSignOn.objects.filter(pk=pending.pk).delete()
    return started


def skip_mfa_enrolment(*, account: Account) -> int:
    """Use one of the 3 skips a filer gets before MFA enrolment is required; returns skips left."""
    with transaction.atomic():
        Account.objects.filter(pk=account.pk).update(mfa_skips_used=F("mfa_skips_used") + 1)
        account.refresh_from_db(fields=["mfa_skips_used"])
        left = rules.skips_left(account.mfa_skips_used)
        audit.record(
            actor_id=account.pk,
            verb="signon.mfa_skipped",
            subject=_subject(account.pk),
            details={"skips_left": left},
        )
    return left


# --- MFA methods (Manage My Account) ---------------------------------------------------------


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
    with transaction.atomic():
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
        outbox.queue_email(
            to=[account.email],
            subject="PACER security code to add an authenticator app",
            text=(
                f"Your PACER security code is {code}.\n\n"
                "Enter it on the Manage MFA page to add an authenticator app to your account. "
                f"It expires in {int(rules.EMAIL_CODE_LIFETIME.total_seconds() // 60)} minutes.\n\n"
                "If you did not ask to add an authenticator app, change your password now."
            ),
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
    with transaction.atomic():
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
    with transaction.atomic():
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
    with transaction.atomic():
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
    with transaction.atomic():
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
    with transaction.atomic():
        BackupCode.objects.filter(account_id=account.pk).delete()
        BackupCode.objects.bulk_create(rows)
        audit.record(
            actor_id=account.pk,
            verb="signon.backup_codes_generated",
            subject=_subject(account.pk),
            details={"count": len(codes)},
        )
    return codes


# --- PACER Authentication API --------------------------------------------------------------


@dataclass(frozen=True)
class ApiSignOn:
    started: StartedSession
    warning: str


def sign_on_by_api(
    *,
    login_id: str,
    password: str,
    client_code: str,
    redact_flag: str,
    otp_code: str,
    source_address: str | None,
    user_agent: str,
    now: datetime,
) -> ApiSignOn:
    """``/services/cso-auth``: every web step in one request, or a refusal saying which failed."""
    account = check_password(
        username=login_id, password=password, source_address=source_address, now=now
    )
    if accounts.is_filer(account) and redact_flag != "1":
        raise RedactionNotAcknowledged(
            'This account can file: send "redactFlag": "1" to acknowledge the IMPORTANT '
            "NOTICE OF REDACTION RESPONSIBILITY (redact Social Security and taxpayer numbers, "
            "dates of birth, names of minor children, financial account numbers and, in criminal "
            "cases, home addresses)."
        )
    mfa_used = False
    if queries.has_mfa(account.pk):
        if not (otp_code or "").strip():
            raise SecondFactorRequired(
                "This account uses multi-factor authentication: send the current code from "
                'your authenticator app (or a backup code) as "otpCode".'
            )
        verify_second_factor(account=account, code=otp_code, source_address=source_address, now=now)
        mfa_used = True
    if accounts.password_expired(account, now):
        raise SignOnRefused(
            "Your password is more than 180 days old. Sign in at /login/ and change it at "
            "/account/password/, then try again."
        )
    with transaction.atomic():
        prompt = queries.mfa_prompt_for(account, now)
        warning = ""
        if prompt == rules.MfaPrompt.OFFER_SKIP:
            left = skip_mfa_enrolment(account=account)  # each API sign-on uses one skip
            warning = (
                "Pending action on your account: multi-factor authentication is required for "
                "filers. Add an authenticator app at /account/mfa/ or with /api/v1/mfa "
                f"(this sign-on used a skip: {left} skip{'' if left == 1 else 's'} left)."
            )
        elif prompt == rules.MfaPrompt.REQUIRED:
            warning = (
                "Multi-factor authentication is required for filers and this account has no "
                "skips left: until you add an authenticator app (with /api/v1/mfa, or at "
                "/account/mfa/ on the web), this session can only enrol or sign out."
            )
        started = start_session(
            account_id=account.pk,
            client_code=client_code[:32],
            redaction_acknowledged=redact_flag == "1",
            source_address=source_address,
            user_agent=user_agent,
            must_enrol_mfa=prompt == rules.MfaPrompt.REQUIRED,
            details={"mfa": mfa_used, "via": "cso-auth"},
        )
    return ApiSignOn(started=started, warning=warning)
