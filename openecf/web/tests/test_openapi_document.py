"""The OpenAPI document is truthful: one name per schema, and real answers match it."""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.test import Client
from ninja import Schema

from openecf.api import api

pytestmark = pytest.mark.django_db


def all_schemas(base=Schema) -> list[type]:
    found = []
    for sub in base.__subclasses__():
        if sub.__module__.startswith("openecf."):
            found.append(sub)
        found.extend(all_schemas(sub))
    return found


def test_every_schema_of_the_api_has_its_own_name():
    api.get_openapi_schema()  # every router imported
    by_name = defaultdict(set)
    for schema in all_schemas():
        by_name[schema.__name__].add(f"{schema.__module__}.{schema.__qualname__}")
    assert {name: where for name, where in by_name.items() if len(where) > 1} == {}


def body_schema(path: str, method: str) -> dict:
    document = api.get_openapi_schema()
    ref = document["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    return document["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]


def test_post_accounts_is_documented_with_the_account_registration_body():
    fields = set(body_schema("/api/v1/accounts", "post")["properties"])
    assert {"username", "password", "security_questions", "date_of_birth"} <= fields


def test_post_registrations_is_documented_with_the_court_request_body():
    fields = set(body_schema("/api/v1/registrations", "post")["properties"])
    assert "username" not in fields and "password" not in fields


def test_the_court_list_answer_has_exactly_the_documented_fields(courts):
    components = api.get_openapi_schema()["components"]["schemas"]
    listing = components["CourtList"]
    [(key, prop)] = [(k, p) for k, p in listing["properties"].items() if p.get("type") == "array"]
    court = components[prop["items"]["$ref"].rsplit("/", 1)[1]]
    body = Client().get("/api/v1/courts").json()
    assert set(body) == set(listing["properties"])
    assert body[key]
    assert set(body[key][0]) == set(court["properties"])
