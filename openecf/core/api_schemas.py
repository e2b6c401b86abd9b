"""Schemas every app's API shares: the one error shape, documented once."""

from __future__ import annotations

from ninja import Schema


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None  # the problems by field, when they name fields


class ErrorOut(Schema):
    """``{"error": {"code", "message"}}``: every 4xx answer of the API."""

    error: ErrorDetail
