"""The docket text, byte for byte, as CM/ECF writes it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from openecf.docket.rules import (
    COURT_TEMPLATE,
    FeePaid,
    LinkedEntry,
    Signature,
    TextParts,
    docket_text,
    money_in_text,
    template_problems,
)

LAWYER = Signature(last_name="Lastname", first_name="Firstname")
MOTION = LinkedEntry(12, "MOTION to Dismiss")
STAFF = Signature(staff_initials="bcw")

TEXTS = {
    "a motion with modifier, free text and two exhibits": (
        TextParts(
            event_name="MOTION to Dismiss",
            modifier="First",
            free_text="due to  lack of evidence",
            filers=["Acme Corp."],
            attachments=["Exhibit A", "Exhibit B"],
            signature=LAWYER,
        ),
        "First MOTION to Dismiss due to lack of evidence filed by Acme Corp. "
        "(Attachments: # 1 Exhibit A, # 2 Exhibit B)(Lastname, Firstname)",
    ),
    "a filing without attachments: a space before the attorney": (
        TextParts(event_name="ANSWER to Complaint", filers=["Beta LLC"], signature=LAWYER),
        "ANSWER to Complaint filed by Beta LLC. (Lastname, Firstname)",
    ),
    "a response names the entry it responds to": (
        TextParts(
            event_name="RESPONSE in Opposition",
            links=[MOTION],
            filers=["Acme Corp.", "Jane Roe"],
            signature=LAWYER,
        ),
        "RESPONSE in Opposition re 12 MOTION to Dismiss filed by Acme Corp., Jane Roe. "
        "(Lastname, Firstname)",
    ),
    "a complaint with its fee, receipt and the parties it is against": (
        TextParts(
            event_name="COMPLAINT",
            against=["Beta LLC"],
            filers=["Acme Corp."],
            fee=FeePaid(Decimal("405.00"), "AMOWDC-1234567"),
            attachments=["Civil Cover Sheet"],
            signature=LAWYER,
        ),
        "COMPLAINT against Beta LLC ( Filing fee $ 405, receipt number AMOWDC-1234567), "
        "filed by Acme Corp. (Attachments: # 1 Civil Cover Sheet)(Lastname, Firstname)",
    ),
    "a court entry ends with the staff initials": (
        TextParts(
            event_name="TEXT ORDER",
            template=COURT_TEMPLATE,
            links=[MOTION],
            free_text="granting. Signed by Judge Brian C. Wimes on 4/24/2018",
            signature=STAFF,
        ),
        "TEXT ORDER re 12 MOTION to Dismiss granting. Signed by Judge Brian C. Wimes on "
        "4/24/2018. (bcw, COURT STAFF)",
    ),
    "a minute entry without free text is its name": (
        TextParts(event_name="MINUTE ENTRY", template=COURT_TEMPLATE, signature=STAFF),
        "MINUTE ENTRY. (bcw, COURT STAFF)",
    ),
}


@pytest.mark.parametrize(("parts", "expected"), TEXTS.values(), ids=TEXTS.keys())
def test_the_docket_text_reads_as_cmecf_writes_it(parts, expected):
    assert docket_text(parts) == expected


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(Decimal("405"), "405"), (Decimal("605.00"), "605"), (Decimal("26.5"), "26.50")],
)
def test_fees_show_whole_dollars_without_cents(amount, shown):
    assert money_in_text(amount) == shown


def test_a_clerks_template_may_use_only_the_known_placeholders():
    assert template_problems("{event} filed by {filers}.") == []
    assert template_problems("{event} by {lawyer}") == [
        "Unknown placeholder(s) {lawyer}: use only {modifier}, {event}, {against}, {links}, "
        "{free_text}, {fee}, {filers}."
    ]
    assert template_problems("filed by {filers}") == [
        "The template must contain {event}, the event's name."
    ]
    assert template_problems("{event") == [
        "Braces must come in pairs around a placeholder name, e.g. {event}."
    ]
    assert template_problems(" ")[0].startswith("Enter the docket-text template")
