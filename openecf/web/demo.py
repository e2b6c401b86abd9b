"""``openecf demo``: the letter's world, one idempotent command.

Each app contributes its part through a ``demo`` module with ``load() -> list[DemoLogin]``;
this module runs them in order and prints the logins.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from django.db import transaction

from openecf.courts.models import Court

# Apps that add to the demo, in the order they build on each other.
PARTS = [
    "openecf.courts.demo",
    "openecf.accounts.demo",
    "openecf.signon.demo",
    "openecf.firms.demo",
    "openecf.ecf.demo",
    "openecf.registrations.demo",
    "openecf.notices.demo",
]


@dataclass(frozen=True)
class DemoLogin:
    who: str
    username: str
    password: str
    note: str = ""


def database_is_new() -> bool:
    return not Court.objects.exists()


def _parts():
    for name in PARTS:
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


def load() -> list[DemoLogin]:
    logins: list[DemoLogin] = []
    with transaction.atomic():
        for part in _parts():
            logins.extend(part.load())
    return logins


def logins() -> list[DemoLogin]:
    """Every part's logins; a person listed by two parts appears once, with both notes."""
    found: dict[str, DemoLogin] = {}
    for part in _parts():
        for login in getattr(part, "LOGINS", []):
            earlier = found.get(login.username)
            if earlier is None:
                found[login.username] = login
            else:
                note = "; ".join(n for n in (earlier.note, login.note) if n)
                found[login.username] = DemoLogin(
                    earlier.who, earlier.username, earlier.password, note
                )
    return list(found.values())


def logins_text() -> str:
    rows = logins()
    if not rows:
        return "No demo logins."
    lines = ["Demo logins (username / password):"]
    for login in rows:
        note = f"  — {login.note}" if login.note else ""
        lines.append(f"  {login.who:<34} {login.username:<16} {login.password}{note}")
    return "\n".join(lines)
