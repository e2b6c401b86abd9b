"""Test data for PACER account tests: registration payloads and helpers."""

from __future__ import annotations

from openecf.tests_support.factories import DEFAULT_PASSWORD

GOOD_PASSWORD = "Blue-Heron-Lantern-42!"


def password_form(new: str = GOOD_PASSWORD, *, current: str | None = DEFAULT_PASSWORD) -> dict:
    """The password pages' POST data: the new password twice and the current one (``None``
    on a reset link's page, which does not ask for it)."""
    form = {"new_password": new, "new_password_again": new}
    if current is not None:
        form["current_password"] = current
    return form


def registration_payload(**overrides) -> dict:
    payload = {
        "username": "newfiler2025",
        "password": GOOD_PASSWORD,
        "email": "nora.newcomer@example.com",
        "first_name": "Nora",
        "last_name": "Newcomer",
        "date_of_birth": "1984-02-29",
        "purpose": "attorney_filer",
        "phone": "816-555-0142",
        "address": {
            "street": "1 Main Street",
            "city": "Independence",
            "state": "MO",
            "zip": "64050",
            "county": "Jackson",
        },
        "security_questions": [
            {"question": "What was the name of your first pet?", "answer": "Rex"},
            {"question": "In what city were you born?", "answer": "Joplin"},
        ],
    }
    payload.update(overrides)
    return payload


def registration_form(**overrides) -> dict:
    """The same person as ``registration_payload`` as the registration page's POST data: the
    address in its own fields, the password twice, the questions numbered."""
    payload = registration_payload()
    address = payload.pop("address")
    questions = payload.pop("security_questions")
    data = {**payload, **address, "password_again": payload["password"]}
    for number, asked in enumerate(questions, start=1):
        data[f"question_{number}"] = asked["question"]
        data[f"answer_{number}"] = asked["answer"]
    data.update(overrides)
    return data


def upgrade_payload(**overrides) -> dict:
    payload = {
        "date_of_birth": "1966-10-02",
        "user_type": "individual",
        "address": {
            "street": "200 Walnut Street",
            "city": "Kansas City",
            "state": "MO",
            "zip": "64106",
            "county": "Jackson",
        },
        "username": "upgraded.filer",
        "password": GOOD_PASSWORD,
        "security_questions": [
            {"question": "What was the name of your first pet?", "answer": "Rex"},
            {"question": "In what city were you born?", "answer": "Joplin"},
        ],
    }
    payload.update(overrides)
    return payload
