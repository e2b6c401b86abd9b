"""The ``openecf`` command: Django's management commands with OpenECF's settings.

``openecf run``, ``openecf demo``, ``openecf worker``, ``openecf courts ...``,
``openecf audit verify`` and every Django command (``migrate``, ``shell`` ...).
A bad setting stops start-up with one line saying what to set.
"""

from __future__ import annotations

import os
import sys


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

        execute_from_command_line(argv)
    except SettingsError as error:
        print(f"openecf: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
