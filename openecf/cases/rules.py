"""Pure rules of cases: case numbers, partial numbers, the judge draw, opening problems.

No ORM, no request, no clock. Case numbers follow CM/ECF (docs/cases.md, facts §7.1):
district ``O:YY-tt-NNNNN`` (shown with the judge's initials, ``4:18-cv-00123-BCW``; a criminal
defendant adds ``-N``), bankruptcy ``YY-NNNNN`` (cases and adversary proceedings share the
court's yearly series, so the number alone names one), appellate ``YY-NNNN``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from openecf.courts.case_numbers import NumberQuery as NumberQuery  # re-exported
from openecf.courts.case_numbers import parse_number as parse_number  # re-exported

DISTRICT_KINDS = ("cv", "cr", "mc", "mj")
BANKRUPTCY_KINDS = ("bk", "ap")
APPELLATE_KINDS = ("ca",)
KINDS_OF_COURT = {
    "district": DISTRICT_KINDS,
    "bankruptcy": BANKRUPTCY_KINDS,
    "appellate": APPELLATE_KINDS,
}
CHAPTERS = (7, 11, 12, 13)
ALIAS_KINDS = ("aka", "dba", "fdba", "fka")
KIND_NAMES = {
    "cv": "civil case",
    "cr": "criminal case",
    "mc": "miscellaneous case",
    "mj": "magistrate judge case",
    "bk": "bankruptcy case",
    "ap": "adversary proceeding",
    "ca": "appeal",
}
# Roles a party may have, by kind of case (the first ones are the ones a case needs).
ROLES_OF_KIND = {
    "cv": ("plaintiff", "defendant", "petitioner", "respondent", "intervenor", "interested_party"),
    "cr": ("defendant", "plaintiff", "interested_party", "movant"),
    "mc": ("petitioner", "respondent", "movant", "plaintiff", "defendant", "interested_party"),
    "mj": ("defendant", "plaintiff", "interested_party"),
    "bk": ("debtor", "joint_debtor", "trustee", "us_trustee", "creditor", "interested_party"),
    "ap": ("plaintiff", "defendant", "trustee", "interested_party"),
    "ca": ("appellant", "appellee", "petitioner", "respondent", "intervenor", "interested_party"),
}


def series_of(kind: str) -> str:
    """The number series a kind of case draws from: adversaries share the bankruptcy series."""
    return "bk" if kind == "ap" else kind


def sequence_width(kind: str) -> int:
    return 4 if kind == "ca" else 5


def case_number(*, kind: str, office_number: int, year: int, sequence: int) -> str:
    """The case number as the court keeps it (no judge initials): unique per court."""
    yy = f"{year % 100:02d}"
    seq = f"{sequence:0{sequence_width(kind)}d}"
    if kind in DISTRICT_KINDS:
        return f"{office_number}:{yy}-{kind}-{seq}"
    return f"{yy}-{seq}"


def shown_number(
    number: str,
    *,
    kind: str,
    judge_initials: str = "",
    referred_initials: str = "",
    defendant_number: int | None = None,
) -> str:
    """The number as CM/ECF shows it: ``4:18-cv-00123-BCW``, ``1:17-cr-00201-ABJ-2``."""
    if kind not in DISTRICT_KINDS:
        return number
    shown = number
    if judge_initials:
        shown += f"-{judge_initials.upper()}"
    if referred_initials:
        shown += f"-{referred_initials.lower()}"
    if defendant_number is not None:
        shown += f"-{defendant_number}"
    return shown


def judge_initials(first_name: str, last_name: str) -> str:
    """Initials from a judge's name, as CM/ECF numbers show them: Brian C. Wimes -> BCW."""
    words = [w for w in re.split(r"[\s.\-]+", f"{first_name} {last_name}") if w]
    return "".join(w[0] for w in words).upper()[:4] or "XX"


def draw_judge(deck: Sequence[tuple[int, int]], roll: float) -> int | None:
    """The judge a roll in [0, 1) draws from a weighted deck ``[(judge id, weight), ...]``.

    The deck is walked in the order given; the same deck and roll always draw the same judge,
    so a draw recorded with both can be checked later. None when the deck is empty.
    """
    total = sum(weight for _, weight in deck if weight > 0)
    if total <= 0:
        return None
    point = roll * total
    for judge, weight in deck:
        if weight <= 0:
            continue
        if point < weight:
            return judge
        point -= weight
    return [judge for judge, weight in deck if weight > 0][-1]


def spoken_date(day: date) -> str:
    """A date as every page writes it: April 24, 2018."""
    return f"{day:%B} {day.day}, {day.year}"


def tax_id_digits(text: str) -> str:
    return re.sub(r"[\s-]", "", text or "")


def tax_id_problem(text: str) -> str:
    digits = tax_id_digits(text)
    if not re.fullmatch(r"\d{9}", digits):
        return "Enter the debtor's full 9-digit Social Security or taxpayer number (ITIN)."
    if digits[:3] in ("000", "666") or digits[3:5] == "00" or digits[5:] == "0000":
        return "That is not a valid Social Security or taxpayer number: check the digits."
    return ""


def last_four(text: str) -> str:
    return tax_id_digits(text)[-4:]


def masked_tax_id(last: str) -> str:
    return f"xxx-xx-{last}" if last else ""


@dataclass(frozen=True)
class AttorneyOpening:
    account_id: int
    lead: bool = False
    to_be_noticed: bool = True
    pro_hac_vice: bool = False


@dataclass(frozen=True)
class PartyOpening:
    name: str
    role: str
    aliases: tuple[tuple[str, str], ...] = ()  # (name, kind): ("Acme Co.", "dba")
    attorneys: tuple[AttorneyOpening, ...] = ()
    tax_id: str = ""  # a debtor's full SSN/ITIN: kept encrypted, only the last four shown
    defendant_number: int | None = None
    pro_se_account_id: int | None = None  # the pro se e-filer opening the case for itself


@dataclass(frozen=True)
class CaseOpening:
    """Everything a new case needs, as a page's form or the API's body gives it."""

    kind: str
    title: str
    parties: tuple[PartyOpening, ...]
    short_title: str = ""
    office_number: int | None = None
    nature_of_suit: str = ""
    cause: str = ""
    jurisdiction: str = ""
    jury_demand: str = "none"
    demand_amount: Decimal | None = None
    cover_sheet: Mapping[str, str] = field(default_factory=dict)
    chapter: int | None = None
    joint_petition: bool = False
    sealed: bool = False
    lead_caseid: int | None = None  # an adversary proceeding's bankruptcy case
    origin_court_id: str = ""  # an appeal's originating court, case and entry
    origin_caseid: int | None = None
    origin_case_number: str = ""
    origin_entry_number: int | None = None


JURISDICTIONS = ("us_plaintiff", "us_defendant", "federal_question", "diversity")
JURY_DEMANDS = ("none", "plaintiff", "defendant", "both")


def _add(problems: dict[str, list[str]], where: str, sentence: str) -> None:
    problems.setdefault(where, []).append(sentence)


def opening_problems(
    opening: CaseOpening, *, court_kind: str, offices: Sequence[int]
) -> dict[str, list[str]]:
    """Every problem with a case opening, field -> sentences (``parties.0.name`` for a party)."""
    problems: dict[str, list[str]] = {}
    allowed = KINDS_OF_COURT.get(court_kind, ())
    if opening.kind not in allowed:
        names = ", ".join(KIND_NAMES[k] for k in allowed)
        _add(problems, "kind", f"This court opens these kinds of case: {names}.")
        return problems
    if not opening.title.strip():
        _add(problems, "title", "Enter the case title (for example: Smith v. Jones).")
    elif len(opening.title) > 400:
        _add(problems, "title", "Shorten the case title to 400 characters.")
    if len(opening.short_title) > 120:
        _add(problems, "short_title", "Shorten the short title to 120 characters.")
    kind = opening.kind
    if kind in DISTRICT_KINDS:
        if opening.office_number is None:
            _add(problems, "office_number", "Choose the divisional office.")
        elif opening.office_number not in offices:
            _add(problems, "office_number", "Choose one of the court's divisional offices.")
    if kind == "cv":
        _civil_problems(opening, problems)
    if kind == "bk":
        _bankruptcy_problems(opening, problems)
    elif opening.chapter is not None:
        _add(problems, "chapter", "Only a bankruptcy case has a chapter.")
    if kind == "ap" and opening.lead_caseid is None:
        _add(problems, "lead_caseid", "Name the bankruptcy case the adversary proceeding is in.")
    if kind == "ca" and (not opening.origin_court_id or opening.origin_caseid is None):
        _add(problems, "origin", "Name the case the appeal comes from.")
    _party_problems(opening, problems)
    return problems


def _civil_problems(opening: CaseOpening, problems: dict[str, list[str]]) -> None:
    if not re.fullmatch(r"\d{3}", opening.nature_of_suit or ""):
        _add(problems, "nature_of_suit", "Choose the nature of suit (a 3-digit code, such as 440).")
    if not opening.cause.strip():
        _add(problems, "cause", "Enter the cause: the statute the suit is filed under.")
    if opening.jurisdiction not in JURISDICTIONS:
        _add(problems, "jurisdiction", "Choose the basis of jurisdiction.")
    if opening.jury_demand not in JURY_DEMANDS:
        _add(problems, "jury_demand", "Choose who demands a jury (or none).")
    if opening.demand_amount is not None and opening.demand_amount < 0:
        _add(problems, "demand_amount", "The demand cannot be negative.")


def _bankruptcy_problems(opening: CaseOpening, problems: dict[str, list[str]]) -> None:
    if opening.chapter not in CHAPTERS:
        _add(problems, "chapter", "Choose the chapter: 7, 11, 12 or 13.")
    debtors = [p for p in opening.parties if p.role in ("debtor", "joint_debtor")]
    joint = [p for p in debtors if p.role == "joint_debtor"]
    if opening.joint_petition and len(joint) != 1:
        _add(problems, "parties", "A joint petition names one debtor and one joint debtor.")
    if not opening.joint_petition and joint:
        _add(problems, "parties", "Only a joint petition names a joint debtor.")


def _party_problems(opening: CaseOpening, problems: dict[str, list[str]]) -> None:
    roles = ROLES_OF_KIND[opening.kind]
    if not opening.parties:
        _add(problems, "parties", "Name at least one party.")
        return
    needed = roles[0]
    if not any(p.role == needed for p in opening.parties):
        _add(problems, "parties", f"Name at least one {needed.replace('_', ' ')}.")
    for index, party in enumerate(opening.parties):
        where = f"parties.{index}"
        if not party.name.strip():
            _add(problems, f"{where}.name", "Enter the party's name.")
        elif len(party.name) > 300:
            _add(problems, f"{where}.name", "Shorten the party's name to 300 characters.")
        if party.role not in roles:
            allowed = ", ".join(r.replace("_", " ") for r in roles)
            _add(problems, f"{where}.role", f"In this kind of case a party is one of: {allowed}.")
        for alias, kind in party.aliases:
            if not alias.strip() or kind not in ALIAS_KINDS:
                _add(
                    problems,
                    f"{where}.aliases",
                    "Each alias needs a name and a kind: aka, dba, fdba or fka.",
                )
                break
        if party.role in ("debtor", "joint_debtor"):
            if problem := tax_id_problem(party.tax_id):
                _add(problems, f"{where}.tax_id", problem)
        elif party.tax_id:
            _add(
                problems,
                f"{where}.tax_id",
                "Only a debtor's Social Security or taxpayer number is kept.",
            )
        lawyers = [a.account_id for a in party.attorneys]
        if len(set(lawyers)) != len(lawyers):
            _add(problems, f"{where}.attorneys", "Name each attorney once per party.")
        if sum(1 for a in party.attorneys if a.lead) > 1:
            _add(problems, f"{where}.attorneys", "A party has one lead attorney.")
    numbers = [p.defendant_number for p in opening.parties if p.defendant_number is not None]
    if len(set(numbers)) != len(numbers):
        _add(problems, "parties", "Each criminal defendant has a different number.")


def numbered_parties(opening: CaseOpening) -> list[PartyOpening]:
    """The opening's parties, a criminal case's defendants numbered 1, 2, ... in order
    unless numbers are given."""
    if opening.kind != "cr":
        return list(opening.parties)
    taken = {p.defendant_number for p in opening.parties if p.defendant_number is not None}
    numbered, next_number = [], 1
    for party in opening.parties:
        if party.role == "defendant" and party.defendant_number is None:
            while next_number in taken:
                next_number += 1
            party = replace(party, defendant_number=next_number)
            taken.add(next_number)
        numbered.append(party)
    return numbered


def default_short_title(title: str) -> str:
    return title.strip()[:120]


# Which circuit's court of appeals hears a state's district and bankruptcy courts (28 U.S.C. § 41).
CIRCUIT_OF_STATE = {
    **dict.fromkeys(["ME", "MA", "NH", "RI", "PR"], "1"),
    **dict.fromkeys(["CT", "NY", "VT"], "2"),
    **dict.fromkeys(["DE", "NJ", "PA", "VI"], "3"),
    **dict.fromkeys(["MD", "NC", "SC", "VA", "WV"], "4"),
    **dict.fromkeys(["LA", "MS", "TX"], "5"),
    **dict.fromkeys(["KY", "MI", "OH", "TN"], "6"),
    **dict.fromkeys(["IL", "IN", "WI"], "7"),
    **dict.fromkeys(["AR", "IA", "MN", "MO", "NE", "ND", "SD"], "8"),
    **dict.fromkeys(["AK", "AZ", "CA", "HI", "ID", "MT", "NV", "OR", "WA", "GU", "MP"], "9"),
    **dict.fromkeys(["CO", "KS", "NM", "OK", "UT", "WY"], "10"),
    **dict.fromkeys(["AL", "FL", "GA"], "11"),
    "DC": "dc",
}


def circuit_of(*, court_id: str, court_kind: str, state: str) -> str:
    """The circuit a court sits in: ``ca8`` -> "8"; a Missouri district court -> "8"."""
    if court_kind == "appellate":
        return court_id.removeprefix("ca")
    return CIRCUIT_OF_STATE.get(state.upper(), "")


def appeal_origin_problem(
    *, appellate_court_id: str, origin_court_id: str, origin_kind: str, origin_state: str
) -> str:
    """Why an appeal cannot come from that court ("" when it can)."""
    if origin_kind not in ("district", "bankruptcy"):
        return "An appeal comes from a district or bankruptcy court."
    here = circuit_of(court_id=appellate_court_id, court_kind="appellate", state="")
    if circuit_of(court_id=origin_court_id, court_kind=origin_kind, state=origin_state) != here:
        return "That court is not in this circuit: its appeals go to another court of appeals."
    return ""
