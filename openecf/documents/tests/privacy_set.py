"""A labelled set of generated pages for measuring the privacy check.

Each line is made from a template that says which kinds it holds: positives of every kind in
several formats, and tricky negatives (phone numbers, case numbers, dates of filing, ZIP+4
codes, last-four-only and masked numbers, years of birth, invoice, Bates and docket numbers,
adult children). ``pages(seed)`` gives the pages' lines and the expected count of each kind on
each page; ``measure`` compares a checker's hits with them.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

FIRST = ["Emma", "Liam", "Olivia", "Noah", "Ava", "Mason", "Sophia", "Lucas", "Mia", "Ethan"]
LAST = ["Johnson", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Thomas", "Clark"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def _ssn(r: random.Random) -> tuple[str, str, str]:
    area = r.choice([r.randint(1, 665), r.randint(667, 899)])
    return f"{area:03d}", f"{r.randint(1, 99):02d}", f"{r.randint(1, 9999):04d}"


def _itin(r: random.Random) -> str:
    return f"9{r.randint(0, 99):02d}-{r.choice([r.randint(70, 88), r.randint(50, 65)])}-{r.randint(1, 9999):04d}"


def _luhn(r: random.Random, length: int = 16) -> str:
    digits = [4] + [r.randint(0, 9) for _ in range(length - 2)]
    total = 0
    for index, value in enumerate(reversed(digits)):
        if index % 2 == 0:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    digits.append((10 - total % 10) % 10)
    return "".join(map(str, digits))


def _grouped(number: str, sep: str = " ") -> str:
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _day(r: random.Random, years: tuple[int, int] = (1940, 2005)) -> tuple[int, int, int]:
    return r.randint(1, 12), r.randint(1, 28), r.randint(*years)


Line = Callable[[random.Random], str]

POSITIVES: dict[str, list[Line]] = {
    "ssn": [
        lambda r: "The debtor's Social Security number is {}-{}-{}.".format(*_ssn(r)),
        lambda r: "SSN: {} {} {}".format(*_ssn(r)),
        lambda r: "Social Security No. {}{}{} appears on the application.".format(*_ssn(r)),
        lambda r: "Plaintiff, whose SSN is {}-{}-{}, lives in Kansas City.".format(*_ssn(r)),
    ],
    "taxpayer_id": [
        lambda r: f"Her ITIN is {_itin(r)} according to the return.",
        lambda r: (
            f"Employer Identification Number (EIN): {r.randint(10, 99)}-{r.randint(1000000, 9999999)}"
        ),
        lambda r: f"Taxpayer ID {r.randint(100000000, 899999999)} was listed on the form.",
    ],
    "birth_date": [
        lambda r: "Date of birth: {:02d}/{:02d}/{}".format(*_day(r)),
        lambda r: (
            f"The claimant was born on {MONTHS[r.randint(0, 11)]} {r.randint(1, 28)}, {r.randint(1940, 2005)}."
        ),
        lambda r: "DOB {2}-{0:02d}-{1:02d}".format(*_day(r)),
        lambda r: (
            f"She was born {r.randint(1, 28)} {MONTHS[r.randint(0, 11)]} {r.randint(1940, 2005)} in Topeka."
        ),
        lambda r: f"D.O.B.: {r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(40, 99)}",
    ],
    "account_number": [
        lambda r: f"Account No. {r.randint(10**7, 10**12)}",
        lambda r: (
            f"Payments went to checking account number {r.randint(1000, 9999)}-{r.randint(10000, 99999)}."
        ),
        lambda r: f"The charges were made on credit card {_grouped(_luhn(r))}.",
        lambda r: f"Loan #{r.randint(100000, 99999999)} is secured by the vehicle.",
        lambda r: f"Acct: {r.randint(10**5, 10**9)}",
        lambda r: f"Visa {_luhn(r)} was charged twice.",
        lambda r: f"Wire it to IBAN DE{r.randint(10, 99)}{r.randint(10**17, 10**18 - 1)}.",
    ],
    "minor_name": [
        lambda r: f"{_name(r)}, a minor, by her mother and next friend",
        lambda r: f"The minor child {_name(r)} attends school in Lee's Summit.",
        lambda r: f"{_name(r)} (age {r.randint(3, 16)}) was in the car.",
        lambda r: f"Defendant's daughter, {_name(r)}, testified by video.",
        lambda r: f"{_name(r)}, {r.randint(4, 15)} years old, was present.",
    ],
}

NEGATIVES: list[Line] = [
    lambda r: (
        f"Call chambers at ({r.randint(200, 999)}) {r.randint(200, 999)}-{r.randint(1000, 9999)}."
    ),
    lambda r: f"Tel. {r.randint(200, 999)}-{r.randint(200, 999)}-{r.randint(1000, 9999)}",
    lambda r: f"Fax {r.randint(200, 999)}.{r.randint(200, 999)}.{r.randint(1000, 9999)}",
    lambda r: f"Case No. 4:{r.randint(10, 25)}-cv-{r.randint(1, 99999):05d}-BCW",
    lambda r: f"Bankruptcy Case No. {r.randint(10, 25)}-{r.randint(40000, 49999)}",
    lambda r: f"Appeal No. {r.randint(10, 25)}-{r.randint(1000, 9999)}",
    lambda r: f"Filed {r.randint(1, 12):02d}/{r.randint(1, 28):02d}/{r.randint(10, 25):02d}",
    lambda r: f"Dated: {MONTHS[r.randint(0, 11)]} {r.randint(1, 28)}, {r.randint(2010, 2025)}",
    lambda r: f"Entered on {r.randint(2010, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    lambda r: (
        f"The motion was filed on {MONTHS[r.randint(0, 11)]} {r.randint(1, 28)}, {r.randint(2010, 2025)}."
    ),
    lambda r: (
        f"400 E. 9th Street, Kansas City, MO {r.randint(64101, 64199)}-{r.randint(1000, 9999)}"
    ),
    lambda r: f"SSN: XXX-XX-{r.randint(1000, 9999)}",
    lambda r: f"The account ending in {r.randint(1000, 9999)} was closed.",
    lambda r: f"Account No. ****{r.randint(1000, 9999)}",
    lambda r: f"Last four digits of Social Security number: {r.randint(1000, 9999)}",
    lambda r: f"xxx-xx-{r.randint(1000, 9999)}",
    lambda r: f"The debtor was born in {r.randint(1940, 2005)}.",
    lambda r: f"Year of birth: {r.randint(1940, 2005)}",
    lambda r: f"Invoice {r.randint(100000000, 999999999)} remains unpaid.",
    lambda r: f"Bates ACME{r.randint(1, 9999999):07d}",
    lambda r: f"See ECF No. {r.randint(1, 300)} and Doc. {r.randint(1, 300)}.",
    lambda r: (
        f"Damages of ${r.randint(1, 999)},{r.randint(100, 999)},{r.randint(100, 999)}.00 are claimed."
    ),
    lambda r: f"Her adult son, {_name(r)}, age {r.randint(19, 60)}, signed the lease.",
    lambda r: "Minor League Baseball is not a party to this action.",
    lambda r: "Fed. R. Civ. P. 5.2 and 28 U.S.C. § 1915 apply.",
    lambda r: f"ABA routing number {r.choice(['101000019', '081000210', '121000358'])}",
    lambda r: (
        f"Account statement dated {r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(2010, 2025)}"
    ),
    lambda r: f"Employee No. {r.randint(1000, 9999)} worked the night shift.",
    lambda r: (
        f"Order entered {r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(2010, 2025)} by the court."
    ),
    lambda r: f"Judgment for ${r.randint(10000, 999999)} plus interest.",
    # Numbers shaped like a protected one, in a context that says they are not.
    lambda r: "Claim No. {}-{}-{} was assigned by the insurer.".format(*_ssn(r)),
    lambda r: f"{r.choice('ABCDEJKMS')}.{r.choice('ABCDEJKMS')}., a minor, testified.",
    lambda r: "The minor amendments proposed by Mark Twain were adopted.",
]


@dataclass(frozen=True)
class LabelledPage:
    lines: list[str]
    kinds: list[str]  # each line's kind, "" for a negative

    @property
    def expected(self) -> Counter[str]:
        """Kind → how many on the page."""
        return Counter(kind for kind in self.kinds if kind)


def pages(seed: int = 5, *, count: int = 30, lines_per_page: int = 24) -> list[LabelledPage]:
    """``count`` pages, about a third of their lines positives."""
    r = random.Random(seed)
    made = []
    kinds = list(POSITIVES)
    for _ in range(count):
        lines, line_kinds = [], []
        for _ in range(lines_per_page):
            kind = r.choice(kinds) if r.random() < 0.35 else ""
            lines.append(r.choice(POSITIVES[kind] if kind else NEGATIVES)(r))
            line_kinds.append(kind)
        made.append(LabelledPage(lines, line_kinds))
    return made


@dataclass(frozen=True)
class Measure:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def measure(labelled: list[LabelledPage], found: list[Counter[str]]) -> Measure:
    """Compare the kinds found on each page with the labels (counted per page and kind)."""
    tp = fp = fn = 0
    for page, hits in zip(labelled, found, strict=True):
        for kind in set(page.expected) | set(hits):
            matched = min(page.expected[kind], hits[kind])
            tp += matched
            fp += hits[kind] - matched
            fn += page.expected[kind] - matched
    return Measure(tp, fp, fn)
