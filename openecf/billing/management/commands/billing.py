"""``openecf billing close-quarter 2026Q3 | check``: close a quarter; prove the ledger adds up."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from openecf.billing import actions, ledger_check
from openecf.billing.actions.closing import BATCH
from openecf.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "PACER billing. 'close-quarter 2026Q3' waives quarters of $30.00 or less and issues "
        "invoices and statements, e-mailed by the worker (safe to run again; a killed run "
        "resumes); 'check' proves every balance is the sum of its ledger rows."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["close-quarter", "check"])
        parser.add_argument("quarter", nargs="?", help="close-quarter: the quarter, e.g. 2026Q3")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--batch",
            type=int,
            default=BATCH,
            help=f"account ids closed per transaction (default {BATCH:,})",
        )

    def handle(
        self, *args, action: str, quarter: str | None, no_progress: bool, batch: int, **options
    ):
        if action == "check":
            return self._check()
        if not quarter:
            raise CommandError(
                "Name the quarter to close, e.g. openecf billing close-quarter 2026Q3"
            )
        bar: tqdm | None = None

        def on_start(total: int) -> None:
            nonlocal bar
            bar = tqdm(
                total=total,
                desc=f"closing {quarter}",
                # A share, not a count: the total is the span of account ids, advanced batch by
                # batch, not the number of accounts.
                bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}",
                disable=no_progress or total == 0,
                file=self.stderr._out,
            )

        def on_batch(done: int) -> None:
            if bar is not None:
                bar.update(done)

        try:
            result = actions.close_quarter(
                quarter=quarter, batch=max(1, batch), on_start=on_start, on_batch=on_batch
            )
        except DomainError as error:
            raise CommandError(error.message) from None
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(
            f"{result.quarter} closed: {result.invoices} invoice(s), "
            f"{result.statements} statement(s) issued"
        )

    def _check(self) -> None:
        problems = ledger_check.check()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"billing ledger is NOT sound: {len(problems)} problem"
                f"{'' if len(problems) == 1 else 's'} found"
            )
        self.stdout.write(f"billing ledger sound: {ledger_check.summary()}")
