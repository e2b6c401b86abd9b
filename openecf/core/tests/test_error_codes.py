"""Every refusal's code is declared once and listed in docs/errors.md, where programs read it."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from django.apps import apps

from openecf.api import CODES
from openecf.core.errors import DomainError

DOCS = Path(__file__).resolve().parents[3] / "docs" / "errors.md"


def every_refusal() -> list[type[DomainError]]:
    """Each DomainError class, after importing every app's ``errors`` module."""
    for app in apps.get_app_configs():
        if app.name.startswith("openecf."):
            try:
                importlib.import_module(f"{app.name}.errors")
            except ModuleNotFoundError as missing:
                if missing.name != f"{app.name}.errors":
                    raise
    found: list[type[DomainError]] = []
    waiting: list[type[DomainError]] = [DomainError]
    while waiting:
        kind = waiting.pop()
        found.append(kind)
        waiting.extend(kind.__subclasses__())
    return found


def declared_codes() -> dict[str, list[str]]:
    """code -> the classes whose own body sets it (an inherited code is the same refusal)."""
    codes: dict[str, list[str]] = {}
    for kind in every_refusal():
        if "code" in vars(kind):
            codes.setdefault(kind.code, []).append(f"{kind.__module__}.{kind.__qualname__}")
    return codes


def documented_codes() -> set[str]:
    return set(re.findall(r"^\| `([a-z_]+)` \|", DOCS.read_text(), flags=re.MULTILINE))


def test_the_walk_finds_the_refusals_of_every_app():
    modules = {kind.__module__ for kind in every_refusal()}
    assert {
        "openecf.core.errors",
        "openecf.accounts.errors",
        "openecf.courts.errors",
        "openecf.ecf.errors",
        "openecf.firms.errors",
        "openecf.notices.errors",
        "openecf.registrations.errors",
        "openecf.signon.errors",
    } <= modules


def test_each_code_names_one_refusal():
    twice = {code: owners for code, owners in declared_codes().items() if len(owners) > 1}
    assert twice == {}


def test_each_class_name_is_one_refusal():
    names: dict[str, list[str]] = {}
    for kind in every_refusal():
        names.setdefault(kind.__name__, []).append(kind.__module__)
    assert {name: where for name, where in names.items() if len(where) > 1} == {}


def test_every_code_is_in_the_api_docs():
    assert set(declared_codes()) - documented_codes() == set()


def test_the_api_docs_list_no_code_that_is_never_sent():
    web_codes = {*CODES.values(), "csrf_failed", "error"}
    assert documented_codes() - set(declared_codes()) - web_codes == set()
