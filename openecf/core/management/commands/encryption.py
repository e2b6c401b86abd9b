"""``openecf encryption new-key|rotate``: keys for stored secrets (docs/security.md)."""

from django.core.management.base import BaseCommand

from openecf import config
from openecf.core import encryption


class Command(BaseCommand):
    help = "Keys for stored secrets: 'new-key' prints one; 'rotate' re-encrypts under the first."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["new-key", "rotate"])

    def handle(self, *args, action: str, **options) -> None:
        if action == "new-key":
            self.stdout.write(config.new_encryption_key())
            return
        count = encryption.reencrypt_all()
        self.stdout.write(f"re-encrypted {count} stored secret(s) under the first key")
