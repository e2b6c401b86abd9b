"""``openecf notices send-due``: send the go-live reminders whose time has come (run by cron)."""

from django.core.management.base import BaseCommand

from openecf.notices import actions


class Command(BaseCommand):
    help = "Notices to the bar. 'send-due' sends every scheduled go-live reminder now due, once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["send-due"])

    def handle(self, *args, action: str, **options) -> None:
        sent = actions.send_due_reminders()
        for notice in sent:
            self.stdout.write(
                f"{notice.court_id}: sent '{notice.subject}' to {notice.recipient_count} "
                f"recipient{'' if notice.recipient_count == 1 else 's'}"
            )
        self.stdout.write(f"{len(sent)} reminder{'' if len(sent) == 1 else 's'} sent.")
