"""The billing e-mails: pure functions returning letters, tested byte for byte."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openecf.core.letters import Letter


def quarter_invoice(
    *, name: str, account_number: str, quarter: str, balance: Decimal, due_on: date, url: str
) -> Letter:
    return Letter(
        subject=f"PACER invoice for {quarter}: ${balance} due by {due_on:%B %-d, %Y}",
        text=(
            f"Dear {name},\n\n"
            f"Your PACER invoice for {quarter} (account {account_number}) is ready.\n"
            f"Balance due: ${balance}, by {due_on:%B %-d, %Y}.\n\n"
            f"See the itemised invoice and pay it here:\n{url}\n\n"
            "An account with a balance past due loses PACER search and viewing (not filing) "
            "until it is paid.\n\n"
            "PACER Service Center\n"
        ),
    )


def quarter_statement(
    *, name: str, account_number: str, quarter: str, balance: Decimal, waived: bool, url: str
) -> Letter:
    owed = -balance
    standing = f"a credit of ${owed}" if owed > 0 else "nothing owed"
    waiver = (
        "Your charges this quarter came to $30.00 or less, so they are waived.\n" if waived else ""
    )
    return Letter(
        subject=f"PACER statement of account for {quarter}: {standing}",
        text=(
            f"Dear {name},\n\n"
            f"Your PACER statement of account for {quarter} (account {account_number}) shows "
            f"{standing}.\n{waiver}\n"
            f"See it here:\n{url}\n\n"
            "PACER Service Center\n"
        ),
    )


def quarter_letter(
    *,
    kind: str,
    name: str,
    account_number: str,
    quarter: str,
    balance: Decimal,
    waived: bool,
    due_on: date,
    url: str,
) -> Letter:
    """The invoice (``kind="invoice"``) or the statement of account closing a quarter."""
    if kind == "invoice":
        return quarter_invoice(
            name=name, account_number=account_number, quarter=quarter, balance=balance,
            due_on=due_on, url=url,
        )  # fmt: skip
    return quarter_statement(
        name=name, account_number=account_number, quarter=quarter, balance=balance,
        waived=waived, url=url,
    )  # fmt: skip
