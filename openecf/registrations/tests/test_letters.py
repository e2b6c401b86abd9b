"""The e-file registration e-mails, byte for byte (pure: no database)."""

from dataclasses import replace
from decimal import Decimal

import pytest

from openecf.core.letters import Letter
from openecf.registrations import letters, rules

MISSOURI = "the Western District of Missouri"

# whose, what kind, no case, the court's name and short name, the request's number
REQUEST = letters.Request("Ann Lee", "Attorney admission", "", MISSOURI, "W.D. Mo.", 5)
URL = "https://ecf.example/account/maintenance/requests/5/"


def _decided(status, *, message="", fee=None):
    return letters.request_decided(
        REQUEST, status=status, message=message, fee=fee, request_url=URL
    )


def test_a_received_request_says_where_to_follow_it():
    letter = letters.request_received(
        replace(REQUEST, case_number="4:26-cv-00001"),
        requests_url="https://ecf.example/account/maintenance/requests/",
    )
    assert letter == Letter(
        "W.D. Mo.: e-file registration request received",
        "Dear Ann Lee,\n\nWe sent your attorney admission request for case 4:26-cv-00001 to "
        "the Western District of Missouri (request 5). No filing at that court until the "
        "clerk's office approves it. Follow its status in Manage My Account → Maintenance → "
        "E-File Registration status (https://ecf.example/account/maintenance/requests/).\n",
    )


def test_an_approval_with_a_fee_says_who_pays_it():
    letter = _decided(
        rules.APPROVED, message="Welcome.", fee=(Decimal("199.00"), "Attorney admission")
    )
    assert letter == Letter(
        "W.D. Mo.: e-file registration request approved",
        "Dear Ann Lee,\n\n"
        "Your attorney admission request at the Western District of Missouri (request 5) is "
        "approved.\n\nMessage from the clerk's office: Welcome.\n\n"
        "You may now file at W.D. Mo. with your PACER account.\n"
        "A court fee of $199.00 (attorney admission) is now owed; pay it with your own PACER "
        "account, not a firm's.\n",
    )


def test_a_denial_gives_the_clerks_reason_and_nothing_else():
    assert _decided(rules.DENIED, message="Not admitted.").text == (
        "Dear Ann Lee,\n\n"
        "Your attorney admission request at the Western District of Missouri (request 5) is "
        "denied.\n\nMessage from the clerk's office: Not admitted.\n"
    )


def test_a_request_for_information_says_where_to_answer():
    letter = _decided(rules.NEEDS_INFORMATION, message="Send a certificate.")
    assert letter.subject == "W.D. Mo.: e-file registration request needs more information"
    assert letter.text.endswith(
        "needs more information before the court can decide it.\n\n"
        "Message from the clerk's office: Send a certificate.\n\n"
        "Answer in Manage My Account → Maintenance → E-File Registration status "
        f"({URL}).\n"
    )


@pytest.mark.parametrize("status", [rules.APPROVED, rules.DENIED, rules.NEEDS_INFORMATION])
def test_every_decision_has_its_wording(status):
    assert _decided(status).subject.startswith("W.D. Mo.: e-file registration request ")
