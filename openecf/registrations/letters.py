"""The e-mails about e-file registration requests (pure: callers pass names and full links)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openecf.core.letters import Letter
from openecf.registrations import rules

# How the subject and the letter put each decision.
WORDING = {
    rules.APPROVED: ("approved", "is approved."),
    rules.DENIED: ("denied", "is denied."),
    rules.NEEDS_INFORMATION: (
        "needs more information",
        "needs more information before the court can decide it.",
    ),
}


@dataclass(frozen=True)
class Request:
    """What a letter says of a request: whose, what kind, for which case, at which court."""

    person: str
    kind_label: str  # "Attorney admission"
    case_number: str  # "" unless the request is for one case (pro hac vice)
    court_name: str
    short_name: str
    request_id: int

    def named(self) -> str:
        case = f" for case {self.case_number}" if self.case_number else ""
        return f"{self.kind_label.lower()} request{case}"


def request_received(request: Request, *, requests_url: str) -> Letter:
    """To the person who sent a request: it is with the court, and where to follow it."""
    return Letter(
        f"{request.short_name}: e-file registration request received",
        f"Dear {request.person},\n\nWe sent your {request.named()} to {request.court_name} "
        f"(request {request.request_id}). No filing at that court until the clerk's office "
        "approves it. Follow its status in Manage My Account → Maintenance → E-File "
        f"Registration status ({requests_url}).\n",
    )


def request_decided(
    request: Request,
    *,
    status: str,
    message: str,
    fee: tuple[Decimal, str] | None,
    request_url: str,
) -> Letter:
    """The clerk's decision (``status``), the clerk's message, and what follows from it.

    ``fee``: the court fee now owed on approval (amount, what it is for), if any.
    """
    wording, sentence = WORDING[status]
    lines = [
        f"Dear {request.person},",
        "",
        f"Your {request.named()} at {request.court_name} (request {request.request_id}) {sentence}",
    ]
    if message:
        lines += ["", f"Message from the clerk's office: {message}"]
    if status == rules.APPROVED:
        lines += ["", f"You may now file at {request.short_name} with your PACER account."]
        if fee is not None:
            amount, what = fee
            lines += [
                f"A court fee of ${amount} ({what.lower()}) is now owed; pay it with your own "
                "PACER account, not a firm's."
            ]
    elif status == rules.NEEDS_INFORMATION:
        lines += [
            "",
            "Answer in Manage My Account → Maintenance → E-File Registration status "
            f"({request_url}).",
        ]
    return Letter(
        f"{request.short_name}: e-file registration request {wording}", "\n".join(lines) + "\n"
    )
