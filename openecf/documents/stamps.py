"""Electronic document stamps: issued with the court's key, checked on the public verify page.

The key is each court's own, kept outside the database (a file ``<court>.key`` of random bytes
in hex under ``OPENECF_STAMP_KEY_DIR``, or ``OPENECF_STAMP_KEY_<COURT>``), so a copy of the
database cannot forge a stamp. In development a missing key file is made on first use; in
production a missing key refuses (``StampKeyMissing``). docs/documents.md says how to install
and rotate keys.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from django.conf import settings
from django.db import IntegrityError, transaction

from openecf.core import clock
from openecf.core.errors import NotFound
from openecf.courts.models import Court
from openecf.documents import rules
from openecf.documents.errors import StampKeyMissing
from openecf.documents.models import DocumentStamp, ServedCopy, StoredPdf

AUTHENTIC = "authentic"
ALTERED = "altered"
UNKNOWN = "unknown"


def court_key(court_id: str) -> bytes:
    """The court's stamp key (from the environment, else its key file)."""
    given = settings.OPENECF_STAMP_KEYS.get(court_id)
    if given:
        return bytes.fromhex(given)
    key_file = Path(settings.OPENECF_STAMP_KEY_DIR) / f"{court_id}.key"
    if not key_file.exists():
        if settings.OPENECF_PRODUCTION:
            raise StampKeyMissing(
                f"Documents cannot be stamped: there is no stamp key for {court_id}. The operator "
                f"must install {key_file} (see docs/documents.md)."
            )
        key_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_hex(64) + "\n")
    return bytes.fromhex(key_file.read_text().strip())


def issue(
    *, court_id: str, stored_pdf_id: int, doc_id: int, attachment_number: int, at: datetime
) -> str:
    """The stamp of one document of the record, recorded (once) for verification.

    Runs inside the caller's transaction (a savepoint when nested). Stamping the same
    document again returns the stamp it already has.
    """
    court = Court.objects.get(pk=court_id)
    sha256 = StoredPdf.objects.filter(pk=stored_pdf_id).values_list("sha256", flat=True).first()
    if sha256 is None:
        raise NotFound("There is no such stored document.")
    existing = DocumentStamp.objects.filter(
        court=court, doc_id=doc_id, attachment_number=attachment_number
    ).first()
    if existing is not None:
        return rules.stamp_text(_fields(existing))
    key = court_key(court_id)
    fields = rules.StampFields(
        court_id=court_id,
        stamp_id=rules.stamp_id_for(key),
        stamped_on=clock.in_zone(at, court.time_zone).date(),
        doc_id=doc_id,
        attachment_number=attachment_number,
    )
    fields = dataclasses.replace(fields, digest=rules.stamp_digest(key, fields, sha256))
    try:
        with transaction.atomic():
            DocumentStamp.objects.create(
                stored_pdf_id=stored_pdf_id,
                key_id=rules.key_id_for(key),
                created_at=clock.now(),
                **dataclasses.asdict(fields),
            )
    except IntegrityError:  # stamped meanwhile by a concurrent call
        return rules.stamp_text(
            _fields(DocumentStamp.objects.get(court=court, **_document(fields)))
        )
    return rules.stamp_text(fields)


def _document(fields: rules.StampFields) -> dict[str, int]:
    return {"doc_id": fields.doc_id, "attachment_number": fields.attachment_number}


def _fields(row: DocumentStamp) -> rules.StampFields:
    names = (field.name for field in dataclasses.fields(rules.StampFields))
    return rules.StampFields(**{name: getattr(row, name) for name in names})


@dataclass(frozen=True)
class Verdict:
    """What the verify page says of an uploaded copy."""

    outcome: str  # AUTHENTIC, ALTERED or UNKNOWN
    file_number: str = ""  # "<doc id>-<attachment>" of the stamped document, when known
    stamped_on: str = ""  # m/d/yyyy
    explanation: str = ""


def sha256_of(source: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := source.read(1 << 20):
        digest.update(chunk)
    return digest.hexdigest()


def verify(*, court_id: str, sha256: str, stamp: str = "") -> Verdict:
    """Is the copy whose SHA-256 is ``sha256`` the document the court stamped?

    With the stamp from the notice: the stamp must be one this court issued (its digest is
    recomputed with the court's key), and the copy's hash must be the one it covers, else the
    copy is *altered*. Without a stamp: a copy whose hash matches a stamped document of this
    court is *authentic*; anything else is *unknown* (it cannot be told from a document this
    court never stamped).
    """
    court_key_bytes = court_key(court_id)
    if stamp.strip():
        fields = rules.read_stamp(stamp)
        if fields is None or fields.court_id != court_id:
            return Verdict(UNKNOWN, explanation=_NOT_A_STAMP)
        recorded = DocumentStamp.objects.filter(
            court_id=court_id, digest=fields.digest, **_document(fields)
        ).first()
        if recorded is None or not _digest_holds(
            court_key_bytes, fields, recorded.stored_pdf.sha256
        ):
            return Verdict(UNKNOWN, explanation=_NOT_ISSUED)
        number = f"{fields.doc_id}-{fields.attachment_number}"
        day = _day(fields)
        if _digest_holds(court_key_bytes, fields, sha256):
            return Verdict(AUTHENTIC, number, day, _MATCHES.format(number=number, day=day))
        if ServedCopy.objects.filter(stored_pdf_id=recorded.stored_pdf_id, sha256=sha256).exists():
            return Verdict(AUTHENTIC, number, day, _SERVED.format(number=number, day=day))
        return Verdict(ALTERED, number, day, _DIFFERS.format(number=number, day=day))
    stamped = DocumentStamp.objects.filter(court_id=court_id).order_by(
        "stamped_on", "doc_id", "attachment_number"
    )
    for row in stamped.filter(stored_pdf__sha256=sha256)[:1]:
        number, day = f"{row.doc_id}-{row.attachment_number}", _day(_fields(row))
        return Verdict(AUTHENTIC, number, day, _MATCHES.format(number=number, day=day))
    served = ServedCopy.objects.filter(sha256=sha256).values("stored_pdf_id")
    for row in stamped.filter(stored_pdf_id__in=served)[:1]:
        number, day = f"{row.doc_id}-{row.attachment_number}", _day(_fields(row))
        return Verdict(AUTHENTIC, number, day, _SERVED.format(number=number, day=day))
    return Verdict(UNKNOWN, explanation=_NO_MATCH)


def _digest_holds(key: bytes, fields: rules.StampFields, sha256: str) -> bool:
    return hmac.compare_digest(rules.stamp_digest(key, fields, sha256), fields.digest)


def _day(fields: rules.StampFields) -> str:
    return f"{fields.stamped_on.month}/{fields.stamped_on.day}/{fields.stamped_on.year}"


_NOT_A_STAMP = (
    "The stamp is not one of this court's electronic document stamps: copy it whole from the "
    "notice of electronic filing, from [STAMP to the last ]."
)
_NOT_ISSUED = "This court issued no such stamp: the stamp was changed or made elsewhere."
_MATCHES = "This is the document the court stamped as {number} on {day}, unchanged."
_SERVED = (
    "This is a copy of the document the court stamped as {number} on {day}, as the court "
    "serves it with its header on each page, otherwise unchanged."
)
_DIFFERS = (
    "The court stamped document {number} on {day}, but this copy differs from it and from every "
    "copy the court served: it was changed after filing."
)
TOO_LARGE = "The file is larger than any document this court accepts: it is not one of its own."
_NO_MATCH = (
    "No document stamped by this court has exactly this content. Give the stamp from the notice "
    "to learn whether it was altered."
)
