"""``openecf accounts ...``: import legacy accounts, deactivate unused accounts, and the PACER
Service Center's review holds and reactivations."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from openecf.accounts import actions
from openecf.accounts.legacy_import import read_legacy_file
from openecf.accounts.models import Account
from openecf.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "PACER accounts: import-legacy, deactivate-unused, review-holds, release-hold, reactivate."
    )

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importing = sub.add_parser(
            "import-legacy",
            help="Import Legacy PACER Accounts from a CSV file (all rows or none).",
        )
        importing.add_argument("file", type=Path)
        importing.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )
        sub.add_parser(
            "deactivate-unused", help="Make accounts unused for more than 2 years inactive."
        )
        sub.add_parser("review-holds", help="List registrations held for review.")
        release = sub.add_parser(
            "release-hold", help="Release a held registration (its verification link is sent)."
        )
        release.add_argument("username")
        reactivate = sub.add_parser("reactivate", help="Make an inactive account active again.")
        reactivate.add_argument("username")

    def handle(self, *args, action: str, **options) -> None:
        if action == "import-legacy":
            self._import(options["file"], progress=not options["no_progress"])
        elif action == "deactivate-unused":
            count = actions.deactivate_unused_accounts()
            self.stdout.write(
                f"{count} account{'' if count == 1 else 's'} unused for more than 2 years made inactive."
            )
        elif action == "review-holds":
            held = Account.objects.filter(status=Account.Status.REVIEW_HOLD).order_by("created_at")
            for account in held:
                self.stdout.write(
                    f"{account.account_number}  {account.username:<20} {account.full_name:<30} "
                    f"{account.email}  registered {account.created_at:%Y-%m-%d}"
                )
            self.stdout.write(
                f"{held.count()} registration{'' if held.count() == 1 else 's'} on hold."
            )
        elif action in ("release-hold", "reactivate"):
            found = Account.objects.filter(username__iexact=options["username"]).first()
            if found is None:
                raise CommandError(f"No account has the username {options['username']}.")
            account = found
            try:
                if action == "release-hold":
                    account = actions.release_registration_hold(
                        account_id=account.pk,
                        actor_id=None,
                    )
                else:
                    account = actions.reactivate_by_service_center(
                        account_id=account.pk, actor_id=None
                    )
            except DomainError as error:
                raise CommandError(error.message) from None
            self.stdout.write(f"{account.username}: now {account.get_status_display().lower()}.")

    def _import(self, path: Path, *, progress: bool) -> None:
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        legacy = read_legacy_file(path)
        if legacy.problems:
            for problem in legacy.problems:
                self.stderr.write(f"{path}: {problem}")
            raise CommandError(
                f"{len(legacy.problems)} problem{'' if len(legacy.problems) == 1 else 's'} found; "
                "nothing was imported. "
                "Fix the rows above and run the import again."
            )
        with tqdm(
            total=len(legacy.rows),
            desc="Importing legacy accounts",
            unit="account",
            disable=not progress,
            file=self.stderr._out,
        ) as bar:
            count = actions.import_legacy_accounts(rows=legacy.rows, progress=bar.update)
        self.stdout.write(
            f"{count} legacy account{'' if count == 1 else 's'} imported from {path}."
        )
