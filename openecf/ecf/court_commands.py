"""``openecf courts import-logins <court_id> FILE.csv``: a court's CM/ECF logins, all or none.

Columns: login, first_name, last_name, email, bar_id, bar_state, role, case_count,
password_hash, and optionally agent_for: for a filing-agent login, the logins (separated by ";")
of the attorneys or trustees it files for, kept as ``CourtLoginAgent`` pairs until both are linked.

The hash may be any Django hash the settings know (``argon2$...``,
``pbkdf2_sha256$...``) or a plain bcrypt hash (``$2b$...``), read as Django's ``bcrypt$``.
An empty hash makes a login that can only be used after a password reset.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import identify_hasher, make_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import validate_email

from openecf.core import audit, clock
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.ecf.models import CourtLogin, CourtLoginAgent

COLUMNS = [
    "login",
    "first_name",
    "last_name",
    "email",
    "bar_id",
    "bar_state",
    "role",
    "case_count",
    "password_hash",
]
LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9._@-]{2,40}$")
ROLES = CourtLogin.Role.values


def add_subcommands(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-logins",
        help="Import a court's CM/ECF logins from a CSV file (all rows or none).",
    )
    parser.add_argument("court_id")
    parser.add_argument(
        "file", help="CSV with columns: " + ", ".join(COLUMNS) + " (and optionally agent_for)"
    )
    parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")


def handles(action: str) -> bool:
    return action == "import-logins"


def handle(command, action: str, options: dict[str, Any]) -> None:
    from openecf.courts.queries import get_court

    court = get_court(options["court_id"])
    path = Path(options["file"])
    if not path.is_file():
        raise CommandError(f"{path}: no such file.")
    try:
        count = import_logins(
            court=court,
            path=path,
            progress=not options.get("no_progress"),
            stream=command.stderr,
        )
    except ImportProblems as problems:
        raise CommandError(
            f"Nothing imported: {len(problems.lines)} bad "
            f"row{'' if len(problems.lines) == 1 else 's'}.\n" + "\n".join(problems.lines)
        ) from None
    command.stdout.write(f"{court.pk}: imported {count} CM/ECF login{'' if count == 1 else 's'}.")


class ImportProblems(Exception):
    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def clean_password_hash(value: str) -> str:
    """A stored hash Django can check; plain bcrypt becomes Django's ``bcrypt$`` form."""
    value = value.strip()
    if not value:
        return make_password(None)
    if value.startswith(("$2a$", "$2b$", "$2y$")):
        value = "bcrypt$" + value
    try:
        identify_hasher(value)
    except ValueError:
        raise ValueError(
            "password_hash is not a hash this system knows (use a Django hash such as "
            "argon2$... or pbkdf2_sha256$..., or a bcrypt $2b$... hash)"
        ) from None
    return value


def clean_row(row: dict[str, str | None]) -> tuple[dict[str, Any], str | None]:
    """One row's values, or what is wrong with it."""
    get = {key: (row.get(key) or "").strip() for key in COLUMNS}
    login = get["login"]
    if not LOGIN_PATTERN.match(login):
        return {}, (
            f"login {login!r} must be 2-40 letters, digits or . _ @ -"
            if login
            else "login is empty"
        )
    if not get["first_name"] and not get["last_name"]:
        return {}, "first_name and last_name are both empty"
    if len(get["first_name"]) > 80 or len(get["last_name"]) > 80:
        return {}, "names are limited to 80 characters"
    try:
        validate_email(get["email"])
    except ValidationError:
        return {}, f"email {get['email']!r} is not an e-mail address"
    role = get["role"].lower().replace(" ", "_").replace("-", "_")
    if role not in ROLES:
        return {}, f"role {get['role']!r} must be one of {', '.join(ROLES)}"
    bar_state = get["bar_state"].upper()
    if bar_state and not re.fullmatch(r"[A-Z]{2}", bar_state):
        return {}, f"bar_state {get['bar_state']!r} must be a two-letter state code"
    if len(get["bar_id"]) > 40:
        return {}, "bar_id is limited to 40 characters"
    count_text = get["case_count"] or "0"
    if not count_text.isdigit():
        return {}, f"case_count {count_text!r} must be a whole number"
    try:
        password = clean_password_hash(get["password_hash"])
    except ValueError as error:
        return {}, str(error)
    return {
        "login": login,
        "first_name": get["first_name"],
        "last_name": get["last_name"],
        "email": get["email"],
        "bar_id": get["bar_id"],
        "bar_state": bar_state,
        "role": role,
        "case_count": int(count_text),
        "password": password,
    }, None


def import_logins(*, court: Court, path: Path, progress: bool = True, stream=None) -> int:
    """Validate every row first, then create all logins in one transaction."""
    from tqdm import tqdm

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblems(["the file is not UTF-8 text"]) from None
    reader = csv.DictReader(text.splitlines())
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise ImportProblems(
            [f"line 1: missing column{'' if len(missing) == 1 else 's'} {', '.join(missing)}"]
        )
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    existing = {
        login.lower()
        for login in CourtLogin.objects.filter(court=court).values_list("login", flat=True)
    }
    agent_pairs: list[tuple[int, str, str]] = []  # (line, agent login, principal login)
    for row in reader:
        line = reader.line_num
        values, problem = clean_row(row)
        if problem:
            problems.append(f"line {line}: {problem}")
            continue
        key = values["login"].lower()
        if key in seen:
            problems.append(f"line {line}: login {values['login']!r} repeats line {seen[key]}")
        elif key in existing:
            problems.append(f"line {line}: login {values['login']!r} already exists at {court.pk}")
        seen.setdefault(key, line)
        rows.append(values)
        principals = [p.strip() for p in (row.get("agent_for") or "").split(";") if p.strip()]
        if principals and values["role"] != CourtLogin.Role.FILING_AGENT:
            problems.append(f"line {line}: agent_for is only for filing_agent logins")
        agent_pairs += [(line, key, principal) for principal in principals]
    for line, agent, principal in agent_pairs:
        if principal.lower() == agent:
            problems.append(f"line {line}: a login cannot be its own filing agent")
        elif principal.lower() not in seen and principal.lower() not in existing:
            problems.append(
                f"line {line}: agent_for names {principal!r}, which is not in the file or at "
                f"{court.pk}"
            )
    if problems:
        raise ImportProblems(sorted(problems, key=lambda text: int(text.split()[1][:-1])))
    now = clock.now()
    with durable_action():
        created = 0
        for values in tqdm(
            rows, desc=f"{court.pk} logins", unit="login", disable=not progress, file=stream
        ):
            CourtLogin.objects.create(court=court, created_at=now, **values)
            created += 1
        if agent_pairs:
            by_key = {
                record.login.lower(): record for record in CourtLogin.objects.filter(court=court)
            }
            for _, agent, principal in agent_pairs:
                CourtLoginAgent.objects.get_or_create(
                    court=court,
                    principal_login=by_key[principal.lower()],
                    agent_login=by_key[agent],
                    defaults={"created_at": now},
                )
        audit.record(
            actor_id=None,
            verb="court_logins.imported",
            subject=audit.Subject("court", court.pk),
            court_id=court.pk,
            details={"file": path.name, "count": created, "agent_pairs": len(agent_pairs)},
        )
    return created
