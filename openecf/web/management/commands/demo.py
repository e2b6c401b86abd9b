"""``openecf demo``: set up the demo courts, people and cases (safe to run again)."""

from django.core.management.base import BaseCommand

from openecf.web import demo


class Command(BaseCommand):
    help = "Load the demo world from the W.D. Mo. letter. Idempotent."

    def handle(self, *args, **options) -> None:
        demo.load()
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
        self.stdout.write(demo.logins_text())
