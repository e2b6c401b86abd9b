"""Every API operation that needs a session answers an anonymous caller 401 not_signed_in.

Also when a browser without a session sends no CSRF token: CSRF guards a signed-in browser,
and "sign in first" is the answer that helps.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from openecf.api import api

pytestmark = pytest.mark.django_db


def signed_in_operations() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema()
    found = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if operation.get("security"):
                found.append((method, re.sub(r"\{[^}]+\}", "1", path)))
    return sorted(found)


OPERATIONS = signed_in_operations()


def test_there_are_many_signed_in_operations():
    writes = [op for op in OPERATIONS if op[0] in ("post", "put", "patch", "delete")]
    assert len(writes) >= 30


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_an_anonymous_caller_is_told_to_sign_in(method, path):
    client = Client(enforce_csrf_checks=True)
    client.cookies["NextGenCSO"] = "stale-or-made-up"
    if method == "get":
        response = client.get(path)
    else:
        response = getattr(client, method)(path, "{}", content_type="application/json")
    assert response.status_code == 401, response.content
    assert response.json()["error"]["code"] == "not_signed_in"
