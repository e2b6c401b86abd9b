"""The demo record: cases opened and filed through the same actions as real filings, at their
own dates (``core.clock.as_of``), so their notices, fees, stamps and audit rows exist too.

- W.D. Mo.: the civil case ``4:18-cv-00123`` (Müller & Sons Bakery, LLC v. Great Plains
  Freight Co. et al.), ``aattorney1`` for the plaintiff and ``dcounsel1`` for the defendant,
  a pro se defendant served on paper; a motion to dismiss with two exhibits, the response
  linked to it, orders, a minute entry, a corrected entry, a stricken entry, a sealed entry and
  a notice of appeal.
- W.D. Mo. Bankruptcy: a chapter 7 case with proofs of claim.
- 8th Circuit: the appeal the clerk opened from that notice of appeal.

W.D. Mo. continues its old system's numbers (``cases.facade.continue_numbering``), so the
civil case is number 123 of 2018 in Kansas City. Every step is one entry and entries are
numbered without gaps, so running the demo again skips the steps already on the record and
finishes one that stopped half-way.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from openecf.accounts import facade as accounts
from openecf.accounts.demo import demo_account
from openecf.cases import facade as cases
from openecf.core import clock
from openecf.core.pdf import text_pdf
from openecf.courts.models import Court, CourtStaff
from openecf.docket import actions
from openecf.docket.actions.opening import OpeningRequest, open_case_by_filing, opening_key
from openecf.docket.models import DocketEntry, OpenedCase
from openecf.payments import facade as payments

LOGINS: list = []  # the people come from the accounts, ecf and cases demos

PLAINTIFF = "Müller & Sons Bakery, LLC"
CARRIER = "Great Plains Freight Co."
PRO_SE = "Robert Roe"
DEBTOR = "Jane Q. Doe"
BANK = "First Bank of Kansas City"
LENDER = "Great Plains Auto Finance"

CIVIL_KEY = opening_key("demo-mowd-4-18-cv-00123")
CHAPTER_7_KEY = opening_key("demo-mowb-chapter-7")
APPEAL_KEY = opening_key("demo-ca8-appeal")


def _card(name: str) -> payments.Card:
    return payments.Card(
        number="4111111111111111", exp_month=12, exp_year=2030, cvc="123", name=name
    )


def _fee(username: str) -> actions.FeeChoice:
    return actions.FeeChoice(card=_card(_person(username).full_name))


def _pdf(file_name: str, *lines: str, kind: str = "", description: str = "") -> actions.Upload:
    data = text_pdf(list(lines), title=file_name.removesuffix(".pdf"))
    return actions.Upload(io.BytesIO(data), file_name, kind=kind, description=description)


def _at(year: int, month: int, day: int, hour: int = 15) -> datetime:
    """A moment in the demo's history (15:00 UTC is mid-morning in Kansas City)."""
    return datetime(year, month, day, hour, tzinfo=UTC)


def _person(username: str):
    found = demo_account(username)
    if found is None:
        raise LookupError(f"The demo needs {username}: load the accounts and ecf demos first.")
    return found


def _username(account_id: int | None) -> str:
    person = accounts.person(account_id=account_id) if account_id else None
    if person is None:
        raise LookupError("The demo case has no judge: load the cases demo first.")
    return person.username


def _clerk_of(court_id: str) -> str:
    staff = (
        CourtStaff.objects.filter(court_id=court_id, role=CourtStaff.Role.CLERK)
        .select_related("account")
        .order_by("pk")
        .first()
    )
    if staff is None:
        raise LookupError(f"The demo needs a clerk at {court_id}: load the ecf demo first.")
    return staff.account.username


@dataclass(frozen=True)
class Filing:
    """One entry of the record: when, who files it, the event, the PDF (its file name and
    lines of text), attachments ((file name, type, description) each), whether it pays the
    event's fee, and the filing's other choices."""

    when: datetime
    who: str
    event: str
    pdf: tuple[str, ...] = ()
    attachments: tuple[tuple[str, str, str], ...] = ()
    pays: bool = False
    choices: dict = field(default_factory=dict)


def _filing(when: datetime, who: str, event: str, *pdf: str, **choices) -> Filing:
    attachments = tuple(choices.pop("attachments", ()))
    return Filing(when, who, event, pdf, attachments, choices.pop("pays", False), choices)


def _run(court: Court, caseid: int, filings: list[Filing], *, first_number: int) -> None:
    """File what is not on the record yet (filing k is entry ``first_number + k``)."""
    done = DocketEntry.objects.filter(caseid=caseid).count()
    for number, filing in enumerate(filings, start=first_number):
        if number <= done:
            continue
        with clock.as_of(filing.when):
            actions.file_entry(
                account=_person(filing.who),
                court=court,
                caseid=caseid,
                choices=actions.FilingChoices.of(
                    event=filing.event, redaction_confirmed=True, **filing.choices
                ),
                document=_pdf(*filing.pdf) if filing.pdf else None,
                attachments=[
                    _pdf(name, f"{kind} {description}", kind=kind, description=description)
                    for name, kind, description in filing.attachments
                ],
                fee=_fee(filing.who) if filing.pays else None,
                redaction_acknowledged=True,
            )


def _party_ids(caseid: int) -> dict[str, int]:
    return {p.name: p.id for p in cases.parties(caseid=caseid)}


def _open(username: str, court: Court, key: str, when: datetime, opening, **files) -> int:
    """Open the case once (the opening's key answers the case it opened); its caseid."""
    row = OpenedCase.objects.filter(key=key).first()
    if row is not None:
        return row.caseid
    with clock.as_of(when):
        opened = open_case_by_filing(
            account=_person(username),
            court=court,
            request=OpeningRequest(opening=opening, redaction_confirmed=True),
            key=key,
            redaction_acknowledged=True,
            **files,
        )
    return opened.case.caseid


def load() -> list:
    mowd = Court.objects.get(pk="mowd")
    caseid = _civil_case(mowd)
    notice_of_appeal = _civil_docket(mowd, caseid)
    mowb = Court.objects.filter(pk="mowb").first()
    if mowb is not None:
        _chapter_7_case(mowb)
    ca8 = Court.objects.filter(pk="ca8").first()
    if ca8 is not None:
        _appeal(ca8, caseid, notice_of_appeal)
    return LOGINS


def _civil_case(mowd: Court) -> int:
    cases.continue_numbering(
        court_id=mowd.pk, series="cv", office_number=4, year=2018, last=122, actor_id=None
    )
    title = f"{PLAINTIFF} v. {CARRIER} et al"
    opening = cases.CaseOpening(
        kind="cv",
        title=title,
        short_title=title,
        office_number=4,  # Kansas City
        nature_of_suit="190",
        cause="28:1332 Diversity-Breach of Contract",
        jurisdiction="diversity",
        jury_demand="plaintiff",
        demand_amount=Decimal("250000.00"),
        cover_sheet={"origin": "1", "class_action": "no"},
        parties=(
            cases.PartyOpening(PLAINTIFF, "plaintiff", aliases=(("Müller Bakery", "dba"),)),
            cases.PartyOpening(CARRIER, "defendant"),
            cases.PartyOpening(PRO_SE, "defendant"),  # no e-filer: served on paper
        ),
    )
    complaint = _pdf(
        "complaint.pdf",
        "IN THE UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF MISSOURI",
        f"{PLAINTIFF}, Plaintiff, v. {CARRIER} and {PRO_SE}, Defendants.",
        "COMPLAINT FOR BREACH OF CONTRACT",
        "1. Plaintiff bakes and sells bread across Missouri and Kansas.",
        "2. Defendant Great Plains Freight Co. agreed to carry Plaintiff's goods chilled.",
        "3. On March 2, 2018 a shipment of 4,000 loaves arrived spoiled.",
    )
    exhibits = [
        _pdf("carriage-agreement.pdf", "Carriage Agreement of January 5, 2017",
             kind="Exhibit", description="A - Carriage Agreement"),
        _pdf("civil-cover-sheet.pdf", "JS 44 Civil Cover Sheet", "Nature of suit: 190",
             kind="Civil Cover Sheet"),
    ]  # fmt: skip
    return _open("aattorney1", mowd, CIVIL_KEY, _at(2018, 4, 24), opening,
                 document=complaint, attachments=exhibits, fee=_fee("aattorney1"))  # fmt: skip


def _civil_docket(mowd: Court, caseid: int) -> int:
    """Entries 2-12 of 4:18-cv-00123 and the clerk's corrections; the notice of appeal's
    entry number."""
    party = _party_ids(caseid)
    plaintiff, carrier = party[PLAINTIFF], party[CARRIER]
    judge = _username(cases.case(court_id=mowd.pk, caseid=caseid).judge_account_id)
    clerk = _clerk_of(mowd.pk)
    filings = [
        _filing(_at(2018, 5, 1), "dcounsel1", "notice-of-appearance",
                "appearance.pdf", "Dana Counsel enters her appearance for the defendant.",
                filer_parties=[carrier], lead=True),
        _filing(_at(2018, 5, 1, 16), "dcounsel1", "corporate-disclosure",
                "disclosure.pdf", "Parent corporation: Plains Holdings, Inc.",
                filer_parties=[carrier]),
        _filing(_at(2018, 5, 15), "dcounsel1", "motion-dismiss",
                "motion-to-dismiss.pdf", "MOTION TO DISMISS",
                "The complaint fails to state a claim: the goods left the dock chilled.",
                attachments=[("bill-of-lading.pdf", "Exhibit", "1 - Bill of Lading"),
                             ("declaration.pdf", "Exhibit", "2 - Declaration of T. Driver")],
                filer_parties=[carrier]),
        _filing(_at(2018, 5, 29), "aattorney1", "response",
                "response.pdf", "SUGGESTIONS IN OPPOSITION",
                "The bill of lading records the trailer at 51 degrees.",
                filer_parties=[plaintiff], links=[4]),
        _filing(_at(2018, 6, 4), "aattorney1", "notice",
                "notice.pdf", "NOTICE of filing a deposition transcript (filed in error)",
                free_text="of Filing Deposition Transcript", filer_parties=[plaintiff]),
        _filing(_at(2018, 6, 5), "aattorney1", "exhibit",
                "settlement-letter.pdf", "Settlement correspondence of May 30, 2018",
                free_text="Settlement correspondence", filer_parties=[plaintiff]),
        _filing(_at(2018, 6, 12), judge, "text-order",
                free_text="Scheduling conference set for 7/10/2018 at 10:00 AM in Courtroom "
                "7B. Signed by the judge on 6/12/2018."),
        _filing(_at(2018, 7, 10), clerk, "minute-entry",
                free_text="for proceedings held before the judge: Scheduling Conference held "
                "on 7/10/2018. (Court Reporter Kathy Reporter)"),
        _filing(_at(2018, 8, 20), judge, "order-on-motion",
                "order.pdf", "ORDER", "The motion to dismiss is granted in part.",
                links=[4], free_text="granting in part and denying in part"),
        _filing(_at(2018, 9, 4), "dcounsel1", "answer",
                "answer.pdf", "ANSWER", "Defendant denies paragraphs 2 and 3.",
                filer_parties=[carrier], links=[1]),
        _filing(_at(2018, 9, 14), "aattorney1", "notice-of-appeal",
                "notice-of-appeal.pdf", "NOTICE OF APPEAL to the Eighth Circuit",
                filer_parties=[plaintiff], links=[10], pays=True),
    ]  # fmt: skip
    _run(mowd, caseid, filings, first_number=2)
    _corrections(mowd, caseid, _person(clerk).pk)
    return 1 + len(filings)  # the notice of appeal, the last filing


def _corrections(mowd: Court, caseid: int, clerk_id: int) -> None:
    """The clerk corrects entry 3's text, strikes entry 6 and seals entry 7 (once)."""
    entry_3 = DocketEntry.objects.get(caseid=caseid, entry_number=3)
    fixes = {
        6: actions.Correction(stricken=True, reason="Filed in the wrong case."),
        7: actions.Correction(sealed=True, reason="Confidential settlement communications."),
    }
    if "Plains Holdings" not in entry_3.docket_text:
        fixes[3] = actions.Correction(
            docket_text=entry_3.docket_text.replace(
                "Corporate Disclosure Statement",
                "Corporate Disclosure Statement identifying Plains Holdings, Inc. as "
                "corporate parent",
                1,
            ),
            reason="Added the corporate parent the statement names.",
        )
    with clock.as_of(_at(2018, 6, 8)):
        for number, correction in sorted(fixes.items()):
            actions.correct_entry(
                actor_id=clerk_id,
                court=mowd,
                caseid=caseid,
                entry_number=number,
                correction=correction,
            )


def _chapter_7_case(mowb: Court) -> None:
    opening = cases.CaseOpening(
        kind="bk",
        title=DEBTOR,
        chapter=7,
        parties=(
            cases.PartyOpening(DEBTOR, "debtor", tax_id="123-45-6789"),
            # the creditor matrix: creditors who may file proofs of claim
            cases.PartyOpening(BANK, "creditor"),
            cases.PartyOpening(LENDER, "creditor"),
        ),
    )
    petition = _pdf("petition.pdf", "Voluntary Petition for Individuals Filing for Bankruptcy",
                    "Chapter 7", f"Debtor: {DEBTOR}")  # fmt: skip
    caseid = _open("aattorney1", mowb, CHAPTER_7_KEY, _at(2018, 8, 6), opening,
                   document=petition, fee=_fee("aattorney1"))  # fmt: skip
    party = _party_ids(caseid)
    filings = [
        _filing(_at(2018, 9, 10), "dcounsel1", "proof-of-claim",
                "claim-1.pdf", f"Proof of Claim: {BANK}",
                "Amount of claim: $12,480.00 (credit card account ending 4417)",
                filer_parties=[party[BANK]], lead=True,
                claim={"amount_claimed": "12480.00"}),
        _filing(_at(2018, 9, 21), "dcounsel1", "proof-of-claim",
                "claim-2.pdf", f"Proof of Claim: {LENDER}",
                "Amount of claim: $8,115.37 (secured by a 2014 pickup truck)",
                filer_parties=[party[LENDER]], lead=True,
                claim={"amount_claimed": "8115.37", "secured": "6500.00"}),
    ]  # fmt: skip
    _run(mowb, caseid, filings, first_number=2)


def _appeal(ca8: Court, origin_caseid: int, notice_entry: int) -> None:
    """The 8th Circuit's clerk opens the appeal from the notice of appeal docketed at W.D. Mo.:
    the parties and their counsel come from the originating case."""
    opening = cases.CaseOpening(
        kind="ca",
        title="",
        parties=(),
        origin_court_id="mowd",
        origin_caseid=origin_caseid,
        origin_entry_number=notice_entry,
    )
    notice = _pdf("notice-of-appeal.pdf", "NOTICE OF APPEAL from W.D. Mo. 4:18-cv-00123")
    _open(_clerk_of(ca8.pk), ca8, APPEAL_KEY, _at(2018, 9, 18), opening, document=notice)
