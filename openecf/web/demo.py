"""``openecf demo``: the letter's world, one idempotent command.

Each app contributes its part through a ``demo`` module with ``load() -> list[DemoLogin]``
(``core.demo.DemoLogin``); this module runs them in order and prints the logins.
"""

from __future__ import annotations

from types import ModuleType

from openecf.core.demo import DemoLogin
from openecf.courts.models import Court


def database_is_new() -> bool:
    return not Court.objects.exists()


def _parts() -> list[ModuleType]:
    """The apps' demo parts, in the order they build on each other (imported by name, so a
    renamed part stops ``openecf demo`` instead of silently leaving its people out)."""
    from openecf.accounts import demo as accounts_demo
    from openecf.cases import demo as cases_demo
    from openecf.courts import demo as courts_demo
    from openecf.docket import demo as docket_demo
    from openecf.ecf import demo as ecf_demo
    from openecf.firms import demo as firms_demo
    from openecf.notices import demo as notices_demo
    from openecf.registrations import demo as registrations_demo
    from openecf.signon import demo as signon_demo

    return [
        courts_demo,
        accounts_demo,
        signon_demo,
        firms_demo,
        ecf_demo,
        registrations_demo,
        notices_demo,
        cases_demo,
        docket_demo,
    ]


def load() -> list[DemoLogin]:
    """Run every part. Each action commits on its own (actions are durable, see
    docs/decisions/0006-lock-order-and-durable-actions.md): a load that stops half-way is
    finished by running it again."""
    logins: list[DemoLogin] = []
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
