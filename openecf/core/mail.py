"""Outgoing mail in the embedded default: every message written as an ``.eml`` file."""

from __future__ import annotations

import hashlib
import os
import uuid
from datetime import UTC
from email.utils import parsedate_to_datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone


class EmlFileBackend(BaseEmailBackend):
    """Write each message to ``$OPENECF_DATA/mail/<date>-<id>.eml`` (readable by any mail
    client). The name comes from the message's Date and Message-ID, so sending the same
    e-mail again (a retry after a crash) rewrites its file instead of adding a second one;
    each file is written whole or not at all."""

    def __init__(self, file_path: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.directory = Path(str(file_path or getattr(settings, "EMAIL_FILE_PATH", "var/mail")))

    def send_messages(self, email_messages) -> int:
        self.directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            content = message.message()
            path = self.directory / _file_name(content["Date"], content["Message-ID"])
            partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
            partial.write_bytes(content.as_bytes(linesep="\n"))
            os.replace(partial, path)
            sent += 1
        return sent


def _file_name(date_header: str | None, message_id: str | None) -> str:
    moment = parsedate_to_datetime(date_header) if date_header else timezone.now()
    name = hashlib.sha256((message_id or uuid.uuid4().hex).encode()).hexdigest()[:16]
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%S}-{name}.eml"
