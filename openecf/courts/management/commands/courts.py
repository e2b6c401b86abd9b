"""``openecf courts ...``: list courts, seed them from courts-db, schedule NextGen go-live."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from openecf.core import clock
from openecf.core.errors import DomainError
from openecf.courts import actions, queries, rules
from openecf.courts.commands import SUBCOMMANDS
from openecf.courts.presentation import court_row


class Command(BaseCommand):
    help = "The court registry: list, seed, schedule-go-live, clear-go-live, import-logins."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="List courts with their CM/ECF status.")
        listing.add_argument("--kind", choices=["appellate", "district", "bankruptcy"])
        listing.add_argument("--state")
        listing.add_argument("--status", choices=["legacy", "nextgen"])
        sub.add_parser("seed", help="Create or refresh every sitting federal court from courts-db.")
        schedule = sub.add_parser(
            "schedule-go-live", help="Set a court's NextGen go-live (court time)."
        )
        schedule.add_argument("court_id")
        schedule.add_argument("when", help="YYYY-MM-DD (midnight court time) or YYYY-MM-DDTHH:MM")
        clear = sub.add_parser("clear-go-live", help="Unschedule a court's NextGen go-live.")
        clear.add_argument("court_id")
        # Court apps add subcommands (import-logins) from their AppConfig.ready().
        for subcommand in SUBCOMMANDS:
            subcommand.add_subcommands(sub)

    def handle(self, *args, action: str, **options) -> None:
        try:
            if action == "list":
                self._list(options)
            elif action == "seed":
                added = actions.seed_courts()
                self.stdout.write(f"{queries.courts().count()} courts ({added} added).")
            elif action == "schedule-go-live":
                court = queries.get_court(options["court_id"])
                try:
                    moment = rules.parse_go_live(options["when"], court.time_zone)
                except ValueError as exc:
                    raise CommandError(str(exc)) from None
                court = actions.schedule_go_live(actor_id=None, court=court, go_live=moment)
                row = court_row(court, clock.now())
                self.stdout.write(
                    f"{court.id}: NextGen go-live {row.go_live_text} (now {row.status})."
                )
            elif action == "clear-go-live":
                court = queries.get_court(options["court_id"])
                actions.schedule_go_live(actor_id=None, court=court, go_live=None)
                self.stdout.write(f"{court.id}: NextGen go-live cleared (now legacy).")
            else:
                for subcommand in SUBCOMMANDS:
                    if subcommand.handles(action):
                        subcommand.handle(self, action, options)
                        return
                raise CommandError(f"unknown action {action}")
        except DomainError as error:
            raise CommandError(error.message) from None

    def _list(self, options) -> None:
        now = clock.now()
        found = queries.courts(
            queries.CourtFilter(
                kind=options.get("kind"), state=options.get("state"), status=options.get("status")
            ),
            now,
        )
        self.stdout.write(_listing_line("ID", "KIND", "STATE", "STATUS", "NEXTGEN GO-LIVE", "NAME"))
        for court in found:
            row = court_row(court, now)
            self.stdout.write(
                _listing_line(
                    court.id, court.kind, court.state, row.status, row.go_live_text, court.name
                )
            )


def _listing_line(court_id: str, kind: str, state: str, status: str, go_live: str, name: str):
    """One line of ``openecf courts list``: fixed columns, the header row in the same shape."""
    return f"{court_id:<8} {kind:<10} {state:<5} {status:<7} {go_live:<40} {name}".rstrip()
