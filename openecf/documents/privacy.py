"""The privacy check of Fed. R. Civ. P. 5.2, Fed. R. Bankr. P. 9037 and Fed. R. Crim. P. 49.1.

A filing may show only the last four digits of a Social Security or taxpayer number, the year
of a birth date, a minor's initials and the last four digits of a financial account. This finds,
in a page's text, what goes beyond that: full SSNs and ITINs/EINs, full birth dates, account
numbers longer than four digits, and (when the event asks) minors' names. Each hit carries its
page, kind and an excerpt with the finding masked (``***-**-6789``, ``**/**/1980``, ``J. S.``):
the full value is never returned, logged or stored.

Pure functions, no Django: they run inside the PDF check's limited child process.
Precision and recall on a labelled set of generated pages are in docs/documents.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

SSN = "ssn"
TAXPAYER_ID = "taxpayer_id"
BIRTH_DATE = "birth_date"
ACCOUNT_NUMBER = "account_number"
MINOR_NAME = "minor_name"

KIND_LABELS = {
    SSN: "Social Security number",
    TAXPAYER_ID: "taxpayer identification number",
    BIRTH_DATE: "full date of birth",
    ACCOUNT_NUMBER: "financial account number",
    MINOR_NAME: "name of a minor",
}


@dataclass(frozen=True)
class PrivacyHit:
    page: int
    kind: str
    masked_excerpt: str


@dataclass(frozen=True)
class Found:
    kind: str
    start: int
    end: int
    masked: str


_EDGE_BEFORE = r"(?<![\w/-])"
_EDGE_AFTER = r"(?![\w/]|-\d)"
_SSN_FORMATTED = re.compile(_EDGE_BEFORE + r"(\d{3})([- .])(\d{2})\2(\d{4})" + _EDGE_AFTER)
_NINE_DIGITS = re.compile(_EDGE_BEFORE + r"(\d{9})" + _EDGE_AFTER)
_EIN = re.compile(_EDGE_BEFORE + r"(\d{2})-(\d{7})" + _EDGE_AFTER)
_SSN_WORDS = re.compile(r"(social\s+security|\bss\s*#|\bssn\b|\bs\.s\.n?\.?)", re.IGNORECASE)
# A number named as something else just before it ("Claim No. 123-45-6789") is not an SSN.
_OTHER_NUMBER = re.compile(
    r"\b(?:claim|case|invoice|reference|ref|order|docket|file|policy|ticket|serial|part|model)"
    r"\.?\s*(?:no\.?|number|#|num\.?)?\s*[:#]?\s*$",
    re.IGNORECASE,
)
_TAX_WORDS = re.compile(
    r"(taxpayer|\btin\b|\bitin\b|\bein\b|tax\s+id|employer\s+identification)", re.IGNORECASE
)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATES = [
    # 4/24/1980, 04-24-80, 4.24.1980: mask month and day, keep the year (the rule allows it)
    re.compile(
        r"(?<![\d/.-])(?P<mask>(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01]))\2"
        r"(?P<year>\d{4}|\d{2})(?![\d/])"
    ),
    # 1980-04-24
    re.compile(
        r"(?<![\d-])(?P<year>(?:19|20)\d{2})(?P<mask>-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01]))"
        r"(?![\d-])"
    ),
    # April 24, 1980
    re.compile(r"\b(?P<mask>" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+(?P<year>\d{4})\b"),
    # 24 April 1980
    re.compile(r"\b(?P<mask>\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"\.?),?\s+(?P<year>\d{4})\b"),
]
_BIRTH_WORDS = re.compile(
    r"(\bborn\b|\bbirth|\bd\.?\s?o\.?\s?b\b\.?|\bbirthday|\bnacimiento)", re.IGNORECASE
)

_ACCOUNT = re.compile(
    r"\b(?:account|acct|a/c|loan|card|policy|iban)\b\.?\s*(?:(?:no|num|number|nos)\b\.?|#)?"
    r"\s*[:#]?\s*(?P<number>\d(?:[ -]?\d){4,29})(?![\d])",
    re.IGNORECASE,
)
_IBAN = re.compile(
    r"\bIBAN\s*:?\s*(?P<number>[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?)\b"
)
_CARD = re.compile(r"(?<![\d-])(?P<number>\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7})(?![\d-])")

_NAME = r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+){1,2}(?:-[A-Z][a-z]+)?)"
_MINOR_AFTER = re.compile(
    _NAME + r"\s*,?\s*\(?(?:(?:a|the)\s+minor\b|minor\s+child\b|age[ds]?\s+(?P<age>\d{1,2})\b"
    r"|(?P<age2>\d{1,2})[- ]years?[- ]old\b)"
)
_MINOR_BEFORE = re.compile(
    r"(?:\bminor(?:\s+(?:child|children|son|daughter|victim))?|\b(?i:his|her|their|the\s+debtor's"
    r"|plaintiff's|defendant's|my)\s+(?:minor\s+)?(?:son|daughter|child|grandson|granddaughter"
    r"|stepson|stepdaughter))\s*,?\s+(?:named\s+)?" + _NAME
)
_ADULT_AGE = 18


def scan(text: str, *, minors: bool = False) -> list[Found]:
    """Every finding in ``text``, in order, overlaps removed (the first and longest wins)."""
    found = [
        *_social_security_numbers(text),
        *_taxpayer_numbers(text),
        *_birth_dates(text),
        *_account_numbers(text),
    ]
    if minors:
        found.extend(_minor_names(text))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for finding in found:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def hits_on_pages(pages: list[str], *, minors: bool = False) -> list[PrivacyHit]:
    """The hits of each page (numbered from 1) with masked excerpts."""
    hits = []
    for number, text in enumerate(pages, 1):
        found = scan(text, minors=minors)
        if not found:
            continue
        masked = mask_all(text, found)
        for finding, (start, end) in zip(found, _masked_spans(found), strict=True):
            hits.append(PrivacyHit(number, finding.kind, _excerpt(masked, start, end)))
    return hits


def mask_all(text: str, found: list[Found]) -> str:
    """``text`` with every finding replaced by its masked form."""
    parts, at = [], 0
    for finding in found:
        parts += [text[at : finding.start], finding.masked]
        at = finding.end
    parts.append(text[at:])
    return "".join(parts)


def _masked_spans(found: list[Found]) -> Iterator[tuple[int, int]]:
    shift = 0
    for finding in found:
        start = finding.start + shift
        yield start, start + len(finding.masked)
        shift += len(finding.masked) - (finding.end - finding.start)


def _excerpt(masked: str, start: int, end: int, *, around: int = 30) -> str:
    before = masked[max(0, start - around) : start]
    after = masked[end : end + around]
    text = " ".join(f"{before}{masked[start:end]}{after}".split())
    lead = "…" if start > around else ""
    tail = "…" if end + around < len(masked) else ""
    return f"{lead}{text}{tail}"


def mask_digits(value: str, *, keep_last: int = 4) -> str:
    """Every digit (and letter) but the last ``keep_last`` as ``*``, separators kept:
    ``***-**-6789``, ``DE******************3000``."""
    count = sum(c.isalnum() for c in value)
    out, seen = [], 0
    for char in value:
        seen += char.isalnum()
        out.append("*" if char.isalnum() and seen <= count - keep_last else char)
    return "".join(out)


_SENTENCE_END = re.compile(r"[.;!?]\s+(?=[A-Z])")


_SENTENCE_END = re.compile(r"[.;!?]\s+(?=[A-Z])")


def _mask_all_but_last_four(value: str) -> str:
    """Digits and letters but the last four as ``*``: ``DE**************3000``."""
    count = sum(c.isalnum() for c in value)
    out, seen = [], 0
    for char in value:
        seen += char.isalnum()
        out.append("*" if char.isalnum() and seen <= count - 4 else char)
    return "".join(out)


def _context_before(text: str, start: int, words: re.Pattern[str], *, width: int = 40) -> bool:
    """Do ``words`` stand just before ``start``, in the same line and sentence?

    A line holding nothing before the finding takes its words from the line above (a label
    above its value, as in a form or table).
    """
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if not before.strip(" \t:#-") and line_start:
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        before = text[line_start:start]
    before = before[-width:]
    sentences = _SENTENCE_END.split(before)
    return bool(words.search(sentences[-1]))


def _valid_ssn(area: str, group: str, serial: str) -> bool:
    return area not in {"000", "666"} and area[0] != "9" and group != "00" and serial != "0000"


def _valid_itin(area: str, group: str) -> bool:
    number = int(group)
    return area[0] == "9" and (
        50 <= number <= 65 or 70 <= number <= 88 or 90 <= number <= 92 or 94 <= number <= 99
    )


def _found(kind: str, match: re.Match[str], masker: Callable[[str], str] = mask_digits) -> Found:
    return Found(kind, match.start(), match.end(), masker(match.group(0)))


def _social_security_numbers(text: str) -> Iterator[Found]:
    for match in _SSN_FORMATTED.finditer(text):
        area, _, group, serial = match.groups()
        if _OTHER_NUMBER.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        if _valid_itin(area, group):
            yield _found(TAXPAYER_ID, match)
        elif _valid_ssn(area, group, serial):
            yield _found(SSN, match)
    for match in _NINE_DIGITS.finditer(text):
        digits = match.group(1)
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        if _context_before(text, match.start(), _SSN_WORDS) and _valid_ssn(area, group, serial):
            yield _found(SSN, match)
        elif _context_before(text, match.start(), _TAX_WORDS):
            yield _found(TAXPAYER_ID, match)


def _taxpayer_numbers(text: str) -> Iterator[Found]:
    for match in _EIN.finditer(text):
        if _context_before(text, match.start(), _TAX_WORDS):
            yield _found(TAXPAYER_ID, match)


def _birth_dates(text: str) -> Iterator[Found]:
    for pattern in _DATES:
        for match in pattern.finditer(text):
            if not _context_before(text, match.start(), _BIRTH_WORDS, width=45):
                continue
            mask_start, mask_end = match.span("mask")
            masked = re.sub(r"[A-Za-z0-9]", "*", text[mask_start:mask_end])
            whole = match.group(0)
            offset = mask_start - match.start()
            yield Found(
                BIRTH_DATE,
                match.start(),
                match.end(),
                whole[:offset] + masked + whole[offset + len(masked) :],
            )


def _account_numbers(text: str) -> Iterator[Found]:
    for pattern in (_ACCOUNT, _IBAN):
        for match in pattern.finditer(text):
            start, end = match.span("number")
            yield Found(ACCOUNT_NUMBER, start, end, mask_digits(text[start:end]))
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group("number"))
        if 13 <= len(digits) <= 19 and _luhn_valid(digits):
            yield _found(ACCOUNT_NUMBER, match)


def _luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _initials(name: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s-]+", name) if part[:1].isalpha())


def _minor_names(text: str) -> Iterator[Found]:
    for pattern in (_MINOR_AFTER, _MINOR_BEFORE):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            age = groups.get("age") or groups.get("age2")
            if age and int(age) >= _ADULT_AGE:
                continue
            start, end = match.span("name")
            yield Found(MINOR_NAME, start, end, _initials(match.group("name")))
