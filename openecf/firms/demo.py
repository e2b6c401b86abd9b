"""Demo firm: Jefferson & Clay LLP, its office manager (the PAA) and three attorneys.

- Alice Attorney (``aattorney1``, from the accounts demo): upgraded, MFA, linked at mowd by
  the ecf demo: ready.
- Larry Legacy (``LA1234``, from the accounts demo): a Legacy account, not upgraded.
- Ben Barrister (``bbarrister2``, created here): upgraded and MFA-enrolled, but not linked.

The firm's readiness page checks W.D. Mo. (mowd).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from openecf.accounts.demo import Address, ensure_demo_account
from openecf.accounts.models import Account
from openecf.core import clock
from openecf.core.demo import DemoLogin
from openecf.firms import actions
from openecf.firms.models import Firm, FirmMembership
from openecf.signon.models import AuthenticatorApp

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
        purpose=Account.Purpose.ATTORNEY_FILER,
        created_at=datetime(2019, 9, 3, 15, tzinfo=UTC),
    )
    # Enrolled in MFA with a known secret, so the demo can sign in as Ben.
    AuthenticatorApp.objects.get_or_create(
        account=ben,
        name="Demo phone",
        defaults={"secret": BEN_TOTP_SECRET, "created_at": clock.now()},
    )
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
    Account.objects.filter(pk=firm.paa_id).update(
        email_verified_at=clock.now(), status=Account.Status.ACTIVE
    )
    return firm


def load() -> list:
    firm = _firm()
    members = [_ben()]
    members += list(Account.objects.filter(username__in=["aattorney1", "LA1234"]))
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
