"""The Case Locator's search: the database's full-text index for names, plain indexes for the
rest, 54 cases a page, newest filing first.

Hand-written SQL, one statement for the count and one for the page, composed from fixed
fragments with every value a parameter: the ORM's cost per query was several times the
full-text match itself (``make bench``). The name match is one subquery per vendor:
PostgreSQL ``search @@ to_tsquery('simple', 'smith' & 'jo':*)`` on the GIN index, SQLite
``locator_name_fts MATCH '"smith" AND "jo"*'`` on the FTS5 table. A wildcard inside a word
(``sm*th``) is looked up by its prefix and then checked whole with a regular expression; an
exact search also asks for a name of exactly as many words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection

from openecf.locator import rules


@dataclass(frozen=True)
class Hit:
    """One indexed case a search finds."""

    court_id: str
    court_name: str
    court_kind: str
    caseid: int
    case_number: str
    shown_number: str
    title: str
    date_filed: date
    date_terminated: date | None
    nature_of_suit: str
    chapter: int | None


def name_match_sql(query: rules.NameQuery) -> tuple[str, list[Any]]:
    """SQL selecting the ids of indexed cases with a name matching ``query``, and its params.

    The terms are letters and digits only (``rules.name_words``), and go in as parameters.
    """
    params: list[Any] = []
    if connection.vendor == "postgresql":
        terms = " & ".join(f"'{t.prefix}'{':*' if t.is_prefix else ''}" for t in query.terms)
        sql = (
            "SELECT n.case_id FROM locator_indexedname n WHERE n.search @@ to_tsquery('simple', %s)"
        )
        regex = "n.words ~ %s"
    else:
        terms = " AND ".join(f'"{t.prefix}"{"*" if t.is_prefix else ""}' for t in query.terms)
        sql = (
            "SELECT n.case_id FROM locator_name_fts f "
            "JOIN locator_indexedname n ON n.id = f.rowid "
            "WHERE locator_name_fts MATCH %s"
        )
        regex = "n.words REGEXP %s"
    params.append(terms)
    if query.exact:
        sql += " AND n.word_count = %s"
        params.append(len(query.terms))
    for pattern in query.patterns:
        sql += f" AND {regex}"
        params.append(pattern)
    return sql, params


def _where(criteria: rules.Criteria) -> tuple[str, list[Any]]:
    """The WHERE clause over ``c`` (locator_indexedcase) naming the criteria's cases."""
    clauses: list[str] = []
    params: list[Any] = []
    if criteria.name is not None:
        sql, more = name_match_sql(criteria.name)
        clauses.append(f"c.id IN ({sql})")
        params += more
    number = criteria.number
    if number is not None:
        clauses.append("c.sequence = %s")
        params.append(number.sequence)
        if number.yy is not None:
            clauses.append("c.year IN (%s, %s)")
            params += [2000 + number.yy, 1900 + number.yy]
        if number.office_number is not None:
            clauses.append("c.office_number IN (%s, 0)")
            params.append(number.office_number)
        if number.kind is not None:
            clauses.append("c.kind = %s")
            params.append(number.kind)
    for column, value in (
        ("c.court_id = %s", criteria.court_id),
        ("c.court_kind = %s", criteria.court_kind),
        ("c.date_filed >= %s", criteria.filed_from),
        ("c.date_filed <= %s", criteria.filed_to),
        ("c.nature_of_suit = %s", criteria.nature_of_suit),
        ("c.chapter = %s", criteria.chapter),
    ):
        if value:
            clauses.append(column)
            params.append(value)
    return " AND ".join(clauses) or "1 = 1", params


def count(criteria: rules.Criteria) -> int:
    """How many indexed cases the criteria name."""
    where, params = _where(criteria)
    with connection.cursor() as cursor:
        # fixed fragments only (_where); every value is a parameter
        cursor.execute(f"SELECT COUNT(*) FROM locator_indexedcase c WHERE {where}", params)  # noqa: S608
        return int(cursor.fetchone()[0])


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def matching(criteria: rules.Criteria, *, limit: int | None = None, offset: int = 0) -> list[Hit]:
    """The indexed cases the criteria name, newest filing first (``limit`` from ``offset``)."""
    where, params = _where(criteria)
    sql = (  # fixed fragments only (_where); every value is a parameter
        "SELECT c.court_id, k.name, c.court_kind, c.caseid, c.case_number, c.shown_number, "  # noqa: S608
        "c.title, c.date_filed, c.date_terminated, c.nature_of_suit, c.chapter "
        "FROM locator_indexedcase c JOIN courts_court k ON k.id = c.court_id "
        f"WHERE {where} ORDER BY c.date_filed DESC, c.id DESC"
    )
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        params += [limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        Hit(
            court_id=row[0],
            court_name=row[1],
            court_kind=row[2],
            caseid=int(row[3]),
            case_number=row[4],
            shown_number=row[5],
            title=row[6],
            date_filed=_day(row[7]) or date.min,
            date_terminated=_day(row[8]),
            nature_of_suit=row[9],
            chapter=row[10],
        )  # fmt: skip
        for row in rows
    ]


def page_of(criteria: rules.Criteria, *, page: int) -> tuple[list[Hit], int]:
    """The cases on result page ``page`` (from 1) and how many cases match in all."""
    total = count(criteria)
    start = (page - 1) * rules.RESULTS_PER_PAGE
    if start >= total:
        return [], total
    return matching(criteria, limit=rules.RESULTS_PER_PAGE, offset=start), total
