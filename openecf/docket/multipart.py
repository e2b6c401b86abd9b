"""The multipart bodies of the API's filing and case-opening endpoints: a JSON part that
describes the filing, the main PDF as ``document`` and one ``attachment`` part per attachment
described, in order (the case opening adds a ``fee_application``)."""

from __future__ import annotations

from typing import TypeVar

from django.http import HttpRequest
from pydantic import BaseModel, ValidationError

from openecf.core.errors import InputInvalid
from openecf.docket import actions
from openecf.docket.schemas import AttachmentIn, FilingPaymentIn
from openecf.payments import facade as payments

Described = TypeVar("Described", bound=BaseModel)

BINARY = {"type": "string", "format": "binary"}


def inlined(schema: dict, defs: dict | None = None) -> dict:
    """A pydantic JSON schema with its ``$defs`` written in place (OpenAPI has no local refs)."""
    defs = schema.get("$defs", {}) if defs is None else defs
    if "$ref" in schema:
        return inlined(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    return {
        key: (
            inlined(value, defs)
            if isinstance(value, dict)
            else [inlined(v, defs) if isinstance(v, dict) else v for v in value]
            if isinstance(value, list)
            else value
        )
        for key, value in schema.items()
        if key != "$defs"
    }


def multipart_body(
    part: str,
    model: type[BaseModel],
    *,
    document_required: bool = False,
    more_files: tuple[str, ...] = (),
) -> dict:
    """The OpenAPI request body as it is (ninja would describe only the form field): the JSON
    ``part`` holding ``model``, the document, the attachments and ``more_files``."""
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [part, "document"] if document_required else [part],
                    "properties": {
                        part: inlined(model.model_json_schema()),
                        "document": BINARY,
                        "attachment": {"type": "array", "items": BINARY},
                        **{name: BINARY for name in more_files},
                    },
                },
                "encoding": {part: {"contentType": "application/json"}},
            }
        },
    }


def json_part(request: HttpRequest, part: str, model: type[Described], *, what: str) -> Described:
    """The JSON ``part`` as ``model``; its problems are input problems named ``part.field``
    (``what`` says what the part holds: "the filing")."""
    raw = request.POST.get(part, "")
    if not raw.strip():
        raise InputInvalid({part: [f"Send {what} as a JSON part named {part}."]})
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        fields: dict[str, list[str]] = {}
        for problem in error.errors():
            where = ".".join(str(p) for p in problem.get("loc", ()))
            fields.setdefault(f"{part}.{where}" if where else part, []).append(
                problem.get("msg", "invalid")
            )
        raise InputInvalid(fields) from None


def uploads(
    request: HttpRequest, described: list[AttachmentIn]
) -> tuple[actions.Upload | None, list[actions.Upload]]:
    """The main document (None when not sent) and one attachment per attachment described."""
    document = request.FILES.get("document")
    files = request.FILES.getlist("attachment")
    if len(files) != len(described):
        raise InputInvalid(
            {
                "attachment": [
                    f"Send one attachment part per entry of attachments: {len(described)} "
                    f"described, {len(files)} sent."
                ]
            }
        )
    return (
        actions.Upload(document, document.name or "document.pdf") if document else None,
        [
            actions.Upload(upload, upload.name or f"attachment-{n}.pdf", a.type, a.description)
            for n, (upload, a) in enumerate(zip(files, described, strict=True), 1)
        ],
    )


def fee_choice(payment: FilingPaymentIn | None) -> actions.FeeChoice:
    """The stored payment method or the card the body names (neither: no fee is paid)."""
    card = payment.card if payment else None
    return actions.FeeChoice(
        method_id=payment.method_id if payment else None,
        card=payments.Card(**card.dict()) if card else None,
    )
