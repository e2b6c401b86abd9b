"""Subcommands other apps add to ``openecf courts`` (e.g. the ecf app's ``import-logins``).

The courts app imports no product app, so a court app registers its subcommand here from its
``AppConfig.ready()``. A subcommand is any object (often a module) with
``add_subcommands(subparsers)``, ``handles(action) -> bool`` and
``handle(command, action, options)``.
"""

from __future__ import annotations

from typing import Any, Protocol


class Subcommand(Protocol):
    def add_subcommands(self, subparsers: Any) -> None: ...

    def handles(self, action: str) -> bool: ...

    def handle(self, command: Any, action: str, options: dict[str, Any]) -> None: ...


SUBCOMMANDS: list[Subcommand] = []


def register_subcommand(subcommand: Subcommand) -> None:
    """Add a subcommand to ``openecf courts``; registering the same one twice adds it once."""
    if subcommand not in SUBCOMMANDS:
        SUBCOMMANDS.append(subcommand)
