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
    found: list[DemoLogin] = []
    for part in _parts():
        found.extend(getattr(part, "LOGINS", []))
    return found


def logins_text() -> str:
    rows = logins()
    if not rows:
        return "No demo logins."
    lines = ["Demo logins (username / password):"]
    for login in rows:
        note = f"  — {login.note}" if login.note else ""
        lines.append(f"  {login.who:<34} {login.username:<16} {login.password}{note}")
    return "\n".join(lines)
