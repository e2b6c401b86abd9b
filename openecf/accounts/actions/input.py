"""What an account is made of (the pure checks are in ``accounts.rules``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.hashers import make_password

from openecf.accounts import rules
from openecf.accounts.models import Account, SecurityAnswer
from openecf.accounts.rules import US_STATES as US_STATES  # re-exported for the actions package
from openecf.accounts.rules import Address as Address
from openecf.accounts.rules import SecurityQuestion as SecurityQuestion
from openecf.core import audit


def _subject(account_id: int) -> audit.Subject:
    return audit.Subject("account", account_id)


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
