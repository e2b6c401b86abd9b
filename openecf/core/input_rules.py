"""The one set of rules every piece of text input meets before any view or query sees it.

Pure functions, no request and no database: ``openecf.web.middleware.InputRulesMiddleware``
applies them to the path, the query string, form fields and JSON bodies of every request, so no
endpoint can forget them. Each answers a problem in the user's terms, or None.

- no NUL character (PostgreSQL cannot store one) and no lone surrogate (not text at all);
- a value is at most ``MAX_TEXT_LENGTH`` characters (a 1 MB username must not reach a query);
- JSON nests at most ``MAX_JSON_DEPTH`` deep, and its integers fit a 64-bit column;
- a digits-only value in a query, form or path is at most ``MAX_DIGITS`` long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Longer than any field the forms and schemas take (the longest are notices to the bar), and
# far below SQLite's 50,000-byte LIKE pattern limit even in 4-byte characters.
MAX_TEXT_LENGTH = 10_000
MAX_JSON_DEPTH = 32
MAX_DIGITS = 18  # every integer of 18 digits fits a signed 64-bit column
INT64 = 2**63 - 1

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ALL_DIGITS = re.compile(r"[0-9]+")


def text_problem(value: str, *, where: str) -> str | None:
    """What is wrong with one piece of text, or None."""
    if "\x00" in value:
        return f"{where} contains a NUL character, which is not allowed in text."
    if _LONE_SURROGATE.search(value):
        return f"{where} contains an invalid character (a lone UTF-16 surrogate)."
    if len(value) > MAX_TEXT_LENGTH:
        return f"{where} is too long: at most {MAX_TEXT_LENGTH:,} characters."
    return None


def plain_value_problem(value: str, *, where: str) -> str | None:
    """A query, form or path value: the text rules, and digits that fit a number column."""
    problem = text_problem(value, where=where)
    if problem is None and len(value) > MAX_DIGITS and _ALL_DIGITS.fullmatch(value.strip()):
        return f"{where} is too large a number: at most {MAX_DIGITS} digits."
    return problem


def plain_values_problem(pairs: Iterable[tuple[str, str]], *, kind: str) -> str | None:
    """The first problem among ``(name, value)`` pairs (names are checked like values)."""
    for name, value in pairs:
        where = f"{kind} field {name[:40]!r}"
        problem = plain_value_problem(name, where=f"A {kind} field name") or plain_value_problem(
            value, where=f"The {where}"
        )
        if problem:
            return problem
    return None


def json_problem(value: object, *, where: str = "The JSON body", depth: int = 0) -> str | None:
    """The first problem in a parsed JSON value: nesting, strings, keys and integer sizes."""
    if depth > MAX_JSON_DEPTH:
        return f"{where} nests too deeply: at most {MAX_JSON_DEPTH} levels."
    if isinstance(value, str):
        return text_problem(value, where=where)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if not -INT64 - 1 <= value <= INT64:
            return f"{where} holds too large a number: it must fit in 64 bits."
        return None
    if isinstance(value, list):
        for index, item in enumerate(value):
            problem = json_problem(item, where=f"{where}[{index}]", depth=depth + 1)
            if problem:
                return problem
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            name = f"{where} field {str(key)[:40]!r}"
            problem = text_problem(key, where=f"A field name in {where.lower()}") or json_problem(
                item, where=name, depth=depth + 1
            )
            if problem:
                return problem
    return None
