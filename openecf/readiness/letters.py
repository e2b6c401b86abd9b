"""The readiness checklist e-mailed to a firm's member who is not ready (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from openecf.core.letters import Letter
from openecf.readiness.rules import LINKED, NOT_YET, PRIVILEGE, CourtFacts, Row


def checklist(
    row: Row, courts: Sequence[CourtFacts], *, firm_name: str, account_url: str
) -> Letter:
    """The personal checklist e-mailed to a member who is not ready, ending with a link to
    Manage My Account."""
    m = row.member
    missing = {s.code for s in row.steps}

    def box(code: str) -> str:
        return "[ ]" if code in missing else "[x]"

    live = [c for c in courts if c.is_nextgen]
    coming = [c for c in courts if not c.is_nextgen]
    lines = [
        f"Dear {m.name},",
        "",
        f"{firm_name} is making sure every attorney can file with PACER Central Sign-On at the "
        "courts where the firm files. Here is where your PACER account "
        f"({m.account_number}, username {m.username}) stands:",
        "",
        f"{box('individual_account')} Individual PACER account (not shared)",
        f"{box('upgrade')} Upgraded PACER account (not Legacy)",
        f"{box('mfa')} Multi-factor authentication enrolled",
    ]
    for court in courts:
        status = m.court_status.get(court.court_id, NOT_YET)
        label = {
            LINKED: "CM/ECF login linked",
            PRIVILEGE: "filing privilege",
            NOT_YET: "not linked yet",
        }[status]
        state = (
            f"on NextGen CM/ECF since {court.go_live_text}"
            if court.is_nextgen
            else f"goes live {court.go_live_text}"
            if court.go_live_text != "Not scheduled"
            else "go-live not scheduled yet"
        )
        lines.append(f"{box('court:' + court.court_id)} {court.short_name} ({state}): {label}")
    lines += ["", "What to do, in this order:"]
    lines += [f"{n}. {s.text}" for n, s in enumerate(row.steps, start=1)]
    if coming:
        names = ", ".join(c.short_name for c in coming)
        lines += [
            "",
            f'If you do not know your CM/ECF login or password at {names}, use "Forgot your '
            "password\" on the court's CM/ECF login page before it goes live: saved browser "
            "passwords are lost at the change.",
        ]
    if live:
        names = ", ".join(c.short_name for c in live)
        lines += [
            "",
            f"{names} already use{'s' if len(live) == 1 else ''} NextGen CM/ECF: sign in there "
            "with your PACER account.",
        ]
    lines += ["", f"Manage My Account: {account_url}"]
    return Letter(
        f"NextGen CM/ECF: your readiness checklist from {firm_name}", "\n".join(lines) + "\n"
    )
