"""``openecf worker``: run background tasks (e-mail, notices) from the database queue.

It also runs the scheduler that enqueues periodic work (``openecf.core.periodic``); start
extra workers with ``--no-scheduler``.
"""

import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand

from openecf.core import periodic


class Command(BaseCommand):
    help = "Run the background worker (django-tasks database backend) until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument("--batch", action="store_true", help="Run queued tasks, then exit.")
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Do not enqueue periodic tasks."
        )

    def handle(self, *args, interval: float, batch: bool, no_scheduler: bool, **options) -> None:
        worker_options = {"interval": interval, "reload": False}
        if batch:
            worker_options["batch"] = True
        stop = threading.Event()
        if not (batch or no_scheduler):
            threading.Thread(
                target=periodic.run_scheduler, args=(stop,), name="openecf-scheduler", daemon=True
            ).start()
        try:
            call_command("db_worker", **worker_options)
        finally:
            stop.set()
