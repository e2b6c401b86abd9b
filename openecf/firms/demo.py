"""Demo firm: Jefferson & Clay LLP, its office manager (the PAA) and three attorneys.

- Alice Attorney (``aattorney1``, from the accounts demo): upgraded, MFA, linked at mowd by
  the ecf demo: ready.
- Larry Legacy (``LA1234``, from the accounts demo): a Legacy account, not upgraded.
- Ben Barrister (``bbarrister2``, created here): upgraded and MFA-enrolled, but not linked.

The firm's readiness page checks W.D. Mo. (mowd).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from openecf.accounts import facade as accounts
from openecf.accounts.demo import (
    Address,
    demo_account,
    ensure_demo_account,
    mark_demo_account_verified,
)
from openecf.core.demo import DemoLogin
from openecf.firms import actions
from openecf.firms.models import Firm, FirmMembership
from openecf.signon.demo import ensure_demo_app

if TYPE_CHECKING:
    from openecf.accounts.models import Account

FIRM_NAME = "Jefferson & Clay LLP"
PAA_USERNAME = "jcofficemgr"
PAA_PASSWORD = "Docket-Ready#2018!"
BEN_USERNAME = "bbarrister2"
BEN_PASSWORD = "Quarterly-Brief#2018"
READINESS_COURTS = ["mowd"]
BEN_TOTP_SECRET = "OPENECFDEMOBENBARRISTERMFAKEYABC"


LOGINS = [
    DemoLogin(
        "Office manager (firm's PAA)",
        PAA_USERNAME,
        PAA_PASSWORD,
        "Jefferson & Clay LLP: /firm/ and /firm/readiness/",
    ),
    DemoLogin(
        "Attorney in the firm, not linked",
        BEN_USERNAME,
        BEN_PASSWORD,
        f"MFA: add TOTP secret {BEN_TOTP_SECRET} to an authenticator app",
    ),
]


def _ben() -> Account:
    ben = ensure_demo_account(
        username=BEN_USERNAME,
        password=BEN_PASSWORD,
        account_number="4700101",
        first_name="Ben",
        last_name="Barrister",
        email="ben.barrister@jeffersonclay.example",
        date_of_birth=date(1986, 10, 2),
        phone="816-555-0142",
        address=Address(
            street="1200 Main Street",
            city="Kansas City",
            state="MO",
            zip_code="64105",
            county="Jackson",
        ),
        purpose=accounts.AccountPurpose.ATTORNEY_FILER,
        created_at=datetime(2019, 9, 3, 15, tzinfo=UTC),
    )
    # Enrolled in MFA with a known secret, so the demo can sign in as Ben.
    ensure_demo_app(account=ben, name="Demo phone", secret=BEN_TOTP_SECRET)
    return ben


def _firm() -> Firm:
    firm = Firm.objects.filter(paa__username__iexact=PAA_USERNAME).first()
    if firm:
        return firm
    firm = actions.register_firm(
        firm_name=FIRM_NAME,
        contact_first_name="Olive",
        contact_last_name="Manager",
        contact_phone="816-555-0199",
        email="office@jeffersonclay.example",
        username=PAA_USERNAME,
        password=PAA_PASSWORD,
    )
    # The demo's office manager has used the e-mailed verification link.
    mark_demo_account_verified(firm.paa_id)
    return firm


def load() -> list:
    firm = _firm()
    members = [_ben()]
    members += [
        found for found in (demo_account("aattorney1"), demo_account("LA1234")) if found is not None
    ]
    for person in members:
        if FirmMembership.objects.filter(account=person, ended_at__isnull=True).exists():
            continue
        invitation = actions.invite_member(
            firm=firm,
            actor_id=firm.paa_id,
            account_number=person.account_number,
            last_name=person.last_name,
            remark="Kansas City office",
            acknowledged=True,
        )
        actions.accept_invitation(account=person, invitation_id=invitation.pk)
    actions.choose_readiness_courts(firm=firm, actor_id=firm.paa_id, court_ids=READINESS_COURTS)
    return LOGINS
