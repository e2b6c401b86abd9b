"""``openecf worker``: run background tasks (e-mail, notices) from the database queue."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background worker (django-tasks database backend) until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument("--batch", action="store_true", help="Run queued tasks, then exit.")

    def handle(self, *args, interval: float, batch: bool, **options) -> None:
        worker_options = {"interval": interval}
        if batch:
            worker_options["batch"] = True
        call_command("db_worker", **worker_options)
