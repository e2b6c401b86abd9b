"""``openecf demo``: set up the demo courts, people and cases (safe to run again).

``openecf demo --reset`` starts the demo afresh: it empties the database first (every account,
court login, audit row ...), which is refused in production.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from openecf.web import demo


class Command(BaseCommand):
    help = "Load the demo world from the W.D. Mo. letter (idempotent; --reset starts afresh)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty the database first, then load the demo afresh (never in production).",
        )

    def handle(self, *args, reset: bool = False, **options) -> None:
        if reset:
            if settings.OPENECF_PRODUCTION:
                raise CommandError(
                    "demo --reset empties the database: refused in production "
                    "(OPENECF_ENV=production)."
                )
            call_command("flush", interactive=False, verbosity=0)
            self.stdout.write("Database emptied.")
        demo.load()
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
        self.stdout.write(demo.logins_text())
