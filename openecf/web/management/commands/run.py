"""``openecf run``: migrate, load the demo into a new database, serve the web and the worker.

Ctrl-C stops both. Honours ``PORT`` (default 8000) and ``OPENECF_DATA`` (default ``var/``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from openecf.documents import facade as documents
from openecf.web import demo


class Command(BaseCommand):
    help = "Run OpenECF: web server and background worker (migrates and seeds a new database)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--no-worker", action="store_true", help="Do not start the worker.")
        parser.add_argument("--workers", type=int, default=2, help="Web worker processes.")

    def handle(self, *args, port: int, host: str, no_worker: bool, workers: int, **options) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if demo.database_is_new():
            self.stdout.write("New database: loading the demo courts and people ...")
            demo.load()
            documents.stop_checkers()  # the demo's PDFs are checked: no idle forks of us
        python = sys.executable
        # A process manager stops us with SIGTERM (only us): stop the children too.
        signal.signal(signal.SIGTERM, _stop_as_if_interrupted)
        signal.signal(signal.SIGINT, _note_interrupt)
        children: list[subprocess.Popen] = []
        if not no_worker:
            children.append(subprocess.Popen([python, "-m", "openecf", "worker"]))
        children.append(
            subprocess.Popen(
                [
                    python,
                    "-m",
                    "gunicorn",
                    "openecf.wsgi:application",
                    "--bind",
                    f"{host}:{port}",
                    "--workers",
                    str(workers),
                    "--threads",
                    "4",
                    "--graceful-timeout",
                    "5",
                    "--access-logfile",
                    "-",
                    "--log-level",
                    "warning",
                ]
            )
        )
        shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host  # noqa: S104
        url = f"http://{shown}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nOpenECF is running: open {url}"))
        self.stdout.write(
            f"Data folder: {settings.OPENECF_DATA} (e-mails in {settings.OPENECF_DATA / 'mail'}"
            + (f", and at {url}outbox/)" if settings.DEBUG else ")")
        )
        self.stdout.write(demo.logins_text())
        self.stdout.write("Press Ctrl-C to stop the server and the worker.\n")
        stopped_by: str | None = None
        try:
            while all(child.poll() is None for child in children):
                try:
                    children[-1].wait(timeout=1)
                except subprocess.TimeoutExpired:
                    continue
            # A child ended. Ctrl-C reaches the whole process group at once, and a quick child
            # may end before our own handler has run: wait for that interrupt, briefly.
            _interrupted.wait(_GRACE_SECONDS)
        except _Terminated:
            stopped_by = "SIGTERM"
        except KeyboardInterrupt:
            stopped_by = "SIGINT"
        finally:
            if stopped_by is None and _interrupted.is_set():
                stopped_by = "SIGINT"
            crashed = [c for c in children if c.poll() is not None] if stopped_by is None else []
            # Ctrl-C in a terminal reached the children too: give them time to finish on their own.
            _stop(children, already_signalled=stopped_by == "SIGINT")
            self.stdout.write("OpenECF stopped.")
        if crashed:
            names = ", ".join(" ".join(c.args[2:4]) for c in crashed)
            self.stderr.write(f"openecf: stopped because {names} exited unexpectedly.")
            raise SystemExit(1)


_GRACE_SECONDS = 0.5
_interrupted = threading.Event()


def _note_interrupt(signum, frame) -> None:
    """Ctrl-C: remembered even if it lands while the loop is already leaving."""
    _interrupted.set()
    raise KeyboardInterrupt


class _Terminated(KeyboardInterrupt):
    """SIGTERM, from a process manager: the children did not get it."""


def _stop(children: list[subprocess.Popen], *, already_signalled: bool) -> None:
    if already_signalled:
        for child in children:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=10)
    for child in children:
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _stop_as_if_interrupted(signum, frame) -> None:
    raise _Terminated
