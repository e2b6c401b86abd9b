"""The record's one access rule, role by object, over every route that reads the record.

The routes come from the registries themselves: every URL pattern of the ``reports`` app and
every pattern anywhere that takes a ``caseid``, and every operation of the JSON API under
``/courts/{court_id}/cases``. Each must have an entry in ``MATRIX`` (a probe, or the reason it
reads nothing of the record): a route added without one fails ``test_every_route_of_the_record
_is_in_the_matrix``.

The expected answers come from ``Oracle``, the rule written out again here on purpose (not
``reports.access``, so that a change there that breaks the rule fails): sealed cases, entries
and documents are the court's (its clerks and judges) and look exactly like missing ones to
everyone else; restricted documents open for the case's attorneys and the court; in a Social
Security case a non-participant opens only the court's orders; not signed in, a page sends
you to sign in and the API answers 401.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from openecf.api import api
from openecf.cases.models import Case
from openecf.core import clock
from openecf.docket.models import DocketEntry
from openecf.reports.tests.conftest import build_record, doc_id, run_report
from openecf.tests_support.api import bearer_token

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous", "public", "participant", "other_attorney", "clerk", "other_court_clerk", "judge",
    "operator",
)  # fmt: skip
COURT = frozenset({"clerk", "judge", "operator"})
CLERKS_OFFICE = frozenset({"clerk", "operator"})  # the clerk's pages (decision record 0005)
MISSING_CASE = 987654
# The record (reports/tests/conftest.py): entry 3 sealed, 5 stricken, 6 the court's order, 7
# restricted; documents numbered entry x 10 + part.
ENTRIES = (1, 2, 3, 4, 5, 6, 7)
DOCUMENTS = {10: 1, 11: 1, 20: 2, 30: 3, 50: 5, 60: 6, 70: 7}  # document -> its entry
SEALED_ENTRY, ORDER_ENTRY, RESTRICTED_DOCUMENT = 3, 6, 70
KINDS = ("ordinary", "sealed", "social_security")
FIRST_DOCUMENT = {"ordinary": 0, "sealed": 1000, "social_security": 2000}  # build_record's doc_base


@dataclass(frozen=True)
class Oracle:
    """The rule, for one role and one kind of case."""

    role: str
    kind: str

    @property
    def court(self) -> bool:
        return self.role in COURT

    def sees_case(self) -> bool:
        return self.kind != "sealed" or self.court

    def sees_entry(self, number: int) -> bool:
        return self.sees_case() and (number != SEALED_ENTRY or self.court)

    def lists_document(self, number: int) -> bool:
        """On a docket that lists documents without opening them."""
        entry = DOCUMENTS[number]
        if not self.sees_entry(entry):
            return False
        return number != RESTRICTED_DOCUMENT or self.court or self.role == "participant"

    def opens_document(self, number: int) -> bool:
        if not self.lists_document(number):
            return False
        limited = self.kind == "social_security" and not (self.court or self.role == "participant")
        return not limited or DOCUMENTS[number] == ORDER_ENTRY

    def entries(self) -> list[int]:
        return [n for n in ENTRIES if self.sees_entry(n)]


@dataclass
class World:
    """Three W.D. Mo. cases with the same record, and a signed-in client per role."""

    cases: dict  # kind -> Record
    people: dict  # role -> account (participant: per case)

    def account(self, role: str, kind: str):
        if role == "participant":
            return self.cases[kind].alice
        return self.people[role]

    def page_client(self, role: str, kind: str, signed_in) -> Client:
        return Client() if role == "anonymous" else signed_in(self.account(role, kind))

    def api_headers(self, role: str, kind: str) -> dict:
        if role == "anonymous":
            return {}
        return {"HTTP_AUTHORIZATION": f"Bearer {bearer_token(self.account(role, kind))}"}


@pytest.fixture
def world(mowd, public_user, attorney, clerk, judge, other_court_clerk, operator) -> World:
    cases = {
        "ordinary": build_record(mowd),
        "sealed": build_record(mowd, title="Sealed Plaintiff v. Roe", doc_base=1000),
        "social_security": build_record(
            mowd, nature_of_suit="863", title="Doe v. Commissioner", doc_base=2000
        ),
    }
    Case.objects.filter(pk=cases["sealed"].case.caseid).update(sealed=True)
    for record in cases.values():
        # The court's order is a memorandum opinion (the written opinions report lists it),
        # and the record was entered within the day (the RSS feed carries it).
        order = record.entries[ORDER_ENTRY]
        DocketEntry.objects.filter(pk=order.pk).update(
            docket_text=f"{order.docket_text} Memorandum opinion."
        )
        DocketEntry.objects.filter(caseid=record.case.caseid).update(entered_at=clock.now())
    people = {
        "public": public_user,
        "other_attorney": attorney,
        "clerk": clerk,
        "judge": judge,
        "other_court_clerk": other_court_clerk,
        "operator": operator,
    }
    return World(cases=cases, people=people)


# An observation: "sign_in", "missing", or what the route showed of the record.
Observation = object


@dataclass(frozen=True)
class Shown:
    entries: tuple[int, ...] = ()
    documents: tuple[int, ...] = ()  # record document numbers listed, linked or opened


def _record_number(given: str | int) -> int:
    """The record's document number (``DOCUMENTS``) of a court document id or number."""
    return int(given) % 10**8 % 1000


def _numbers(html: str) -> tuple[int, ...]:
    found = {_record_number(m) for m in re.findall(r"/doc1/(\d{12})", html)}
    return tuple(sorted(n for n in DOCUMENTS if n in found))


def _page(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _status(response) -> Observation | None:
    if response.status_code in (302, 401):
        return "sign_in"
    if response.status_code == 404:
        return "missing"
    assert response.status_code == 200, (response.status_code, _page(response)[:500])
    return None


def probe_docket_report(world, role, kind, signed_in) -> Observation:
    client = world.page_client(role, kind, signed_in)
    response, html, _ = run_report(client, _caseid(world, kind))
    if (early := _status(response)) is not None:
        return early
    rows = re.findall(r'<td valign="top" align="right" nowrap>(?:<a [^>]*>)?(\d+)', html)
    return Shown(tuple(int(n) for n in rows), _numbers(html))


def probe_case_query(world, role, kind, signed_in) -> Observation:
    response = world.page_client(role, kind, signed_in).get(
        f"/mowd/cgi-bin/iquery.pl?{_caseid(world, kind)}"
    )
    return _status(response) or Shown()


def probe_possible_case_numbers(world, role, kind, signed_in) -> Observation:
    number = world.cases[kind].case.case_number
    response = world.page_client(role, kind, signed_in).get(
        f"/mowd/cgi-bin/possible_case_numbers.pl?{number}"
    )
    if (early := _status(response)) is not None:
        return early
    return Shown() if f'id="{_caseid(world, kind)}"' in _page(response) else "missing"


def probe_document(world, role, kind, signed_in) -> Observation:
    client = world.page_client(role, kind, signed_in)
    first = FIRST_DOCUMENT[kind]
    return _each_document(lambda n: client.get(f"/mowd/doc1/{doc_id(first + n)}"))


def _each_document(get: Callable[[int], object]) -> Observation:
    opened, answers = [], set()
    for number in DOCUMENTS:
        answer = _status(get(number))
        if answer is None:
            opened.append(number)
        else:
            answers.add(answer)
    if answers == {"sign_in"}:
        return "sign_in"
    return Shown(documents=tuple(opened)) if opened else "missing"


def probe_case_docket_page(world, role, kind, signed_in) -> Observation:
    caseid = _caseid(world, kind)
    response = world.page_client(role, kind, signed_in).get(f"/mowd/cases/{caseid}/docket/")
    if response.status_code == 302 and response["Location"] == f"/mowd/cgi-bin/DktRpt.pl?{caseid}":
        return "docket_report"
    if (early := _status(response)) is not None:
        return early
    html = _page(response)
    listed = {_record_number(a) for a, _b in re.findall(r"Document (\d+)-(\d+)", html)}
    shown = [n for n in ENTRIES if f'data-entry-number="{n}"' in html or _row(html, n)]
    return Shown(tuple(shown), tuple(sorted(n for n in DOCUMENTS if n in listed)))


def _row(html: str, number: int) -> bool:
    """Whether the docket page shows the record's entry ``number`` (by its own text)."""
    texts = {1: "COMPLAINT against", 2: "MOTION to Dismiss filed by Richard Roe",
             3: "SEALED EXHIBIT", 4: "MINUTE ENTRY: Status", 5: "filed by Zoë O&#x27;Brien",
             6: "ORDER denying", 7: "NOTICE of medical"}  # fmt: skip
    return texts[number] in html


def probe_court_document(world, role, kind, signed_in) -> Observation:
    client = world.page_client(role, kind, signed_in)
    caseid = _caseid(world, kind)
    return _each_document(
        lambda n: client.get(f"/mowd/cases/{caseid}/docket/{DOCUMENTS[n]}/{n % 10}/")
    )


def probe_clerk_entry(world, role, kind, signed_in) -> Observation:
    client = world.page_client(role, kind, signed_in)
    caseid = _caseid(world, kind)
    shown = []
    for number in ENTRIES:
        answer = _status(client.get(f"/mowd/clerk/cases/{caseid}/entries/{number}/"))
        if answer == "sign_in":
            return answer
        if answer is None:
            shown.append(number)
    return Shown(tuple(shown)) if shown else "missing"


def probe_case_summary(world, role, kind, signed_in) -> Observation:
    response = world.page_client(role, kind, signed_in).get(f"/mowd/cases/{_caseid(world, kind)}/")
    return _status(response) or Shown()


def probe_clerk_case(world, role, kind, signed_in) -> Observation:
    response = world.page_client(role, kind, signed_in).get(
        f"/mowd/clerk/cases/{_caseid(world, kind)}/"
    )
    return _status(response) or Shown()


def _api(world, role, kind, path: str, query: dict | None = None):
    return Client().get(f"/api/v1{path}", query or {}, **world.api_headers(role, kind))


def probe_api_case(world, role, kind, signed_in) -> Observation:
    response = _api(world, role, kind, f"/courts/mowd/cases/{_caseid(world, kind)}")
    if (early := _status(response)) is not None:
        return early
    entries = response.json()["entries"]
    listed = [_record_number(d["doc_id"]) for e in entries for d in e["documents"]]
    return Shown(tuple(e["entry_number"] for e in entries), tuple(sorted(listed)))


def probe_api_entries(world, role, kind, signed_in) -> Observation:
    response = _api(world, role, kind, f"/courts/mowd/cases/{_caseid(world, kind)}/entries")
    if (early := _status(response)) is not None:
        return early
    entries = response.json()["entries"]
    listed = {_record_number(d["doc_id"]) for e in entries for d in e["documents"]}
    return Shown(tuple(e["entry_number"] for e in entries), tuple(sorted(listed)))


def probe_api_document(world, role, kind, signed_in) -> Observation:
    caseid, first = _caseid(world, kind), FIRST_DOCUMENT[kind]
    return _each_document(
        lambda n: _api(
            world, role, kind, f"/courts/mowd/cases/{caseid}/documents/{doc_id(first + n)}"
        )
    )


def probe_api_document_pdf(world, role, kind, signed_in) -> Observation:
    caseid, first = _caseid(world, kind), FIRST_DOCUMENT[kind]
    return _each_document(
        lambda n: _api(
            world, role, kind, f"/courts/mowd/cases/{caseid}/documents/{doc_id(first + n)}/pdf",
            {"accept_charge": "3.00"},
        )
    )  # fmt: skip


def probe_api_find_cases(world, role, kind, signed_in) -> Observation:
    number = world.cases[kind].case.case_number
    response = _api(world, role, kind, "/courts/mowd/cases", {"number": number})
    if (early := _status(response)) is not None:
        return early
    found = [c["case_number"] for c in response.json()["cases"]]
    return Shown() if number in found else "missing"


def _linked_of(world, kind, html: str) -> tuple[int, ...]:
    """The record's documents of the case of ``kind`` linked in ``html``."""
    first = FIRST_DOCUMENT[kind]
    ids = {int(m) % 10**8 for m in re.findall(r"/doc1/(\d{12})", html)}
    return tuple(n for n in DOCUMENTS if first + n in ids)


def probe_show_multidocs(world, role, kind, signed_in) -> Observation:
    """Each entry's documents at once: the parts its cost page lists (``Image<entry>-<part>``)."""
    client = world.page_client(role, kind, signed_in)
    record, listed, answers = world.cases[kind], [], set()
    for number in ENTRIES:
        response = client.get(
            "/mowd/cgi-bin/show_multidocs.pl",
            {"caseid": record.case.caseid, "arr_de_seq_nums": record.entries[number].pk},
        )
        answer = _status(response)
        if answer is not None:
            answers.add(answer)
            continue
        parts = re.findall(rf"Image{number}-(\d+)", _page(response))
        listed += [number * 10 + int(part) for part in parts]
    if answers == {"sign_in"}:
        return "sign_in"
    shown = tuple(n for n in DOCUMENTS if n in listed)
    return Shown(documents=shown) if shown else "missing"


def probe_rss(world, role, kind, signed_in) -> Observation:
    response = world.page_client(role, kind, signed_in).get("/mowd/cgi-bin/rss_outside.pl")
    if (early := _status(response)) is not None:
        return early
    feed = _page(response)
    record = world.cases[kind]
    ids = {int(i) for i in re.findall(rf"DktRpt\.pl\?{record.case.caseid}&amp;(\d+)", feed)}
    shown = tuple(n for n in ENTRIES if record.entries[n].pk in ids)
    return Shown(shown, _linked_of(world, kind, feed)) if shown else "missing"


def probe_written_opinions(world, role, kind, signed_in) -> Observation:
    response = world.page_client(role, kind, signed_in).get(
        "/mowd/cgi-bin/WrtOpRpt.pl",
        {"filed_from": "03/01/2026", "filed_to": "03/31/2026", "Key1": "cs_sort_case_numb"},
    )
    if (early := _status(response)) is not None:
        return early
    html = _page(response)
    if f"DktRpt.pl?{_caseid(world, kind)}" not in html:
        return "missing"
    return Shown(documents=_linked_of(world, kind, html))


def _caseid(world, kind) -> int:
    return world.cases[kind].case.caseid


# What each route must answer, from the oracle.
def expect_report(o: Oracle) -> Observation:
    """A docket report: the entries one may see, linked where one may open the main document."""
    if o.role == "anonymous":
        return "sign_in"
    if not o.sees_case():
        return "missing"
    return Shown(
        tuple(o.entries()), tuple(n for n in DOCUMENTS if n % 10 == 0 and o.opens_document(n))
    )


def expect_case(o: Oracle) -> Observation:
    if o.role == "anonymous":
        return "sign_in"
    return Shown() if o.sees_case() else "missing"


def expect_found(o: Oracle) -> Observation:
    """A search by number: the case is among the answers, or not."""
    if o.role == "anonymous":
        return "sign_in"
    return Shown() if o.sees_case() else "missing"


def expect_opened(o: Oracle) -> Observation:
    if o.role == "anonymous":
        return "sign_in"
    opened = tuple(n for n in DOCUMENTS if o.opens_document(n))
    return Shown(documents=opened) if opened else "missing"


def expect_listed_docket(o: Oracle) -> Observation:
    """A docket that lists each document it may show (opening is another route's rule)."""
    if o.role == "anonymous":
        return "sign_in"
    if not o.sees_case():
        return "missing"
    return Shown(tuple(o.entries()), tuple(n for n in DOCUMENTS if o.lists_document(n)))


def expect_court_docket(o: Oracle) -> Observation:
    """The court's working docket, free for its clerks and judges; anyone else who may see the
    case is sent to the charged docket report (PACER charges the docket sheet)."""
    if o.role == "anonymous" or not o.sees_case():
        return expect_listed_docket(o)
    return expect_listed_docket(o) if o.court else "docket_report"


def expect_api_entries(o: Oracle) -> Observation:
    if o.role == "anonymous":
        return "sign_in"
    if not o.sees_case():
        return "missing"
    return Shown(tuple(o.entries()), tuple(n for n in DOCUMENTS if o.opens_document(n)))


def expect_court_only(o: Oracle) -> Observation:
    """A court page: every document of the record (sealed too) for its clerks and judges."""
    if o.role == "anonymous":
        return "sign_in"
    return Shown(documents=tuple(DOCUMENTS)) if o.court else "missing"


def expect_clerk_only(o: Oracle) -> Observation:
    """The clerk's office's page (decision record 0005): its clerks; anyone else, missing."""
    if o.role == "anonymous":
        return "sign_in"
    return Shown(ENTRIES) if o.role in CLERKS_OFFICE else "missing"


def expect_clerk_case(o: Oracle) -> Observation:
    if o.role == "anonymous":
        return "sign_in"
    return Shown() if o.role in CLERKS_OFFICE else "missing"


def expect_public_record(o: Oracle) -> Observation:
    """A report of the court's public record, the same for everyone (RSS: no sign-in): what
    an anonymous member of the public may see, linked where they may open it."""
    public = Oracle("public", o.kind)
    if not public.sees_case():
        return "missing"
    linked = tuple(n for n in DOCUMENTS if n % 10 == 0 and public.opens_document(n))
    return Shown(tuple(public.entries()), linked)


def expect_opinions(o: Oracle) -> Observation:
    """The written opinions report (sign-in first): the court's opinion on the public record,
    linked where the person may open it (restricted ones for participants and the court)."""
    if o.role == "anonymous":
        return "sign_in"
    if not Oracle("public", o.kind).sees_case():
        return "missing"
    return Shown(documents=(60,))


@dataclass(frozen=True)
class Row:
    probe: Callable | None
    expect: Callable[[Oracle], Observation] | None
    reason: str = ""  # for a route that reads nothing of the record


APPELLATE = (
    "not probed here (a court of appeals' case): reports/tests/test_appellate_docket_pages.py "
    "checks its rule"
)
BANKRUPTCY = (
    "not probed here (a bankruptcy case's claims): reports/tests/test_claims_register.py "
    "checks its rule"
)
WRITE = "a write, refused by the filing and clerk rules (docket and cases tests); reads nothing"

MATRIX: dict[str, Row] = {
    # pages (URL registry: "namespace:name")
    "reports:docket_report": Row(probe_docket_report, expect_report),
    "reports:case_query": Row(probe_case_query, expect_case),
    "reports:possible_case_numbers": Row(probe_possible_case_numbers, expect_found),
    "reports:document": Row(probe_document, expect_opened),
    "reports:rss_outside": Row(probe_rss, expect_public_record),
    "reports:show_multidocs": Row(probe_show_multidocs, expect_opened),
    "reports:written_opinions": Row(probe_written_opinions, expect_opinions),
    "reports:feed_setting": Row(None, None, "the clerk's choice of event categories: no case"),
    # A court of appeals' docket and documents: this world is a district court's.
    "reports:appellate_docket": Row(None, None, APPELLATE),
    "reports:appellate_docket_cmecf": Row(None, None, APPELLATE),
    "reports:appellate_document": Row(None, None, APPELLATE),
    # A bankruptcy case's claims register: this world is a district court's.
    "reports:claims_register": Row(None, None, BANKRUPTCY),
    "GET /courts/{court_id}/cases/{caseid}/claims": Row(None, None, BANKRUPTCY),
    "reports:menu": Row(None, None, "the court's menu of its reports: names no case"),
    "docket:case_docket": Row(probe_case_docket_page, expect_court_docket),
    "docket:court_document": Row(probe_court_document, expect_court_only),
    "docket:clerk_entry": Row(probe_clerk_entry, expect_clerk_only),
    "cases:summary": Row(probe_case_summary, expect_case),
    "cases:clerk_case": Row(probe_clerk_case, expect_clerk_case),
    # the JSON API (ninja registry: "METHOD path")
    "GET /courts/{court_id}/cases": Row(probe_api_find_cases, expect_found),
    "GET /courts/{court_id}/cases/{caseid}": Row(probe_api_case, expect_listed_docket),
    "GET /courts/{court_id}/cases/{caseid}/entries": Row(probe_api_entries, expect_api_entries),
    "GET /courts/{court_id}/cases/{caseid}/documents/{doc_id}": Row(
        probe_api_document, expect_opened
    ),
    "GET /courts/{court_id}/cases/{caseid}/documents/{doc_id}/pdf": Row(
        probe_api_document_pdf, expect_opened
    ),
    "POST /courts/{court_id}/cases": Row(None, None, WRITE),
    "POST /courts/{court_id}/cases/{caseid}/entries": Row(None, None, WRITE),
    "PATCH /courts/{court_id}/cases/{caseid}/entries/{entry_number}": Row(None, None, WRITE),
    "POST /courts/{court_id}/cases/{caseid}/entries/{entry_number}/accept": Row(None, None, WRITE),
    "POST /courts/{court_id}/cases/{caseid}/entries/{entry_number}/deficient": Row(
        None, None, WRITE
    ),
    "POST /courts/{court_id}/cases/{caseid}/close": Row(None, None, WRITE),
    "POST /courts/{court_id}/cases/{caseid}/reopen": Row(None, None, WRITE),
    "POST /courts/{court_id}/cases/{caseid}/seal": Row(None, None, WRITE),
    "POST /courts/{court_id}/cases/{caseid}/judge": Row(None, None, WRITE),
    "POST /courts/{court_id}/cases/{caseid}/terminate-party": Row(None, None, WRITE),
    "POST /courts/{court_id}/cases/{caseid}/terminate-attorney": Row(None, None, WRITE),
}


def _patterns(patterns, namespace: str = "", route: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(p for p in (namespace, entry.namespace or "") if p)
            yield from _patterns(entry.url_patterns, inner, route + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield namespace, entry.name, route + str(entry.pattern)


def record_routes() -> set[str]:
    """Every route that may read the record, from Django's URL registry and ninja's."""
    found = set()
    for namespace, name, route in _patterns(get_resolver().url_patterns):
        if namespace == "api":  # the JSON API's operations: from ninja's registry below
            continue
        if namespace == "reports" or "caseid" in route:
            found.add(f"{namespace}:{name}")
    for _prefix, router in api._routers:
        for path, view in router.path_operations.items():
            if path.startswith("/courts/{court_id}/cases"):
                for operation in view.operations:
                    found.update(f"{method} {path}" for method in operation.methods)
    return found


def test_every_route_of_the_record_is_in_the_matrix():
    routes = record_routes()
    assert routes - set(MATRIX) == set(), "add these routes to MATRIX (a probe and the rule)"
    assert set(MATRIX) - routes == set(), "these MATRIX rows name no route any more"


PROBED = sorted(key for key, row in MATRIX.items() if row.probe is not None)


@pytest.mark.parametrize("route", PROBED)
def test_each_role_sees_what_the_rule_allows(route, world, signed_in):
    row = MATRIX[route]
    assert row.probe is not None and row.expect is not None
    wrong = {}
    for kind in KINDS:
        for role in ROLES:
            seen = row.probe(world, role, kind, signed_in)
            wanted = row.expect(Oracle(role, kind))
            if seen != wanted:
                wrong[(kind, role)] = (seen, wanted)
    assert wrong == {}, "(kind, role): (seen, wanted)"


def _shape(response) -> object:
    """What a sealed answer must share with a missing one: status and body, ids aside."""
    body = _page(response)
    if response.get("Content-Type", "").startswith("application/json"):
        error = response.json().get("error", {})
        return (
            response.status_code,
            error.get("code"),
            re.sub(r"\d+", "N", error.get("message", "")),
        )
    body = re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", body)
    return response.status_code, re.sub(r"\d+", "N", body)


SEALED_VS_MISSING = {
    "reports:docket_report": "/mowd/cgi-bin/DktRpt.pl?{caseid}",
    "reports:case_query": "/mowd/cgi-bin/iquery.pl?{caseid}",
    "docket:case_docket": "/mowd/cases/{caseid}/docket/",
    "cases:summary": "/mowd/cases/{caseid}/",
    "GET /courts/{court_id}/cases/{caseid}": "/api/v1/courts/mowd/cases/{caseid}",
    "GET /courts/{court_id}/cases/{caseid}/entries": "/api/v1/courts/mowd/cases/{caseid}/entries",
}


@pytest.mark.parametrize("route", sorted(SEALED_VS_MISSING))
@pytest.mark.parametrize("role", ["public", "other_attorney", "other_court_clerk"])
def test_a_sealed_case_answers_exactly_as_a_missing_one(route, role, world, signed_in):
    path = SEALED_VS_MISSING[route]
    client = world.page_client(role, "sealed", signed_in)
    headers = world.api_headers(role, "sealed")
    sealed = client.get(path.format(caseid=_caseid(world, "sealed")), **headers)
    missing = client.get(path.format(caseid=MISSING_CASE), **headers)
    assert sealed.status_code == 404
    assert _shape(sealed) == _shape(missing)


def test_sealed_and_restricted_documents_answer_exactly_as_missing_ones(world, signed_in):
    client = signed_in(world.people["public"])
    caseid = _caseid(world, "ordinary")
    for hidden in (30, RESTRICTED_DOCUMENT):
        for path in ("/mowd/doc1/{}", f"/api/v1/courts/mowd/cases/{caseid}/documents/{{}}"):
            headers = world.api_headers("public", "ordinary")
            shown = client.get(path.format(doc_id(hidden)), **headers)
            missing = client.get(path.format(doc_id(990)), **headers)
            assert shown.status_code == 404
            assert _shape(shown) == _shape(missing)
