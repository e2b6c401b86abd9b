"""Pure firm rules: input cleaning and name matching (no database, no clock)."""

from __future__ import annotations

import re

from openecf.firms.errors import FirmInputInvalid

REMARK_MAX = 200
FIRM_NAME_MAX = 200
_SPACES = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Trim and collapse runs of whitespace to one space."""
    return _SPACES.sub(" ", text or "").strip()


def clean_remark(text: str, *, field: str = "remark") -> str:
    """A brief remark is required when inviting and unlinking (PACER asks for one too)."""
    remark = squeeze(text)
    if not remark:
        raise FirmInputInvalid(
            "Enter a brief remark (for example the person's office or the reason).", field=field
        )
    if len(remark) > REMARK_MAX:
        raise FirmInputInvalid(
            f"Keep the remark to {REMARK_MAX} characters (it has {len(remark)}).", field=field
        )
    return remark


def clean_firm_name(text: str) -> str:
    name = squeeze(text)
    if not name:
        raise FirmInputInvalid("Enter the firm's name.", field="firm_name")
    if len(name) > FIRM_NAME_MAX:
        raise FirmInputInvalid(
            f"Keep the firm's name to {FIRM_NAME_MAX} characters.", field="firm_name"
        )
    return name


def clean_account_number(text: str) -> str:
    number = squeeze(text).replace(" ", "")
    if not re.fullmatch(r"[0-9]{7}", number):
        raise FirmInputInvalid(
            "Enter the 7-digit PACER account number (digits only).", field="account_number"
        )
    return number


def last_name_matches(given: str, on_file: str) -> bool:
    """Last names compare without regard to case or extra spaces."""
    return bool(squeeze(given)) and squeeze(given).casefold() == squeeze(on_file).casefold()
