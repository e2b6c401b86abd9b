"""The Case Locator's party-name search over 1,000,000 cases against the raw full-text query.

``locator_party_name_1m_cases_vs_raw_fts``: the locator's search as the page and the API run
it (criteria read and checked, the name matched on the full-text index, the cases counted, the
first page of 54 newest filings read with their courts) against the same answer by
hand-written SQL on the same index (the full-text match, the count and the first page): target
at most 2x. ``locator_api_1m_cases_vs_raw_fts`` is the whole API request (sign-on, billing the
result page, JSON) against the same raw query, informational.

The index is filled with bulk SQL (a recursive CTE on SQLite, ``generate_series`` on
PostgreSQL), not the ORM: 1,000,000 cases at 20 courts, each with a person ("fnNNN snNNNN",
2,000 surnames and 300 first names) and a business. A surname names about 500 cases, a full
name one or two. Runs last: the others must not see a million cases.
"""

from __future__ import annotations

import os
import time

from bench.harness import Result, benchmark_run_last, best_of

CASES = int(os.environ.get("BENCH_LOCATOR_CASES", "1000000"))
SURNAMES, FIRST_NAMES = 2000, 300
QUERY_NAME = "sn1234"  # a surname: about 500 cases


def fill_index(cases: int) -> float:
    """Bulk-insert ``cases`` indexed cases and two names each; seconds it took."""
    from django.db import connection, transaction

    from openecf.courts.models import Court

    courts = list(Court.objects.order_by("pk").values_list("pk", flat=True)[:20])
    court_of = "CASE i % {n} {whens} END".format(
        n=len(courts), whens=" ".join(f"WHEN {k} THEN '{c}'" for k, c in enumerate(courts))
    )
    if connection.vendor == "postgresql":
        numbers = f"SELECT generate_series(1, {cases}) AS i"
        filed = "DATE '2000-01-01' + (i % 9000)"
    else:
        numbers = f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {cases}) SELECT i FROM n"  # noqa: E501
        filed = "date('2000-01-01', '+' || (i % 9000) || ' days')"
    # "snNNNN fnNNN": the surname and first name drawn from the case's sequence number
    person = (
        f"'sn' || ((c.sequence * 7919) % {SURNAMES}) || ' fn' || "
        f"((c.sequence * 104729) % {FIRST_NAMES})"
    )
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO locator_indexedcase (court_id, court_kind, caseid, case_number, "
            "shown_number, kind, office_number, year, sequence, title, date_filed, "
            "date_terminated, nature_of_suit, chapter) "
            f"SELECT {court_of}, 'district', 10000000 + i, 'x' || i, 'x' || i, 'cv', 1, 2020, "
            f"i, 'Case ' || i, {filed}, NULL, '440', NULL FROM ({numbers}) AS numbers"
        )
        cursor.execute(
            "INSERT INTO locator_indexedname (case_id, name, role, words, word_count) "
            f"SELECT c.id, {person}, 'defendant', {person}, 2 FROM locator_indexedcase c "
            "WHERE c.caseid >= 10000000"
        )
        cursor.execute(
            "INSERT INTO locator_indexedname (case_id, name, role, words, word_count) "
            "SELECT c.id, 'Company ' || c.sequence || ' Inc', 'plaintiff', "
            "'company ' || c.sequence || ' inc', 3 FROM locator_indexedcase c "
            "WHERE c.caseid >= 10000000"
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE locator_indexedcase")
            cursor.execute("ANALYZE locator_indexedname")
    return time.perf_counter() - started


def raw_search(name: str) -> tuple[int, list[tuple]]:
    """The same answer by hand: the full-text match, the count, the first 54 newest."""
    from django.db import connection

    if connection.vendor == "postgresql":
        match = (
            "SELECT n.case_id FROM locator_indexedname n WHERE n.search @@ to_tsquery('simple', %s)"
        )
        term = f"'{name}'"
    else:
        match = (
            "SELECT n.case_id FROM locator_name_fts f JOIN locator_indexedname n "
            "ON n.id = f.rowid WHERE locator_name_fts MATCH %s"
        )
        term = f'"{name}"'
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM locator_indexedcase WHERE id IN ({match})", [term])
        (count,) = cursor.fetchone()
        cursor.execute(
            "SELECT c.court_id, c.caseid, c.case_number, c.title, c.date_filed, k.name "
            "FROM locator_indexedcase c JOIN courts_court k ON k.id = c.court_id "
            f"WHERE c.id IN ({match}) ORDER BY c.date_filed DESC, c.id DESC LIMIT 54",
            [term],
        )
        return count, cursor.fetchall()


@benchmark_run_last
def locator_1m_cases() -> list[Result]:
    from django.test import Client

    from openecf.accounts.models import Account
    from openecf.locator import rules, search
    from openecf.tests_support.signon import sign_in

    took = fill_index(CASES)
    print(f"  (filled the Case Locator index with {CASES:,} cases in {took:.1f} s)", flush=True)

    def ours() -> None:
        criteria, problems = rules.read_criteria(party_name=QUERY_NAME)
        assert criteria is not None, problems
        rows, count = search.page_of(criteria, page=1)
        assert len(rows) == min(count, 54)

    def raw() -> None:
        count, rows = raw_search(QUERY_NAME)
        assert len(rows) == min(count, 54)

    ours_count = search.count(rules.read_criteria(party_name=QUERY_NAME)[0])
    assert ours_count == raw_search(QUERY_NAME)[0]
    account = Account.objects.filter(purpose="case_search").first() or Account.objects.first()
    client = Client()
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {sign_in(Client(), account)}"

    def api() -> None:
        answer = client.get("/api/v1/locator/cases", {"party_name": QUERY_NAME})
        assert answer.status_code == 200, answer.content

    raw_figure = best_of(raw, number=5)
    return [
        Result(
            "locator_party_name_1m_cases_vs_raw_fts",
            best_of(ours, number=5),
            raw_figure,
            target="at most 2x",
        ),
        Result(
            "locator_api_1m_cases_vs_raw_fts",
            best_of(api, number=5),
            raw_figure,
            target="informational (sign-on, billing, JSON)",
        ),
    ]
