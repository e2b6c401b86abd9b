"""``openecf locator rebuild``: make the Case Locator's index exactly the record."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm

from openecf.locator import indexing


class Command(BaseCommand):
    help = (
        "The national Case Locator. 'rebuild' makes its index exactly the courts' record: adds "
        "what is missing, corrects what differs, removes what is sealed or gone (safe to run "
        "again: a second run changes nothing)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument("--batch", type=int, default=1000, help="cases per transaction")

    def handle(self, *args, action: str, no_progress: bool, batch: int, **options) -> None:
        with tqdm(
            unit="case", desc="rebuilding", disable=no_progress, file=self.stderr._out
        ) as bar:
            done = indexing.rebuild(batch=max(1, batch), on_batch=bar.update)
        self.stdout.write(
            f"Case Locator index: {done.added} added, {done.updated} updated, "
            f"{done.removed} removed, {done.unchanged} unchanged."
        )
