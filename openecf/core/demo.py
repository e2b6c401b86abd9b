"""What every app's ``demo`` part returns: the logins ``openecf demo`` prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLogin:
    who: str
    username: str
    password: str
    note: str = ""
