"""Reading a legacy accounts CSV: every row checked first, each problem with its line number."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from openecf.accounts import rules
from openecf.accounts.actions import LegacyAccountRow
from openecf.accounts.models import Account

REQUIRED_COLUMNS = ["username", "first_name", "last_name", "email", "password_hash"]
OPTIONAL_COLUMNS = ["account_number", "phone", "created_at"]
CENTRAL = ZoneInfo("America/Chicago")


@dataclass(frozen=True)
class LegacyFile:
    rows: list[LegacyAccountRow]
    problems: list[str]


def default_created_at() -> datetime:
    """The day before the 2014-08-11 cut-over, for rows that do not say when."""
    cutoff: datetime = settings.LEGACY_ACCOUNT_CUTOFF
    return datetime.combine(date(2014, 8, 10), time(0, 0), tzinfo=cutoff.tzinfo)


def _created_at(text: str) -> datetime:
    text = text.strip()
    if not text:
        return default_created_at()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"created_at “{text}” is not a date such as 2009-06-01") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=CENTRAL)
    if not rules.is_legacy_creation(moment, settings.LEGACY_ACCOUNT_CUTOFF):
        raise ValueError("created_at must be before 2014-08-11 (legacy accounts only)")
    return moment


def read_legacy_file(path: Path) -> LegacyFile:
    problems: list[str] = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip() for c in reader.fieldnames or []]
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            return LegacyFile(
                [],
                [
                    f"line 1: missing column{'' if len(missing) == 1 else 's'} "
                    f"{', '.join(missing)} in the header"
                ],
            )
        unknown = [c for c in columns if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
        if unknown:  # a misspelt optional column would otherwise be ignored without a word
            known = ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
            return LegacyFile(
                [],
                [
                    f"line 1: unknown column{'' if len(unknown) == 1 else 's'} "
                    f"{', '.join(unknown)}: use {known}"
                ],
            )
        raw: list[tuple[int, dict[str, str]]] = []
        for record in reader:
            cleaned = {
                (k or "").strip(): (v or "").strip()
                for k, v in record.items()
                if not isinstance(v, list)
            }
            if None in record:
                problems.append(f"line {reader.line_num}: more values than columns")
                continue
            raw.append((reader.line_num, cleaned))
    if not raw and not problems:
        return LegacyFile([], ["the file has no accounts after the header line"])
    usernames = {u.lower() for u in Account.objects.values_list("username", flat=True)}
    numbers = set(Account.objects.values_list("account_number", flat=True))
    seen_usernames: dict[str, int] = {}
    seen_numbers: dict[str, int] = {}
    for line, record in raw:
        if record.get("account_number"):
            seen_numbers.setdefault(record["account_number"], line)
    taken_numbers = numbers | set(seen_numbers)
    rows: list[LegacyAccountRow] = []
    for line, record in raw:
        found: list[str] = []
        username = record.get("username", "")
        if not rules.is_legacy_username(username) or not username.isalnum():
            found.append(f"username “{username}” must be 6 letters or digits")
        elif username.lower() in usernames:
            found.append(f"username {username} already exists")
        elif username.lower() in seen_usernames:
            found.append(f"username {username} is also on line {seen_usernames[username.lower()]}")
        else:
            seen_usernames[username.lower()] = line
        for column in ("first_name", "last_name"):
            if not record.get(column):
                found.append(f"{column} is empty")
        try:
            validate_email(record.get("email", ""))
        except ValidationError:
            found.append(f"email “{record.get('email', '')}” is not a valid e-mail address")
        number = record.get("account_number", "")
        if number and not rules.is_account_number(number):
            found.append(f"account_number “{number}” must be 7 digits")
        elif number and number in numbers:
            found.append(f"account_number {number} already exists")
        elif number and seen_numbers.get(number) != line:
            found.append(f"account_number {number} is also on line {seen_numbers[number]}")
        password_hash = rules.django_password_hash(record.get("password_hash", ""))
        if not record.get("password_hash"):
            found.append("password_hash is empty")
        elif password_hash is None:
            found.append(
                "password_hash is not in a known format (argon2$, pbkdf2_sha256$, "
                "bcrypt_sha256$, bcrypt $2b$, unsalted MD5 or SHA-1 hex)"
            )
        try:
            created_at = _created_at(record.get("created_at", ""))
        except ValueError as error:
            found.append(str(error))
            created_at = default_created_at()
        if found:
            problems.extend(f"line {line}: {problem}" for problem in found)
            continue
        if not number:
            number = rules.new_account_number()
            while number in taken_numbers:
                number = rules.new_account_number()
            taken_numbers.add(number)
        rows.append(
            LegacyAccountRow(
                line=line,
                account_number=number,
                username=username,
                first_name=record["first_name"],
                last_name=record["last_name"],
                email=record["email"],
                phone=record.get("phone", ""),
                password_hash=password_hash or "",
                created_at=created_at,
            )
        )
    return LegacyFile(rows, problems)
