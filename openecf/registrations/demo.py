"""Demo: a visiting attorney's pending pro hac vice request at W.D. Mo. (mowd)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from openecf.accounts import facade as accounts
from openecf.accounts.demo import Address, ensure_demo_account
from openecf.core.demo import DemoLogin
from openecf.core.pdf import text_pdf
from openecf.courts.models import Court
from openecf.registrations import actions, rules
from openecf.registrations.models import RegistrationRequest

if TYPE_CHECKING:
    from openecf.accounts.models import Account

USERNAME = "phvcounsel"
PASSWORD = "Admitted-In-Kansas-2026!"
CASE_NUMBER = "4:25-cv-00417"

LOGINS = [
    DemoLogin(
        "Visiting attorney (pro hac vice)",
        USERNAME,
        PASSWORD,
        "pending pro hac vice request at mowd",
    )
]


def certificate_pdf(text: str = "Certificate of Good Standing") -> bytes:
    """A small, valid one-page PDF saying ``text``."""
    return text_pdf([text], title=text)


def _demo_attorney() -> Account:
    return ensure_demo_account(
        username=USERNAME,
        password=PASSWORD,
        first_name="Paula",
        last_name="Visiting",
        email="phvcounsel@example.com",
        date_of_birth=date(1979, 3, 14),
        phone="785-555-0142",
        address=Address(
            street="500 State Avenue",
            city="Kansas City",
            state="KS",
            zip_code="66101",
            county="Wyandotte",
        ),
        purpose=accounts.AccountPurpose.ATTORNEY_FILER,
    )


def load() -> list:
    court = Court.objects.filter(pk="mowd").first()
    if court is None:
        return LOGINS
    account = _demo_attorney()
    if not RegistrationRequest.objects.filter(
        court=court, account=account, kind=rules.PRO_HAC_VICE, case_number=CASE_NUMBER
    ).exists():
        actions.submit_registration(
            account=account,
            court=court,
            kind=rules.PRO_HAC_VICE,
            case_number=CASE_NUMBER,
            bar_number="KS-21987",
            bar_state="KS",
            firm_name="Visiting & Partners LLP",
            remarks="Local counsel filed the motion for admission pro hac vice.",
            certificate=actions.Certificate("good-standing-kansas.pdf", certificate_pdf()),
            terms_accepted=True,
            link_warning_acknowledged=True,
        )
    return LOGINS
