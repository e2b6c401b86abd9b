"""PDF intake: copy the upload to a temporary file in chunks, then check it in a limited child.

The upload is never held whole in memory: Django writes uploads to a temporary file
(``FILE_UPLOAD_HANDLERS``), and this copies it in 1 MB chunks into the intake folder while it
hashes and counts it, stopping at the court's size limit. The copy is checked by
``checker.check_in_child`` (a warm checker process of the pool); what ``keep`` later stores is
this copy (or its flattened form).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings

from openecf.courts import queries as court_queries
from openecf.documents import checker, inspection, rules
from openecf.documents.errors import PdfRefused
from openecf.documents.inspection import Options
from openecf.documents.models import PdfRules
from openecf.documents.privacy import PrivacyHit

CHUNK = 1 << 20


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


Source = bytes | str | Path | Readable


@dataclass(frozen=True)
class CheckedPdf:
    """A PDF that passed the check, waiting in the intake folder for ``keep``."""

    file_name: str
    sha256: str
    page_count: int
    size: int
    has_text_layer: bool  # at least one page has text (pages_without_text lists the others)
    privacy_hits: tuple[PrivacyHit, ...]
    pages_without_text: tuple[int, ...] = ()
    flattened: bool = False  # a fillable form, flattened as the court's rules say
    warnings: tuple[str, ...] = ()
    path: str = ""  # the intake copy (not for display)


def intake_folder() -> Path:
    folder = Path(settings.OPENECF_DATA) / "intake"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def limits() -> checker.Limits:
    return checker.Limits(
        cpu_seconds=settings.OPENECF_PDF_CHECK_CPU_SECONDS,
        memory_mb=settings.OPENECF_PDF_CHECK_MEMORY_MB,
        wall_seconds=float(settings.OPENECF_PDF_CHECK_WALL_SECONDS),
        files_per_checker=settings.OPENECF_PDF_CHECK_FILES_PER_PROCESS,
    )


def check_pdf(
    source: Source, *, court_id: str, file_name: str, find_minors: bool = False
) -> CheckedPdf:
    """Check an upload against the court's PDF rules; refuse it with ``PdfRefused``.

    ``source``: an uploaded file (or any object with ``read``), a path, or bytes.
    ``find_minors``: also look for minors' names (when the event says so).
    """
    court = court_queries.get_court(court_id)
    court_rules = PdfRules.objects.filter(court=court).first()
    wording = dict(court_rules.wording) if court_rules else {}
    flatten = bool(court_rules and court_rules.fillable_forms == PdfRules.Forms.FLATTEN)
    file_name = os.path.basename(file_name or "document.pdf")[:200]

    def refuse(reason: str, detail: str) -> PdfRefused:
        message = rules.refusal_message(
            file_name=file_name, reason=reason, detail=detail, wording=wording
        )
        return PdfRefused(message, reason=reason, file_name=file_name)

    limit = rules.size_limit_bytes(court.pdf_size_limit_mb)
    path, sha256, size = _copy_in(source, limit=limit)
    if size > limit:
        remove_files(path)
        raise refuse(
            inspection.TOO_LARGE,
            f"it is larger than {court.pdf_size_limit_mb} MB, this court's limit",
        )
    flattened_path = f"{path}.flat" if flatten else ""
    found = checker.check_in_child(
        path,
        Options(flatten_forms=flatten, find_minors=find_minors, flattened_path=flattened_path),
        limits(),
    )
    if found.refusal:
        remove_files(path, flattened_path)
        raise refuse(found.refusal, found.detail)
    if found.flattened:
        remove_files(path)
        path, sha256, size = flattened_path, found.flattened_sha256, found.flattened_size
    elif flattened_path:
        remove_files(flattened_path)
    warning = rules.text_warning(
        file_name, pages_without_text=found.pages_without_text, page_count=found.page_count
    )
    return CheckedPdf(
        file_name=file_name,
        sha256=sha256,
        page_count=found.page_count,
        size=size,
        has_text_layer=len(found.pages_without_text) < found.page_count,
        privacy_hits=found.privacy_hits,
        pages_without_text=found.pages_without_text,
        flattened=found.flattened,
        warnings=(warning,) if warning else (),
        path=path,
    )


def discard(checked: CheckedPdf) -> None:
    """Remove the intake copy of a checked PDF that will not be kept."""
    remove_files(checked.path)


class _Tally:
    """The hash and size of what went through ``_tallied`` so far."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.size = 0


def _tallied(source: Source, *, limit: int, tally: _Tally) -> Iterator[bytes]:
    """``source``'s chunks, hashed and counted; stops once past ``limit`` (size tells)."""
    for chunk in _chunks(source):
        tally.size += len(chunk)
        if tally.size > limit:
            return
        tally.digest.update(chunk)
        yield chunk


def sha256_of(source: Source, *, limit: int) -> tuple[str, int]:
    """The SHA-256 and size of ``source``, read in chunks (stops counting past ``limit``)."""
    tally = _Tally()
    for _ in _tallied(source, limit=limit, tally=tally):
        pass
    return tally.digest.hexdigest(), tally.size


def _copy_in(source: Source, *, limit: int) -> tuple[str, str, int]:
    """Copy ``source`` into the intake folder; (path, sha256, size). Stops past ``limit``."""
    descriptor, path = tempfile.mkstemp(suffix=".pdf", dir=intake_folder())
    tally = _Tally()
    with os.fdopen(descriptor, "wb") as out:
        for chunk in _tallied(source, limit=limit, tally=tally):
            out.write(chunk)
    return path, tally.digest.hexdigest(), tally.size


def _chunks(source: Source) -> Iterator[bytes]:
    if isinstance(source, bytes):
        for start in range(0, len(source), CHUNK):
            yield source[start : start + CHUNK]
        return
    if isinstance(source, str | Path):
        with open(source, "rb") as opened:
            yield from _read_chunks(opened)
        return
    if hasattr(source, "seek"):
        source.seek(0)
    yield from _read_chunks(source)


def _read_chunks(source: Readable) -> Iterator[bytes]:
    while chunk := source.read(CHUNK):
        yield chunk


def remove_files(*paths: str) -> None:
    """Remove intake copies ("" and files already gone are skipped)."""
    for path in paths:
        if path:
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
