"""The field fuzzer: every API operation and every HTML form, each field set to hostile values.

Not one answer may be a server error (>= 500). The API operations come from the OpenAPI
document; the forms from the pages a crawl reaches as each persona. Runs in the suite, so CI
runs it on SQLite and on PostgreSQL. The budget is fixed: every operation and form field gets
each value of ``HOSTILE`` once.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest
from django.test import Client

from openecf.api import api
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db

DEEP = "[" * 5_000 + "]" * 5_000
HOSTILE: list[object] = [
    "\x00",
    "a\ud800b",
    "\u202eevil\u202c.pdf",
    "x" * 1_000_000,
    DEEP,
    "١٢٣٤٥٦",
    "１２３４５６",
    "line\r\nSet-Cookie: x=1",
    -1,
    -(2**70),
    2**70,
    "99999999999999999999999",
]
ALL_METHODS = ("get", "post", "put", "patch", "delete")


def as_form_text(value: object) -> str:
    return value if isinstance(value, str) else str(value)


def encoded(data: dict) -> str:
    """URL-encoded as a client would send it: a lone surrogate as its raw bytes."""
    return urlencode(data, encoding="utf-8", errors="surrogatepass")


# --- API operations -----------------------------------------------------------------------------


def plausible(schema: dict, components: dict, depth: int = 0) -> object:
    """A value of the documented type, so the other fields get past parsing."""
    if "$ref" in schema:
        return plausible(components[schema["$ref"].rsplit("/", 1)[1]], components, depth)
    for key in ("anyOf", "allOf", "oneOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return plausible(options[0], components, depth)
    kind = schema.get("type")
    if kind == "object" and depth < 4:
        return {
            name: plausible(prop, components, depth + 1)
            for name, prop in schema.get("properties", {}).items()
        }
    if kind == "array":
        return []
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return False
    if schema.get("format") == "date":
        return "2026-01-05"
    if schema.get("format") == "date-time":
        return "2026-01-05T10:00:00Z"
    if "enum" in schema:
        return schema["enum"][0]
    return "mowd" if kind == "string" else None


def operations() -> list[tuple[str, str, dict]]:
    document = api.get_openapi_schema()
    return [
        (method, path, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
        if method in ALL_METHODS
    ]


def fill_path(path: str, value: object = None) -> str:
    def one(match: re.Match) -> str:
        if value is not None:
            text = re.sub(r"[/?#]", "", as_form_text(value))[:2000] or "x"
            return quote(text, errors="surrogatepass")
        return "mowd" if "court" in match.group(1) else "1"

    return re.sub(r"\{(?:\w+:)?(\w+)\}", one, path)


def call(client: Client, method: str, path: str, *, query=None, body=None):
    if query:
        path = f"{path}?{encoded(query)}"
    if method == "get":
        return client.get(path)
    content = json.dumps(body if body is not None else {}) if not isinstance(body, str) else body
    return getattr(client, method)(path, content, content_type="application/json")


def api_attempts(method: str, path: str, operation: dict, components: dict):
    """(path, query, body) for each hostile value in each place the operation takes input."""
    body_schema = (
        operation.get("requestBody", {})
        .get("content", {})
        .get("application/json", {})
        .get("schema")
    )
    base_body = plausible(body_schema, components) if body_schema else None
    for value in HOSTILE:
        if "{" in path:
            yield fill_path(path, value), None, base_body
        for parameter in operation.get("parameters", []):
            if parameter.get("in") == "query":
                yield fill_path(path), {parameter["name"]: as_form_text(value)[:20_000]}, base_body
        if isinstance(base_body, dict):
            for field in base_body:
                yield fill_path(path), None, {**base_body, field: value}
        if body_schema is not None:
            yield fill_path(path), None, DEEP


@pytest.fixture
def personas(attorney, clerk, public_user) -> dict[str, Client]:
    clients = {"anonymous": Client()}
    for name, account in (("attorney", attorney), ("clerk", clerk), ("public", public_user)):
        clients[name] = Client()
        sign_in(clients[name], account, redaction_acknowledged=True)
    return clients


def persona_for(path: str, operation: dict) -> str:
    if not operation.get("security"):
        return "anonymous"
    return "clerk" if "{court_id}" in path else "attorney"


def test_no_api_operation_answers_a_server_error_to_hostile_fields(personas):
    components = api.get_openapi_schema()["components"]["schemas"]
    failures, tried = [], 0
    for method, path, operation in operations():
        client = personas[persona_for(path, operation)]
        for target, query, body in api_attempts(method, path, operation, components):
            tried += 1
            response = call(client, method, target, query=query, body=body)
            if response.status_code >= 500:
                failures.append((method.upper(), target[:80], repr(query)[:80], repr(body)[:80]))
    assert tried > 1000
    assert failures == []


# --- HTML forms ---------------------------------------------------------------------------------


class PageForms(HTMLParser):
    """The same-site links of a page, and its POST forms with their fields' default values."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._form: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href", "").startswith("/"):
            self.links.append(attributes["href"])
        elif tag == "form" and (attributes.get("method") or "").lower() == "post":
            self._form = {}
            self.forms.append((attributes.get("action") or "", self._form))
        elif tag in ("input", "select", "textarea") and self._form is not None:
            name = attributes.get("name")
            if name and name != "csrfmiddlewaretoken":
                self._form[name] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


START = ["/", "/login/", "/register/", "/account/", "/mowd/", "/firm/", "/account/mfa/"]
SKIP = re.compile(r"logout|/sessions/|/outbox|/static/|/api/")


def crawl(client: Client, limit: int = 60) -> dict[str, dict[str, str]]:
    """Every POST form (action -> default fields) on the pages reachable from START."""
    seen: set[str] = set()
    queue = list(START)
    forms: dict[str, dict[str, str]] = {}
    while queue and len(seen) < limit:
        page = queue.pop(0)
        if page in seen or SKIP.search(page):
            continue
        seen.add(page)
        response = client.get(page)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = PageForms()
        parser.feed(response.content.decode())
        for action, fields in parser.forms:
            target = urlsplit(urljoin(page, action)).path
            if not SKIP.search(target):
                forms.setdefault(target, fields)
        queue.extend(urlsplit(link).path for link in parser.links)
    return forms


def test_no_html_form_answers_a_server_error_to_hostile_fields(personas, courts):
    failures, tried = [], 0
    for name in ("anonymous", "attorney", "clerk"):
        client = personas[name]
        for action, fields in crawl(client).items():
            for field in fields:
                for value in HOSTILE:
                    tried += 1
                    response = client.post(
                        action,
                        encoded({**fields, field: as_form_text(value)}),
                        content_type="application/x-www-form-urlencoded",
                    )
                    if response.status_code >= 500:
                        failures.append((name, action, field, repr(value)[:40]))
    assert tried > 200
    assert failures == []
