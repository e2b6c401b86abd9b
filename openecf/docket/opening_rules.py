"""Pure rules of opening a case by a filing: which event opens which kind of case, who files
it and against whom, the bankruptcy fee arrangements, the opening entry's own free text.

No ORM, no request, no clock. The case's own rules (numbers, parties, roles, the judge draw)
are ``cases``'; these are the docket's part of an opening (docs/cases.md, "Opening a case").
"""

from __future__ import annotations

from collections.abc import Sequence

# The events that open each kind of case, the first one the default.
OPENING_EVENTS: dict[str, tuple[str, ...]] = {
    "cv": ("complaint",),
    "cr": ("indictment", "information"),
    "mc": ("misc-case",),
    "ap": ("adversary-complaint",),
    "ca": ("notice-of-appeal-docketed",),
}
# A bankruptcy petition's event follows its chapter.
PETITION_EVENT = "petition-ch{chapter}"

# Which parties file the opening document, and which it is filed against, by kind of case.
FILER_ROLES: dict[str, tuple[str, ...]] = {
    "cv": ("plaintiff", "petitioner"),
    "cr": ("plaintiff",),
    "mc": ("petitioner", "movant", "plaintiff"),
    "bk": ("debtor", "joint_debtor"),
    "ap": ("plaintiff",),
    "ca": ("appellant", "petitioner"),
}
AGAINST_ROLES: dict[str, tuple[str, ...]] = {
    "cv": ("defendant", "respondent"),
    "cr": ("defendant",),
    "mc": ("respondent", "defendant"),
    "bk": (),
    "ap": ("defendant",),
    "ca": ("appellee", "respondent"),
}

# How a bankruptcy petition's fee is met: paid now, or an application filed as entry 2
# (Official Form 103A, installments; 103B, a chapter 7 waiver).
PAY = "pay"
INSTALLMENTS = "installments"
WAIVER = "waiver"
FEE_ARRANGEMENTS = (PAY, INSTALLMENTS, WAIVER)
APPLICATION_EVENTS = {
    INSTALLMENTS: "application-installments",
    WAIVER: "application-fee-waiver",
}


def opening_event(kind: str, *, chapter: int | None, chosen: str = "") -> str | None:
    """The event code that opens a ``kind`` case (``chosen`` among several), or None."""
    if kind == "bk":
        return PETITION_EVENT.format(chapter=chapter) if chapter in (7, 11, 12, 13) else None
    allowed = OPENING_EVENTS.get(kind, ())
    if not allowed:
        return None
    if not chosen:
        return allowed[0]
    return chosen if chosen in allowed else None


def opening_event_problem(kind: str, chosen: str) -> str:
    allowed = OPENING_EVENTS.get(kind, ())
    if kind == "bk" or kind not in OPENING_EVENTS:
        return ""
    if chosen and chosen not in allowed:
        return f"A {kind} case is opened by one of these events: {', '.join(allowed)}."
    return ""


def fee_arrangement_problems(
    arrangement: str, *, kind: str, chapter: int | None, court_filer: bool, has_application: bool
) -> dict[str, list[str]]:
    """What is wrong with how the opening's fee is met (field -> sentences)."""
    problems: dict[str, list[str]] = {}
    if arrangement not in FEE_ARRANGEMENTS:
        problems["fee_arrangement"] = ["Choose how the fee is met: pay, installments or waiver."]
        return problems
    if arrangement == PAY:
        if has_application:
            problems["fee_application"] = [
                "A fee application goes with installments or a waiver only: leave it out to pay."
            ]
        return problems
    if kind != "bk":
        problems["fee_arrangement"] = [
            "Installments and waivers are for bankruptcy petitions: pay the fee."
        ]
    elif court_filer:
        problems["fee_arrangement"] = ["The court opens cases without a fee: choose pay."]
    elif arrangement == WAIVER and chapter != 7:
        problems["fee_arrangement"] = [
            "Only a chapter 7 fee can be waived (Official Form 103B): pay, or apply to pay in "
            "installments."
        ]
    if not has_application:
        form = "103A" if arrangement == INSTALLMENTS else "103B"
        problems.setdefault("fee_application", []).append(
            f"Attach the signed application (Official Form {form}) as a PDF."
        )
    return problems


def parties_by_role(parties: Sequence[tuple[int, str]], roles: Sequence[str]) -> tuple[int, ...]:
    """The ids, in order, of the ``(id, role)`` parties whose role is one of ``roles``."""
    return tuple(pid for pid, role in parties if role in roles)


def indictment_text(defendants: Sequence[tuple[str, int | None]]) -> str:
    """``as to John Doe (1), Jane Roe (2)``: the criminal opening's free text."""
    named = [f"{name} ({number})" if number else name for name, number in defendants]
    return f"as to {', '.join(named)}" if named else ""


def appeal_text(*, origin_court: str, origin_number: str, entry_number: int) -> str:
    """``from W.D. Mo. case 4:18-cv-00123-BCW, entry 15``: the appeal's free text."""
    return f"from {origin_court} case {origin_number}, entry {entry_number}"
