"""``openecf audit verify``: prove the audit log has not been edited, deleted or truncated."""

from django.core.management.base import BaseCommand, CommandError

from openecf.core import audit
from openecf.core.models import AuditEvent


class Command(BaseCommand):
    help = "Audit log tools. 'verify' checks every hash chain."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, action: str, **options) -> None:
        breaks = audit.verify()
        if breaks:
            for b in breaks:
                self.stderr.write(f"chain {b.chain} row {b.sequence}: {b.problem}")
            raise CommandError(
                f"audit log is NOT intact: {len(breaks)} problem{'' if len(breaks) == 1 else 's'} found"
            )
        self.stdout.write(f"audit log intact: {AuditEvent.objects.count()} rows verified")
