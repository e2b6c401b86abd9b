"""Pure Central Sign-On rules: token shape and session expiry (callers pass ``now``)."""

from __future__ import annotations

import hashlib
import re
import secrets
import string
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from openecf.core import throttle_rules
from openecf.core.destinations import safe_next as safe_next  # the one ?next= rule

TOKEN_LENGTH = 128
_ALPHABET = string.ascii_letters + string.digits
_TOKEN_SHAPE = re.compile(f"[A-Za-z0-9]{{{TOKEN_LENGTH}}}")


def new_cso_token() -> str:
    """An opaque random token of 128 characters (about 762 bits), like PACER's nextGenCSO."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(TOKEN_LENGTH))


def looks_like_token(token: str | None) -> bool:
    if not token:
        return False
    return _TOKEN_SHAPE.fullmatch(token) is not None


def session_expiry(
    *, created_at: datetime, last_seen_at: datetime, idle: timedelta, absolute: timedelta
) -> datetime:
    """When a session ends by itself: idle timeout from last use, capped by the absolute one."""
    return min(last_seen_at + idle, created_at + absolute)


def session_is_live(
    *,
    created_at: datetime,
    last_seen_at: datetime,
    ended_at: datetime | None,
    now: datetime,
    idle: timedelta,
    absolute: timedelta,
) -> bool:
    if ended_at is not None:
        return False
    return now < session_expiry(
        created_at=created_at, last_seen_at=last_seen_at, idle=idle, absolute=absolute
    )


# --- Throttling (the lockout itself is openecf.core.throttle) ----------------------------------

# Failures older than this are forgotten: a person who mistyped last week starts afresh.
FAILURE_MEMORY = timedelta(hours=24)
LOCKED_MESSAGE = "Too many failed sign-in attempts. Try again in {minutes} minutes."
# Re-typing the current password (change password, username or e-mail) has its own counter.
CURRENT_PASSWORD_LOCKED_MESSAGE = "Too many wrong passwords. Try again in {minutes} minutes."


def locked_message(*, locked_until: datetime, now: datetime, template: str = LOCKED_MESSAGE) -> str:
    """The refusal while locked, in whole minutes rounded up."""
    return template.format(minutes=throttle_rules.minutes_to_wait(locked_until - now))


# --- TOTP (RFC 6238) ----------------------------------------------------------------------------

TOTP_PERIOD = 30
TOTP_DIGITS = 6
TOTP_WINDOW = 1  # accept the previous and the next 30-second step for clock drift
MAX_AUTHENTICATOR_APPS = 5


def totp_step(now: datetime) -> int:
    return int(now.timestamp()) // TOTP_PERIOD


def totp_code(secret: str, step: int) -> str:
    """The 6-digit code an authenticator app shows for ``step`` (RFC 4226 HOTP of the step)."""
    import pyotp

    return pyotp.HOTP(secret, digits=TOTP_DIGITS).at(step)


def normalize_otp(code: str) -> str:
    return "".join(ch for ch in (code or "") if not ch.isspace() and ch != "-")


def matching_totp_step(
    *, secret: str, code: str, now: datetime, last_used_step: int | None
) -> int | None:
    """The step a code belongs to (within ±1 step of now), or None.

    A code is good once: steps at or before ``last_used_step`` are refused, so a code seen
    over someone's shoulder cannot be replayed.
    """
    code = normalize_otp(code)
    # ASCII digits only: "٣" and "３" are digits to str.isdigit() but not to compare_digest.
    if len(code) != TOTP_DIGITS or not (code.isascii() and code.isdigit()):
        return None
    current = totp_step(now)
    for step in range(current - TOTP_WINDOW, current + TOTP_WINDOW + 1):
        if last_used_step is not None and step <= last_used_step:
            continue
        if secrets.compare_digest(totp_code(secret, step), code):
            return step
    return None


def otpauth_uri(*, secret: str, username: str, issuer: str = "OpenECF PACER") -> str:
    import pyotp

    return pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_PERIOD).provisioning_uri(
        name=username, issuer_name=issuer
    )


def new_totp_secret() -> str:
    import pyotp

    return pyotp.random_base32(length=32)


# --- Backup codes -------------------------------------------------------------------------------

BACKUP_CODE_COUNT = 10
# No 0/O, 1/I/L: easy to copy from paper. Shown as XXXX-XXXX.
BACKUP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BACKUP_CODE_LENGTH = 8


def new_backup_codes() -> list[str]:
    codes: set[str] = set()
    while len(codes) < BACKUP_CODE_COUNT:
        raw = "".join(secrets.choice(BACKUP_ALPHABET) for _ in range(BACKUP_CODE_LENGTH))
        codes.add(f"{raw[:4]}-{raw[4:]}")
    return sorted(codes)


def normalize_backup_code(code: str) -> str | None:
    """'abcd efgh', 'ABCD-EFGH' → 'ABCDEFGH'; None if it cannot be a backup code."""
    raw = normalize_otp(code).upper()
    if len(raw) != BACKUP_CODE_LENGTH or any(ch not in BACKUP_ALPHABET for ch in raw):
        return None
    return raw


def backup_code_hash(code: str, salt: str) -> str:
    """Fast salted hash: backup codes carry ~39 bits and are throttled like passwords."""
    raw = normalize_backup_code(code) or ""
    return hashlib.sha256(f"{salt}:{raw}".encode()).hexdigest()


# --- E-mailed enrolment code ---------------------------------------------------------------------

EMAIL_CODE_DIGITS = 6
EMAIL_CODE_LIFETIME = timedelta(minutes=15)
EMAIL_CODE_ATTEMPTS = 5


def new_email_code() -> str:
    return f"{secrets.randbelow(10**EMAIL_CODE_DIGITS):0{EMAIL_CODE_DIGITS}d}"


def email_code_digest(code: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{normalize_otp(code)}".encode()).hexdigest()


# --- When MFA is asked for ------------------------------------------------------------------------

MFA_SKIPS_ALLOWED = 3

# PACER counts its deadlines in Central time: the MFA date starts at midnight in Chicago.
PACER_ZONE = ZoneInfo("America/Chicago")


def pacer_day(now: datetime) -> date:
    """Which calendar day it is at PACER: the one day every MFA deadline is counted on."""
    return now.astimezone(PACER_ZONE).date()


def mfa_required_on(*, day: date, required_from: date | None, is_filer: bool) -> bool:
    """Filers must use multifactor authentication from ``required_from`` (a PACER day) on.

    People who only search never must; no date configured means nobody must yet.
    """
    return is_filer and required_from is not None and day >= required_from


class MfaPrompt:
    """What sign-on does about MFA enrolment for an account without MFA."""

    NONE = "none"  # enrolled, or not required (search-only, or before the date)
    OFFER_SKIP = "offer_skip"  # required, skips left: prompt with "Skip (N left)"
    REQUIRED = "required"  # required, no skips left: enrol before anything else


def mfa_prompt(
    *, is_filer: bool, enrolled: bool, skips_used: int, today: date, required_from: date | None
) -> str:
    if enrolled or not mfa_required_on(day=today, required_from=required_from, is_filer=is_filer):
        return MfaPrompt.NONE
    if skips_used < MFA_SKIPS_ALLOWED:
        return MfaPrompt.OFFER_SKIP
    return MfaPrompt.REQUIRED


def skips_left(skips_used: int) -> int:
    return max(0, MFA_SKIPS_ALLOWED - skips_used)


# --- Sign-on steps --------------------------------------------------------------------------------


class Step:
    MFA_CODE = "mfa_code"
    REDACTION = "redaction"
    MFA_PROMPT = "mfa_prompt"
    DONE = "done"


def next_sign_on_step(
    *,
    has_mfa: bool,
    mfa_passed: bool,
    is_filer: bool,
    redaction_acknowledged: bool,
    prompt: str,
    prompt_answered: bool,
) -> str:
    """The one step still between a correct password and a session."""
    if has_mfa and not mfa_passed:
        return Step.MFA_CODE
    if is_filer and not redaction_acknowledged:
        return Step.REDACTION
    if prompt == MfaPrompt.OFFER_SKIP and not prompt_answered:
        return Step.MFA_PROMPT
    return Step.DONE


# Paths a restricted session may still reach (expired password, MFA enrolment required).
PASSWORD_CHANGE_PATHS = (
    "/account/password/",
    "/account/upgrade/",  # a Legacy account changes its password by upgrading
    "/api/v1/me/password",
    "/api/v1/me/upgrade",
    "/logout/",
)
MFA_ENROLMENT_PATHS = ("/account/mfa/", "/api/v1/mfa", "/logout/")
# The PACER Authentication API answers in its own shape, so it is never gated.
ALWAYS_OPEN_PATHS = ("/static/", "/login/", "/services/cso-auth", "/services/cso-logout")


def path_allowed(path: str, allowed: tuple[str, ...]) -> bool:
    return path.startswith(allowed + ALWAYS_OPEN_PATHS)
