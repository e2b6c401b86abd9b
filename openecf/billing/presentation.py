"""How an invoice or statement reads as text (its PDF)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openecf.billing.models import QuarterStatement

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def statement_lines_text(
    statement: QuarterStatement, account: Account, lines: list[dict]
) -> list[str]:
    heading = (
        "INVOICE" if statement.kind == QuarterStatement.Kind.INVOICE else "STATEMENT OF ACCOUNT"
    )
    text = [
        f"PACER {heading} - {statement.quarter}",
        f"Account {account.account_number}  {account.full_name} ({account.username})",
        f"Issued {statement.issued_at:%B %d, %Y}"
        + (f"   Due by {statement.due_on:%B %d, %Y}" if statement.kind == "invoice" else ""),
        "",
        f"{'User':<20} {'Client code':<20} {'Pages':>7} {'Amount':>10}",
    ]
    text += [
        f"{line['username'][:20]:<20} {(line['client_code'] or '-')[:20]:<20} "
        f"{line['pages']:>7} {line['amount']:>10.2f}"
        for line in lines
    ]
    text += [
        "",
        f"Charges this quarter: ${statement.quarter_charges:.2f}"
        + ("  (waived: $30.00 or less)" if statement.waived else ""),
        f"Balance {'due' if statement.balance > 0 else ''}: ${statement.balance:.2f}",
    ]
    return text
