"""Pure firm rules: input cleaning and name matching (no database, no clock)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from openecf.accounts import rules as account_rules

REMARK_MAX = 200
FIRM_NAME_MAX = 200
_SPACES = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Trim and collapse runs of whitespace to one space."""
    return _SPACES.sub(" ", text or "").strip()


def remark_problems(text: str) -> list[str]:
    """A brief remark is required when inviting and unlinking (PACER asks for one too)."""
    remark = squeeze(text)
    if not remark:
        return ["Enter a brief remark (for example the person's office or the reason)."]
    if len(remark) > REMARK_MAX:
        return [f"Keep the remark to {REMARK_MAX} characters (it has {len(remark)})."]
    return []


def firm_name_problems(text: str) -> list[str]:
    name = squeeze(text)
    if not name:
        return ["Enter the firm's name."]
    if len(name) > FIRM_NAME_MAX:
        return [f"Keep the firm's name to {FIRM_NAME_MAX} characters."]
    return []


def account_number(text: str) -> str:
    """The account number as typed, without spaces."""
    return squeeze(text).replace(" ", "")


def account_number_problems(text: str) -> list[str]:
    if not re.fullmatch(r"[0-9]{7}", account_number(text)):
        return ["Enter the 7-digit PACER account number (digits only)."]
    return []


def email_problems(address: str) -> list[str]:
    try:
        validate_email(address)
    except ValidationError:
        return [
            f"{address!r} is not an e-mail address: enter one where PACER can reach the "
            "administrator."
        ]
    return []


def firm_registration_problems(
    *,
    firm_name: str,
    contact_first_name: str,
    contact_last_name: str,
    email: str,
    username: str,
    password: str,
) -> dict[str, list[str]]:
    """Every problem with a firm's registration, by field (empty: none)."""
    first, last = squeeze(contact_first_name), squeeze(contact_last_name)
    contact = ["Enter the first and last name of the person who administers the account."]
    return {
        "firm_name": firm_name_problems(firm_name),
        "contact_first_name": contact if not first else [],
        "contact_last_name": contact if first and not last else [],
        "email": email_problems(email),
        "username": _joined(account_rules.username_problems(username)),
        "password": _joined(
            account_rules.password_problems(
                password, first_name=first, last_name=last, username=username, email=email
            )
        ),
    }


def _joined(sentences: list[str]) -> list[str]:
    """The account rules' sentences for one field, shown as one message."""
    return [" ".join(sentences)] if sentences else []


def last_name_matches(given: str, on_file: str) -> bool:
    """Last names compare without regard to case or extra spaces."""
    return bool(squeeze(given)) and squeeze(given).casefold() == squeeze(on_file).casefold()
