"""``openecf payments check|resolve``: prove the ledger adds up; settle stuck payments."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from openecf.payments import actions, ledger_check


class Command(BaseCommand):
    help = (
        "Payments tools. 'check' proves the ledger adds up (nothing stuck or charged twice); "
        "'resolve' settles payments left pending."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["check", "resolve"])
        parser.add_argument(
            "--older-than",
            type=int,
            default=None,
            metavar="SECONDS",
            help="resolve: settle payments pending at least this long (default: 2 minutes)",
        )

    def handle(self, *args, action: str, older_than: int | None, **options) -> None:
        if action == "resolve":
            grace = timedelta(seconds=older_than) if older_than is not None else None
            settled = actions.settle_pending(older_than=grace)
            for intent in settled:
                self.stdout.write(f"payment {intent.pk} ({intent.purpose_ref}): {intent.state}")
            self.stdout.write(f"{len(settled)} pending payment(s) settled")
            return
        problems = ledger_check.check()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"payments ledger is NOT sound: {len(problems)} problem"
                f"{'' if len(problems) == 1 else 's'} found"
            )
        self.stdout.write(f"payments ledger sound: {ledger_check.summary()}")
