"""What an account is made of, and the checks that collect every problem before any write."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from openecf.accounts import rules
from openecf.accounts.models import Account, SecurityAnswer

US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
}  # fmt: skip


@dataclass(frozen=True)
class Address:
    street: str
    city: str
    state: str
    zip_code: str
    county: str


@dataclass(frozen=True)
class SecurityQuestion:
    question: str
    answer: str


def _subject(account_id: int) -> str:
    return f"account:{account_id}"


def _email_problems(email: str) -> list[str]:
    try:
        validate_email(email)
    except ValidationError:
        return ["Enter a valid e-mail address, such as name@example.com."]
    return []


def _address_problems(address: Address) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not address.street.strip():
        problems["street"] = ["Enter your street address."]
    if not address.city.strip():
        problems["city"] = ["Enter your city."]
    if address.state.strip().upper() not in US_STATES:
        problems["state"] = ["Enter the two-letter state or territory code, such as MO."]
    if not rules.is_zip_code(address.zip_code.strip()):
        problems["zip"] = ["Enter a 5-digit ZIP code (or ZIP+4, such as 64106-2607)."]
    if not address.county.strip():
        problems["county"] = ["Enter your county."]
    return problems


def _security_problems(questions: Sequence[SecurityQuestion]) -> list[str]:
    if len(questions) != rules.SECURITY_QUESTIONS_REQUIRED:
        return ["Choose two security questions and answer each."]
    problems = []
    if any(not q.question.strip() for q in questions):
        problems.append("Choose two security questions.")
    elif questions[0].question.strip().lower() == questions[1].question.strip().lower():
        problems.append("Choose two different security questions.")
    if any(len(rules.normalise_answer(q.answer)) < 2 for q in questions):
        problems.append("Answer each security question (at least 2 characters).")
    return problems


def _birth_problems(date_of_birth: date | None, now: datetime) -> list[str]:
    if date_of_birth is None:
        return ["Enter your date of birth."]
    if not rules.plausible_birth_date(date_of_birth, now.date()):
        return ["Enter your real date of birth: you must be at least 13 years old."]
    return []


def _username_taken(username: str, *, exclude: int | None = None) -> bool:
    found = Account.objects.filter(username__iexact=username)
    if exclude is not None:
        found = found.exclude(pk=exclude)
    return found.exists()


def _save_security_answers(account: Account, questions: Sequence[SecurityQuestion]) -> None:
    SecurityAnswer.objects.filter(account=account).delete()
    SecurityAnswer.objects.bulk_create(
        SecurityAnswer(
            account=account,
            question=q.question.strip()[:200],
            answer_hash=make_password(rules.normalise_answer(q.answer)),
        )
        for q in questions
    )
