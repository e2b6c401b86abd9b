"""Pure PACER account rules: passwords, usernames, duplicates, inactivity, account numbers.

No database and no clock: callers pass ``now`` and whatever the rule needs to know.
"""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

PASSWORD_MIN = 14
PASSWORD_MAX = 45
PASSWORD_MAX_AGE = timedelta(days=180)
INACTIVE_AFTER = timedelta(days=2 * 365)
UPGRADED_USERNAME_MIN = 8
USERNAME_MAX = 45
LEGACY_USERNAME_LENGTH = 6
NAME_PART_MIN = 3  # shorter fragments ("a", "jo") are too common to forbid
VERIFY_LINK_LIFETIME = timedelta(hours=48)
RESET_LINK_LIFETIME = timedelta(hours=1)
SECURITY_QUESTIONS_REQUIRED = 2

_USERNAME_CHARS = re.compile(r"^[A-Za-z0-9._-]+$")
_SPECIAL = re.compile(r"[^A-Za-z0-9]")
_WORD_SPLIT = re.compile(r"[^0-9a-z]+")


@functools.cache
def common_passwords() -> frozenset[str]:
    """The offline breached-password list: Django's bundled 20,000 common passwords."""
    from django.contrib.auth.password_validation import CommonPasswordValidator

    return frozenset(CommonPasswordValidator().passwords)


def personal_parts(*, first_name: str, last_name: str, username: str, email: str) -> list[str]:
    """The fragments a password may not contain: names, username, e-mail words (3+ letters).

    The e-mail's top-level domain (``com``, ``gov``) is not personal and is left out.
    """
    email = email.lower()
    local, _, domain = email.partition("@")
    domain_labels = domain.split(".")[:-1] if "." in domain else [domain]
    words: list[str] = []
    for text in [first_name, last_name, username, local, *domain_labels]:
        lowered = text.lower().strip()
        words.append(lowered)
        words.extend(_WORD_SPLIT.split(lowered))
        # Letter runs too: "breach6367" and "jsmith42" hide "breach" and "jsmith".
        words.extend(re.findall(r"[a-z]+", lowered))
    seen: list[str] = []
    for word in words:
        if len(word) >= NAME_PART_MIN and word not in seen:
            seen.append(word)
    return seen


def password_problems(
    password: str,
    *,
    first_name: str = "",
    last_name: str = "",
    username: str = "",
    email: str = "",
    common: frozenset[str] | None = None,
) -> list[str]:
    """Every way ``password`` breaks the 2025 PACER password rule, each as a sentence."""
    problems: list[str] = []
    if len(password) < PASSWORD_MIN:
        problems.append(
            f"The password must be at least {PASSWORD_MIN} characters (it has {len(password)})."
        )
    if len(password) > PASSWORD_MAX:
        problems.append(
            f"The password must be at most {PASSWORD_MAX} characters (it has {len(password)})."
        )
    if not re.search(r"[a-z]", password):
        problems.append("The password must contain at least one lower-case letter.")
    if not re.search(r"[A-Z]", password):
        problems.append("The password must contain at least one upper-case letter.")
    if not _SPECIAL.search(password):
        problems.append(
            "The password must contain at least one special character (such as ! # $ % - _)."
        )
    lowered = password.lower()
    found = [
        part
        for part in personal_parts(
            first_name=first_name, last_name=last_name, username=username, email=email
        )
        if part in lowered
    ]
    if found:
        problems.append(
            "The password must not contain any part of your name, username or e-mail address "
            f"(it contains “{found[0]}”)."
        )
    common = common_passwords() if common is None else common
    if lowered in common or _SPECIAL.sub("", lowered) in common:
        problems.append("The password is on a list of commonly used, breached passwords.")
    return problems


def password_expired(
    *, password_changed_at: datetime | None, created_at: datetime, now: datetime
) -> bool:
    """A password older than 180 days must be changed at the next sign-on."""
    changed = password_changed_at or created_at
    return now - changed > PASSWORD_MAX_AGE


def username_problems(username: str, *, upgraded: bool = True) -> list[str]:
    """Upgraded usernames are 8-45 letters, digits, dots, dashes or underscores."""
    problems: list[str] = []
    if upgraded and len(username) < UPGRADED_USERNAME_MIN:
        problems.append(f"The username must be at least {UPGRADED_USERNAME_MIN} characters.")
    if len(username) > USERNAME_MAX:
        problems.append(f"The username must be at most {USERNAME_MAX} characters.")
    if username and not _USERNAME_CHARS.match(username):
        problems.append(
            "The username may contain only letters, digits, dots, dashes and underscores."
        )
    if not username:
        problems.append("Enter a username.")
    return problems


def is_legacy_username(username: str) -> bool:
    return len(username) == LEGACY_USERNAME_LENGTH


def canonical_email(email: str) -> str:
    """The address mail is delivered to: lower-case, with any ``+tag`` removed."""
    local, at, domain = email.strip().lower().partition("@")
    if not at:
        return local
    return f"{local.split('+', 1)[0]}@{domain}"


@dataclass(frozen=True)
class PersonKey:
    """What duplicate detection compares: name, date of birth and canonical e-mail."""

    first_name: str
    last_name: str
    date_of_birth: date | None
    email: str


class DuplicateVerdict:
    NONE = "none"
    MAY_EXIST = "may_exist"  # two of three match: warn, let the person continue
    HOLD = "hold"  # all three match: hold the registration for review


def duplicate_matches(new: PersonKey, existing: PersonKey) -> int:
    """How many of {name, date of birth, e-mail} match (e-mails compared canonically)."""
    name = (
        new.first_name.strip().lower() == existing.first_name.strip().lower()
        and new.last_name.strip().lower() == existing.last_name.strip().lower()
    )
    birth = new.date_of_birth is not None and new.date_of_birth == existing.date_of_birth
    email = canonical_email(new.email) == canonical_email(existing.email)
    return int(name) + int(birth) + int(email)


def person_key_digest(key: PersonKey) -> str | None:
    """One person's key for the unique ``RegisteredPerson`` row (all three fields, compared as
    ``duplicate_matches`` compares them); None without a date of birth."""
    if key.date_of_birth is None:
        return None
    parts = (
        key.first_name.strip().lower(),
        key.last_name.strip().lower(),
        key.date_of_birth.isoformat(),
        canonical_email(key.email),
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def duplicate_verdict(new: PersonKey, existing: list[PersonKey]) -> str:
    best = max((duplicate_matches(new, other) for other in existing), default=0)
    if best >= 3:
        return DuplicateVerdict.HOLD
    if best == 2:
        return DuplicateVerdict.MAY_EXIST
    return DuplicateVerdict.NONE


def last_used(
    *, last_active_at: datetime | None, last_login: datetime | None, created_at: datetime
) -> datetime:
    return max(moment for moment in (last_active_at, last_login, created_at) if moment is not None)


def is_unused(
    *,
    last_active_at: datetime | None,
    last_login: datetime | None,
    created_at: datetime,
    now: datetime,
) -> bool:
    """Accounts unused for more than 2 years become inactive."""
    used = last_used(last_active_at=last_active_at, last_login=last_login, created_at=created_at)
    return now - used > INACTIVE_AFTER


def is_legacy_creation(created_at: datetime, cutoff: datetime) -> bool:
    """Accounts created before the 2014-08-11 upgrade cut-over are Legacy accounts."""
    return created_at < cutoff


def new_account_number() -> str:
    """A random 7-digit account number (uniqueness is the database's job: retry on clash)."""
    return f"{secrets.randbelow(9_000_000) + 1_000_000:07d}"


def is_account_number(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{7}", text or ""))


def normalise_answer(answer: str) -> str:
    """Security answers compare case- and space-insensitively."""
    return " ".join(answer.lower().split())


def is_zip_code(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{5}(-[0-9]{4})?", text))


def is_phone(text: str) -> bool:
    """A phone number: 10 to 15 digits, with any of ( ) - . + and spaces around them."""
    text = text.strip()
    digits = re.sub(r"[^0-9]", "", text)
    return bool(re.fullmatch(r"[0-9()+\-. x]+", text)) and 10 <= len(digits) <= 15


MIN_AGE_YEARS = 13
MAX_AGE_YEARS = 120


def plausible_birth_date(born: date, today: date) -> bool:
    """Born at least 13 and at most 120 years before ``today``."""
    try:
        youngest = today.replace(year=today.year - MIN_AGE_YEARS)
    except ValueError:  # 29 February
        youngest = today.replace(year=today.year - MIN_AGE_YEARS, day=28)
    return date(today.year - MAX_AGE_YEARS, 1, 1) <= born <= youngest


_DJANGO_HASH_PREFIXES = (
    "argon2$", "pbkdf2_sha256$", "pbkdf2_sha1$", "bcrypt_sha256$", "bcrypt$", "scrypt$", "md5$",
    "sha1$",
)  # fmt: skip
_BCRYPT = re.compile(r"^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$")
_HEX = re.compile(r"^[0-9a-fA-F]+$")


def django_password_hash(text: str) -> str | None:
    """An imported password hash in a format Django can check, or None if unrecognised.

    Django strings (argon2$, pbkdf2_sha256$, bcrypt_sha256$, ...) pass through; plain bcrypt
    ``$2b$...`` becomes ``bcrypt$$2b$...``; unsalted MD5 (32 hex) becomes ``md5$$<hex>`` and
    unsalted SHA-1 (40 hex) ``sha1$$<hex>``.
    """
    text = text.strip()
    if _BCRYPT.match(text):
        return f"bcrypt${text}"
    if _HEX.match(text) and len(text) == 32:
        return f"md5$${text.lower()}"
    if _HEX.match(text) and len(text) == 40:
        return f"sha1$${text.lower()}"
    if text.startswith("sha1$$") and len(text) == 46 and _HEX.match(text[6:]):
        return text
    if text.startswith("md5$$") and len(text) == 37 and _HEX.match(text[5:]):
        return text
    if text.startswith(_DJANGO_HASH_PREFIXES) and text.count("$") >= 2:
        if text.startswith("sha1$"):
            return None  # salted SHA-1 is not supported by Django any more
        return text
    return None


# Problems with what a person typed: each returns the sentences to show (empty: none).

US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
}  # fmt: skip


@dataclass(frozen=True)
class Address:
    street: str
    city: str
    state: str
    zip_code: str
    county: str

    def as_stored(self) -> dict[str, str]:
        """The account's address columns as kept: trimmed, the state in capitals."""
        return {
            "street": self.street.strip(),
            "city": self.city.strip(),
            "state": self.state.strip().upper(),
            "zip_code": self.zip_code.strip(),
            "county": self.county.strip(),
        }


@dataclass(frozen=True)
class SecurityQuestion:
    question: str
    answer: str


def email_problems(email: str) -> list[str]:
    try:
        validate_email(email)
    except ValidationError:
        return ["Enter a valid e-mail address, such as name@example.com."]
    return []


def address_problems(address: Address) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not address.street.strip():
        problems["street"] = ["Enter your street address."]
    if not address.city.strip():
        problems["city"] = ["Enter your city."]
    if address.state.strip().upper() not in US_STATES:
        problems["state"] = ["Enter the two-letter state or territory code, such as MO."]
    if not is_zip_code(address.zip_code.strip()):
        problems["zip"] = ["Enter a 5-digit ZIP code (or ZIP+4, such as 64106-2607)."]
    if not address.county.strip():
        problems["county"] = ["Enter your county."]
    return problems


def security_problems(questions: Sequence[SecurityQuestion]) -> list[str]:
    if len(questions) != SECURITY_QUESTIONS_REQUIRED:
        return ["Choose two security questions and answer each."]
    problems = []
    if any(not q.question.strip() for q in questions):
        problems.append("Choose two security questions.")
    elif questions[0].question.strip().lower() == questions[1].question.strip().lower():
        problems.append("Choose two different security questions.")
    if any(len(normalise_answer(q.answer)) < 2 for q in questions):
        problems.append("Answer each security question (at least 2 characters).")
    return problems


def birth_problems(date_of_birth: date | None, now: datetime) -> list[str]:
    if date_of_birth is None:
        return ["Enter your date of birth."]
    if not plausible_birth_date(date_of_birth, now.date()):
        return ["Enter your real date of birth: you must be at least 13 years old."]
    return []
