"""The facts of three notices used by the letter tests (no database)."""

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from openecf.notices.nef import NefDocument, NefFacts, NefRecipient

CENTRAL = ZoneInfo("America/Chicago")
STAMP = (
    "[STAMP dcecfStamp_ID=1091000001 [Date=11/30/2026] [FileNumber=12-{n}] "
    "[" + "0123456789abcdef" * 8 + "]]"
)

DISTRICT = NefFacts(
    court_kind="district",
    court_name="Western District of Missouri",
    case_number="4:18-cv-00123-BCW",
    case_name="Acme Widget Co. v. Globex Industries, Inc. et al",
    case_url="https://ecf.example.org/mowd/cgi-bin/DktRpt.pl?81234",
    event="Motion to Dismiss",
    entered_by="Defensor, Maria",
    entered_at=datetime(2026, 11, 30, 16, 5, tzinfo=CENTRAL),
    filed_on=date(2026, 11, 30),
    filer="Globex Industries, Inc.",
    document_number=12,
    document_url=(
        "https://ecf.example.org/mowd/doc1/109012345678?caseid=81234&de_seq_num=42"
        "&magic_num=550123456789012345678901"
    ),
    docket_text=(
        "MOTION to Dismiss for Failure to State a Claim filed by Globex Industries, Inc.. "
        "(Attachments: # 1 Exhibit A, # 2 Exhibit B)(Defensor, Maria)"
    ),
    mailed=(
        NefRecipient("Alice Attorney", ("alice@example.com", "docketing@example.com")),
        NefRecipient("Maria Defensor", ("maria@example.net",)),
    ),
    not_mailed=(NefRecipient("Pat Prose", ("12 Main Street", "Kansas City, MO 64106")),),
    documents=(
        NefDocument("Main Document", "motion.pdf", STAMP.format(n=0)),
        NefDocument("Exhibit A", "exhibit-a.pdf", STAMP.format(n=1)),
        NefDocument("Exhibit B", "exhibit-b.pdf", STAMP.format(n=2)),
    ),
)

BANKRUPTCY = replace(
    DISTRICT,
    court_kind="bankruptcy",
    case_number="26-40555",
    case_name="Jordan Q. Sample",
    case_url="https://ecf.example.org/mowb/cgi-bin/DktRpt.pl?190001",
    event="Order Discharging Debtor",
    entered_by="Clerk, Carl",
    entered_at=datetime(2026, 11, 30, 9, 4, tzinfo=CENTRAL),
    filer="Court",
    document_number=31,
    document_url=(
        "https://ecf.example.org/mowb/doc1/108012409999?caseid=190001&de_seq_num=88"
        "&magic_num=770011223344556677889900"
    ),
    docket_text="Order Discharging Debtor. (cc)",
    mailed=(NefRecipient("Casey Lawyer", ("clawyer@example.com",)),),
    not_mailed=(),
    documents=(NefDocument("Main Document", "discharge.pdf", STAMP.format(n=0)),),
)

APPELLATE = replace(
    DISTRICT,
    court_kind="appellate",
    court_name="Eighth Circuit Court of Appeals",
    case_number="26-1001",
    case_name="Acme Widget Co. v. Globex Industries, Inc.",
    case_url="https://ecf.example.org/ca8/cgi-bin/DktRpt.pl?300001",
    event="Corporate Disclosure Statement",
    entered_at=datetime(2026, 11, 30, 10, 0, tzinfo=CENTRAL),
    document_number=5,
    document_url="https://ecf.example.org/ca8/docs1/008014193380?uid=3594681a19879633",
    docket_text=(
        "CORPORATE DISCLOSURE STATEMENT filed by Appellee Globex Industries, Inc.. [26-1001] (MD)"
    ),
    mailed=(NefRecipient("Ms. Alice Attorney", ("alice@example.com",)),),
    not_mailed=(),
    documents=(NefDocument("Corporate Disclosure Statement", "cds.pdf", STAMP.format(n=0)),),
)

TEXT_ONLY = replace(
    DISTRICT,
    event="Order",
    entered_by="Clerk, Carl",
    filer="",
    document_number=None,
    document_url="",
    docket_text="TEXT ORDER granting 12 Motion to Dismiss. Signed by Judge Brian C. Wimes on "
    "11/30/2026. (cc)",
    documents=(),
)
