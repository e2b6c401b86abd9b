"""Schemas every app's API shares: the one error shape, documented once; and the one way an
endpoint made by a factory is registered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ninja import Router, Schema


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None  # the problems by field, when they name fields


class ErrorOut(Schema):
    """``{"error": {"code", "message"}}``: every 4xx answer of the API."""

    error: ErrorDetail


def add_made_endpoint(
    router: Router,
    path: str,
    endpoint: Callable[..., object],
    *,
    name: str,
    body: type[Schema] | None = None,
    **options: Any,
) -> None:
    """Register an endpoint made by a factory (one of a table of alike commands) as POST ``path``.

    ``name`` is its operation id (the function's own name, as a written endpoint's would be);
    ``body`` the schema of its ``payload`` argument, which the factory cannot annotate itself.
    """
    if body is not None:
        endpoint.__annotations__ = {**endpoint.__annotations__, "payload": body}
    endpoint.__name__ = name
    router.post(path, **options)(endpoint)
