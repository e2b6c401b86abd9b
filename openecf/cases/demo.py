"""Demo judges: each demo court's judges in its draw deck, so new cases get one at random.

W.D. Mo. (district), W.D. Mo. Bankruptcy and the 8th Circuit each get judges with their
initials (case numbers show them: ``4:18-cv-00123-BCW``). The cases themselves are opened by
filings (the docket's demo), as real cases are. Running again changes nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from openecf.accounts.demo import ensure_demo_account
from openecf.accounts.facade import AccountPurpose
from openecf.cases import actions
from openecf.cases.models import JudgeSeat
from openecf.core.demo import DemoLogin
from openecf.courts.models import Court, CourtStaff

JUDGE_PASSWORD = "Chambers-Demo-Bench-2026!"
# court, username, first name, last name, initials, account number
JUDGES = [
    ("mowd", "jbwimes", "Brian C.", "Wimes", "BCW", "4000201"),
    ("mowd", "jnlaughrey", "Nanette K.", "Laughrey", "NKL", "4000202"),
    ("mowd", "jsbough", "Stephen R.", "Bough", "SRB", "4000203"),
    ("mowb", "jbfenimore", "Brian T.", "Fenimore", "BTF", "4000211"),
    ("mowb", "jcnorton", "Cynthia A.", "Norton", "CAN", "4000212"),
    ("ca8", "jlsmith", "Lavenski R.", "Smith", "LRS", "4000221"),
    ("ca8", "jbbenton", "William D.", "Benton", "WDB", "4000222"),
    ("ca8", "jjshepherd", "Bobby E.", "Shepherd", "BES", "4000223"),
]

# What every demo judge's PACER account shares.
JUDGE_ACCOUNT = {
    "password": JUDGE_PASSWORD,
    "date_of_birth": date(1962, 3, 4),
    "purpose": AccountPurpose.CASE_SEARCH,
    "created_at": datetime(2018, 1, 8, 15, tzinfo=UTC),
}

LOGINS = [
    DemoLogin(
        "Judge Brian C. Wimes (W.D. Mo. chambers)", "jbwimes", JUDGE_PASSWORD, "/mowd/cases/"
    ),
]


def load() -> list:
    """Seat each demo judge at the court and in its draw deck (weight 1)."""
    for court_id, username, first, last, initials, number in JUDGES:
        court = Court.objects.get(pk=court_id)
        email = f"{username}@chambers.uscourts.example"
        names = {"first_name": first, "last_name": last, "account_number": number}
        account = ensure_demo_account(username=username, email=email, **names, **JUDGE_ACCOUNT)
        judge, _ = CourtStaff.objects.get_or_create(
            court=court, account=account, defaults={"role": CourtStaff.Role.JUDGE}
        )
        if not JudgeSeat.objects.filter(judge=judge).exists():
            actions.set_judge_seat(
                actor_id=None, court=court, judge_id=judge.pk, initials=initials, weight=1
            )
    return LOGINS
