"""A real SMTP server on loopback (aiosmtpd) for delivery tests and the bench.

``LoopbackSmtp`` keeps every accepted message (envelope and raw bytes) and can refuse:
``temporary_failures`` answers the next N messages ``451`` at DATA, ``refused`` answers
``550`` at RCPT for the given addresses, ``delay`` slows each accepted message down.
"""

from __future__ import annotations

import email
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from email.policy import default as default_policy

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes

    @property
    def message(self) -> Message:
        return email.message_from_bytes(self.content, policy=default_policy)

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass
class _Handler:
    refused: set[str] = field(default_factory=set)
    temporary_failures: int = 0
    delay: float = 0.0
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            if self.temporary_failures > 0:
                self.temporary_failures -= 1
                return "451 4.3.0 Mail server temporarily rejected message"
        if self.delay:
            time.sleep(self.delay)  # a slow server: the worker is mid-batch for longer
        with self.lock:
            self.received.append(
                Received(envelope.mail_from, tuple(envelope.rcpt_tos), envelope.original_content)
            )
        return "250 2.0.0 Ok: queued"


class LoopbackSmtp:
    """Start with ``with LoopbackSmtp() as server:``; ``server.port`` is free and loopback."""

    def __init__(self, *, refused: set[str] | None = None, delay: float = 0.0) -> None:
        self.handler = _Handler(refused=set(refused or ()), delay=delay)
        self.port = _free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> LoopbackSmtp:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    def fail_next(self, count: int) -> None:
        """Answer the next ``count`` messages with a temporary 451."""
        with self.handler.lock:
            self.handler.temporary_failures = count

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)

    def django_settings(self) -> dict[str, object]:
        """The mail settings that point Django's SMTP backend at this server."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": self.port,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_TIMEOUT": 10,
        }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackSmtpProcess:
    """The same server in a process of its own, as a mail server is in production: the
    bench's sender then shares no interpreter lock with it (an in-process server thread
    waits for the sender's Python work, which inflates whichever side does more of it).
    Accepts everything; ``received_count()`` asks it how many messages it kept."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> LoopbackSmtpProcess:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "openecf.tests_support.smtp", str(self.port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError("the loopback SMTP server process did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.close()  # the server stops when its stdin closes
        self.process.wait(timeout=10)

    def received_count(self) -> int:
        assert self.process is not None and self.process.stdin and self.process.stdout
        self.process.stdin.write("count\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    def django_settings(self) -> dict[str, object]:
        return LoopbackSmtp.django_settings(self)  # type: ignore[arg-type]


def _serve(port: int) -> None:
    """``python -m openecf.tests_support.smtp PORT``: serve until stdin closes; a line
    ``count`` is answered with the number of messages received."""
    server = LoopbackSmtp()
    server.port = port
    server.controller = Controller(server.handler, hostname="127.0.0.1", port=port)
    with server:
        print("ready", flush=True)
        for line in sys.stdin:
            if line.strip() == "count":
                print(len(server.received), flush=True)


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
