"""The Case Locator's pure rules: how names are indexed, how a search reads, what is wrong with
it. No ORM, no request, no clock.

A name is indexed as its words: lower case, accents dropped, apostrophes removed
(``O'Brien`` is ``obrien``), every other mark a space. A party-name search ("Last, First")
matches a name holding every word given, in any order; ``*`` stands for any letters
(``Sm*th``, ``Smi*``) after at least two; "exact" asks for a name of exactly those words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from openecf.courts.case_numbers import NumberQuery, parse_number

RESULTS_PER_PAGE = 54  # a billable page of results (billing.rules.RESULTS_PER_PAGE)
COURT_KINDS = ("district", "bankruptcy", "appellate")
CHAPTERS = (7, 11, 12, 13)
MAX_NAME_WORDS = 8
WILDCARD_LEAD = 2  # letters before a wildcard: the full-text index finds words by prefix


def name_words(text: str) -> str:
    """The indexed form of a name: ``"José O'Brien-Smith"`` -> ``"jose obrien smith"``."""
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    plain = re.sub(r"['’`]", "", plain)
    return " ".join(re.findall(r"[a-z0-9]+", plain))


@dataclass(frozen=True)
class NameTerm:
    """One word of a party-name search: ``prefix`` for the index, ``pattern`` when it has
    a wildcard inside (``sm*th``: prefix ``sm``, then a check of the whole word)."""

    word: str  # as typed, normalized, with its * kept
    prefix: str  # what the full-text index looks up
    is_prefix: bool  # the word ends in * (or has one inside)
    pattern: str  # a regular expression for the whole word, or "" when the index suffices


@dataclass(frozen=True)
class NameQuery:
    terms: tuple[NameTerm, ...]
    exact: bool

    @property
    def patterns(self) -> tuple[str, ...]:
        return tuple(t.pattern for t in self.terms if t.pattern)


def _term(word: str) -> NameTerm:
    head, star, _ = word.partition("*")
    inner = star and word.rstrip("*") != head
    pattern = ""
    if inner:
        body = "[a-z0-9]*".join(re.escape(part) for part in word.split("*"))
        pattern = f"(^| ){body}( |$)"
    return NameTerm(word=word, prefix=head, is_prefix=bool(star), pattern=pattern)


def name_query(text: str, *, exact: bool = False) -> tuple[NameQuery | None, str]:
    """Read "Last, First" (wildcards ``*`` allowed): the query, or None and what to fix."""
    terms = []
    for typed in re.split(r"[\s,]+", (text or "").strip()):
        # each piece between wildcards normalized; a mark inside a word (Smith-Jones) splits it
        normalized = "*".join(name_words(piece) for piece in typed.split("*"))
        terms += [_term(word) for word in normalized.split() if word.replace("*", "")]
    if not terms:
        return None, "Enter a last name (or a business name) to search by name."
    if len(terms) > MAX_NAME_WORDS:
        return None, f"Search by at most {MAX_NAME_WORDS} words of a name."
    for term in terms:
        if term.is_prefix and len(term.prefix) < WILDCARD_LEAD:
            return None, (
                f"“{term.word}”: put at least {WILDCARD_LEAD} letters before a wildcard "
                "(for example Sm*)."
            )
    return NameQuery(terms=tuple(terms), exact=exact), ""


def party_name(last: str, first: str = "") -> str:
    """The page's two fields as the API's one: ``"Smith, John"``."""
    last, first = (last or "").strip(), (first or "").strip()
    return f"{last}, {first}" if first else last


@dataclass(frozen=True)
class Criteria:
    """A Case Locator search, read and checked."""

    name: NameQuery | None = None
    party_name: str = ""
    number: NumberQuery | None = None
    case_number: str = ""
    court_id: str = ""
    court_kind: str = ""
    filed_from: date | None = None
    filed_to: date | None = None
    nature_of_suit: str = ""
    chapter: int | None = None

    def described(self) -> str:
        """The criteria as the receipt shows them."""
        said = []
        if self.party_name:
            said.append(
                f"Name: {self.party_name}{' (exact)' if self.name and self.name.exact else ''}"
            )
        if self.case_number:
            said.append(f"Case number: {self.case_number}")
        if self.court_id:
            said.append(f"Court: {self.court_id}")
        if self.court_kind:
            said.append(f"Court kind: {self.court_kind}")
        if self.filed_from or self.filed_to:
            start = self.filed_from.isoformat() if self.filed_from else "any"
            end = self.filed_to.isoformat() if self.filed_to else "any"
            said.append(f"Filed: {start} to {end}")
        if self.nature_of_suit:
            said.append(f"Nature of suit: {self.nature_of_suit}")
        if self.chapter:
            said.append(f"Chapter: {self.chapter}")
        return "; ".join(said)


def read_criteria(
    *,
    party_name: str = "",
    exact: bool = False,
    case_number: str = "",
    court_id: str = "",
    kind: str = "",
    filed_from: date | None = None,
    filed_to: date | None = None,
    nature_of_suit: str = "",
    chapter: int | None = None,
    known_courts: frozenset[str] | None = None,
) -> tuple[Criteria | None, dict[str, list[str]]]:
    """The search, or the problems field by field (the page and the API say the same)."""
    problems: dict[str, list[str]] = {}
    name = number = None
    party_name = (party_name or "").strip()
    case_number = (case_number or "").strip()
    court_id = (court_id or "").strip().lower()
    kind = (kind or "").strip().lower()
    nature_of_suit = (nature_of_suit or "").strip()
    if party_name:
        name, problem = name_query(party_name, exact=exact)
        if problem:
            problems["party_name"] = [problem]
    if case_number:
        number = parse_number(case_number)
        if number is None:
            problems["case_number"] = [
                "Enter a case number as the court writes it, whole or in part "
                "(4:26-cv-00012, 26-cv-12, 26-12345, or 12)."
            ]
    if court_id and known_courts is not None and court_id not in known_courts:
        problems["court_id"] = ["There is no such court: choose one from the list."]
    if kind and kind not in COURT_KINDS:
        problems["kind"] = ["Choose district, bankruptcy or appellate."]
    if filed_from and filed_to and filed_from > filed_to:
        problems["filed_to"] = ["The “filed to” date must be on or after the “filed from” date."]
    if nature_of_suit and not re.fullmatch(r"\d{3}", nature_of_suit):
        problems["nature_of_suit"] = ["A nature of suit is a three-digit code (440, 830)."]
    if chapter is not None and chapter not in CHAPTERS:
        problems["chapter"] = ["Choose chapter 7, 11, 12 or 13."]
    if not (party_name or case_number or filed_from or filed_to or nature_of_suit or chapter):
        problems.setdefault("", []).append(
            "Say what to search by: a party name, a case number, a date filed range, a nature "
            "of suit or a chapter (a court or a kind of court only narrows a search)."
        )
    if problems:
        return None, problems
    return (
        Criteria(
            name=name,
            party_name=party_name,
            number=number,
            case_number=case_number,
            court_id=court_id,
            court_kind=kind,
            filed_from=filed_from,
            filed_to=filed_to,
            nature_of_suit=nature_of_suit,
            chapter=chapter,
        ),
        {},
    )


def pages_of(count: int) -> int:
    """Result pages: 54 results a page; no result is still one (empty, billed) page."""
    return max(1, -(-count // RESULTS_PER_PAGE))


def court_kind_of(case_kind: str) -> str:
    """district, bankruptcy or appellate, from the kind of case (cv ... bk, ap ... ca)."""
    if case_kind in ("bk", "ap"):
        return "bankruptcy"
    if case_kind == "ca":
        return "appellate"
    return "district"
