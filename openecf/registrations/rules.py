"""Pure e-file registration rules: which requests a court takes, what they need, what they cost.

No database and no clock. Court kinds are ``district``, ``bankruptcy`` and ``appellate``.
"""

from __future__ import annotations

import re

ATTORNEY = "attorney"
NON_ATTORNEY = "non_attorney"

ATTORNEY_ADMISSION = "attorney_admission"
EFILE_REGISTRATION = "efile_registration"
PRO_HAC_VICE = "pro_hac_vice"
PRO_SE = "pro_se"
TRUSTEE = "trustee"
CREDITOR = "creditor"
FILING_AGENT = "filing_agent"

ATTORNEY_KINDS = (ATTORNEY_ADMISSION, EFILE_REGISTRATION, PRO_HAC_VICE)
NON_ATTORNEY_KINDS = (PRO_SE, TRUSTEE, CREDITOR, FILING_AGENT)

SUBMITTED = "submitted"
NEEDS_INFORMATION = "needs_information"
APPROVED = "approved"
DENIED = "denied"
PENDING = (SUBMITTED, NEEDS_INFORMATION)

# The registration types each kind of court offers, per audience, in menu order.
# Bankruptcy courts admit attorneys through their district court: there an attorney asks for
# e-file registration (an "attorney admission" asked of a bankruptcy court is read as that).
# Trustees and creditors are bankruptcy roles; courts of appeals take no pro hac vice requests.
OFFERED: dict[str, dict[str, tuple[str, ...]]] = {
    "district": {
        ATTORNEY: (ATTORNEY_ADMISSION, EFILE_REGISTRATION, PRO_HAC_VICE),
        NON_ATTORNEY: (PRO_SE, FILING_AGENT),
    },
    "bankruptcy": {
        ATTORNEY: (EFILE_REGISTRATION, PRO_HAC_VICE),
        NON_ATTORNEY: (PRO_SE, TRUSTEE, CREDITOR, FILING_AGENT),
    },
    "appellate": {
        ATTORNEY: (ATTORNEY_ADMISSION, EFILE_REGISTRATION),
        NON_ATTORNEY: (PRO_SE, FILING_AGENT),
    },
}

# The court fee an approved request records as owed (a courts.fees.FeeKind); the amount is the
# court's setting (courts.fees.fee_amount: district admission $199 and pro hac vice $100 by
# default; bankruptcy and appellate courts charge none unless their clerk sets one). E-file
# registration and non-attorney requests carry no fee.
FEE_KINDS: dict[str, str] = {
    ATTORNEY_ADMISSION: "attorney_admission",
    PRO_HAC_VICE: "pro_hac_vice",
}

# Where the court asks for a certificate of good standing (a PDF).
CERTIFICATE_REQUIRED: frozenset[tuple[str, str]] = frozenset(
    {
        ("district", ATTORNEY_ADMISSION),
        ("district", PRO_HAC_VICE),
        ("appellate", ATTORNEY_ADMISSION),
    }
)

CASE_NUMBER_PATTERNS = {
    "district": re.compile(
        r"^(?P<office>\d):(?P<year>\d{2})-(?P<type>cv|cr|mc|mj)-(?P<seq>\d{5})(?P<rest>(-[a-z]{1,4}){0,2})$",
        re.IGNORECASE,
    ),
    "bankruptcy": re.compile(
        r"^(?P<office>\d):(?P<year>\d{2})-(?P<type>bk|ap)-(?P<seq>\d{5})(?P<rest>(-[a-z]{1,4})?)$",
        re.IGNORECASE,
    ),
    "appellate": re.compile(r"^(?P<year>\d{2})-(?P<seq>\d{1,5})$"),
}
CASE_NUMBER_EXAMPLES = {
    "district": "2:24-cv-01234",
    "bankruptcy": "4:24-bk-40123",
    "appellate": "24-1234",
}

_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE "
    "NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI MP AS"
)
US_STATES = frozenset(_STATE_CODES.split())

PDF_MAGIC = b"%PDF-"


def audience_of(kind: str) -> str:
    return ATTORNEY if kind in ATTORNEY_KINDS else NON_ATTORNEY


def effective_kind(court_kind: str, kind: str) -> str:
    """The type the court will decide: a bankruptcy "attorney admission" is e-file registration."""
    if court_kind == "bankruptcy" and kind == ATTORNEY_ADMISSION:
        return EFILE_REGISTRATION
    return kind


def offered_kinds(court_kind: str, audience: str) -> tuple[str, ...]:
    return OFFERED.get(court_kind, {}).get(audience, ())


def is_offered(court_kind: str, kind: str) -> bool:
    return kind in offered_kinds(court_kind, audience_of(kind))


def privilege_kind(kind: str) -> str:
    """The FilingPrivilege kind an approved request grants."""
    if kind in (ATTORNEY_ADMISSION, EFILE_REGISTRATION):
        return "attorney"
    return kind


def certificate_required(court_kind: str, kind: str) -> bool:
    return (court_kind, kind) in CERTIFICATE_REQUIRED


def certificate_allowed(kind: str) -> bool:
    return kind in ATTORNEY_KINDS


def needs_bar_number(kind: str) -> bool:
    return kind in ATTORNEY_KINDS


def needs_case_number(kind: str) -> bool:
    return kind == PRO_HAC_VICE


def normalize_case_number(court_kind: str, text: str) -> str:
    """The case number as the court writes it (type letters lower case); ValueError says how."""
    text = (text or "").strip()
    pattern = CASE_NUMBER_PATTERNS[court_kind]
    match = pattern.match(text)
    if not match:
        raise ValueError(
            f"{text!r} is not a case number at this court: write it like "
            f"{CASE_NUMBER_EXAMPLES[court_kind]}."
            if text
            else "Enter the case number you are asking to appear in (pro hac vice), like "
            f"{CASE_NUMBER_EXAMPLES[court_kind]}."
        )
    if court_kind == "appellate":
        return text
    parts = match.groupdict()
    return (
        f"{parts['office']}:{parts['year']}-{parts['type'].lower()}-{parts['seq']}"
        f"{parts['rest'] or ''}"
    )


def bar_problem(kind: str, bar_number: str, bar_state: str) -> tuple[str, str] | None:
    """(field, message) when an attorney request lacks its bar admission, else None."""
    if not needs_bar_number(kind):
        return None
    if not bar_number.strip():
        return (
            "bar_number",
            "Enter your bar number (the one on your certificate of good standing).",
        )
    if len(bar_number.strip()) > 40:
        return ("bar_number", "The bar number is at most 40 characters.")
    if bar_state.strip().upper() not in US_STATES:
        return ("bar_state", "Choose the state (two letters, e.g. MO) where you are admitted.")
    return None


def certificate_problem(*, head: bytes, size: int, limit_mb: int) -> str | None:
    """Why an uploaded certificate is refused, or None when it is a PDF within the court's limit."""
    if size == 0:
        return "The certificate of good standing file is empty: upload the PDF again."
    if size > limit_mb * 1024 * 1024:
        return (
            f"The certificate of good standing is larger than this court's limit of {limit_mb} MB: "
            "upload a smaller PDF."
        )
    if not head.startswith(PDF_MAGIC):
        return "The certificate of good standing must be a PDF file (it does not start with %PDF-)."
    return None


def may_decide(status: str) -> bool:
    """Approve or deny: while the request is pending."""
    return status in PENDING


def may_ask_for_information(status: str) -> bool:
    return status == SUBMITTED


def may_respond(status: str) -> bool:
    return status == NEEDS_INFORMATION
