"""The ``openecf`` command: Django's management commands with OpenECF's settings.

``openecf run``, ``openecf demo``, ``openecf worker``, ``openecf courts ...``,
``openecf audit verify``, ``openecf payments check`` and every Django command (``migrate``, ``shell`` ...).
A bad setting stops start-up with one line saying what to set.
"""

from __future__ import annotations

import os
import sys
import textwrap


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openecf.settings")
    from openecf.config import SettingsError

    argv = list(sys.argv if argv is None else ["openecf", *argv])
    try:
        from openecf import config

        config.read_environment()
        import django

        django.setup()
        from django.core.management import execute_from_command_line

        if argv[1:] in ([], ["help"], ["--help"], ["-h"]):
            print(overview())
            return 0
        execute_from_command_line(argv)
    except SettingsError as error:
        print(f"openecf: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


# OpenECF's own commands, in the order a newcomer needs them.
OWN_COMMANDS = (
    "run",
    "demo",
    "worker",
    "courts",
    "accounts",
    "notices",
    "audit",
    "payments",
    "billing",
    "locator",
    "encryption",
)


def overview() -> str:
    """``openecf --help``: OpenECF's own commands first, one line each, then Django's."""
    from django.core.management import get_commands, load_command_class

    commands = get_commands()
    own = [name for name in OWN_COMMANDS if name in commands]
    own += sorted(
        name
        for name, app in commands.items()
        if app.startswith("openecf.") and name not in OWN_COMMANDS
    )
    lines = ["Usage: openecf <command> [options]", "", "OpenECF's commands:"]
    for name in own:
        summary = load_command_class(commands[name], name).help.strip().splitlines()[0]
        lines.append(f"  {name:<10} {summary}")
    others = sorted(name for name, app in commands.items() if not app.startswith("openecf."))
    lines += [
        "",
        "Django's and its libraries' commands (openecf help <command> for any command):",
        *textwrap.wrap(", ".join(others), width=96, initial_indent="  ", subsequent_indent="  "),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
