"""The e-mails of payments, byte for byte."""

from __future__ import annotations

from decimal import Decimal

from openecf.payments import letters

COURT = "United States District Court for the Western District of Missouri"
LINK = "https://ecf.example/payments/receipts/AMOWDC-0000042/"
# payer, court, receipt number, what for, amount, when, card, link
FACTS = letters.ReceiptFacts(
    "Alice Attorney", COURT, "AMOWDC-0000042", "Pro hac vice fee", Decimal("1738.00"),
    "November 30, 2026 at 4:05 p.m. Central", "Visa ending 1111 (Office Visa)", LINK,
)  # fmt: skip


def test_the_receipt_e_mail():
    letter = letters.receipt(FACTS)

    assert letter.subject == (
        "Receipt AMOWDC-0000042: $1,738.00 paid to the United States District Court for the "
        "Western District of Missouri"
    )
    assert letter.text == (
        "Dear Alice Attorney,\n"
        "\n"
        "The United States District Court for the Western District of Missouri received your "
        "payment.\n"
        "\n"
        "Receipt number: AMOWDC-0000042\n"
        "For: Pro hac vice fee\n"
        "Amount: $1,738.00\n"
        "Paid: November 30, 2026 at 4:05 p.m. Central\n"
        "Paid with: Visa ending 1111 (Office Visa)\n"
        "\n"
        "Your receipt: https://ecf.example/payments/receipts/AMOWDC-0000042/\n"
        "\n"
        "Keep this e-mail for your records. Questions about the fee go to the clerk's office of "
        "the court.\n"
    )


def test_the_refund_e_mail():
    letter = letters.refund_notice(
        FACTS, amount=Decimal("100.00"), reason="Duplicate payment", on="December 1, 2026"
    )

    assert letter.subject == "Refund of $100.00 on receipt AMOWDC-0000042"
    assert letter.text == (
        "Dear Alice Attorney,\n"
        "\n"
        "The United States District Court for the Western District of Missouri refunded "
        "$100.00 of your payment of $1,738.00 with receipt AMOWDC-0000042 on December 1, 2026.\n"
        "\n"
        "Reason: Duplicate payment\n"
        "\n"
        "The refund goes back to the Visa ending 1111 (Office Visa); your card issuer may take "
        "a few days to show it.\n"
        "\n"
        "Your receipt: https://ecf.example/payments/receipts/AMOWDC-0000042/\n"
    )
