"""Keeping checked PDFs: content-addressed, through Django's storage API, with no orphans.

``keep`` runs inside the caller's transaction. It first claims the content's row (an insert on
the unique SHA-256, so two filings of the same new file never both write it), then writes the
file, then lets the transaction decide:

- committed: the row and the file exist together (the intake's temporary copy is removed);
- rolled back: the file written here is deleted at once. Django has no "on rollback" hook, so
  the file's fate rides on an ``on_commit`` callback object: Django drops the callbacks of a
  transaction or savepoint that rolls back, and the object deletes the file when it is dropped
  without having been called (CPython frees it at that moment);
- the process killed between the write and the commit: the database rolls back, so no row
  refers to the file. ``sweep`` removes such files once they are older than the grace period,
  and removes rows no other table refers to (an abandoned draft's) with their files.

A content already kept is only touched (``last_kept_at``), under its row lock, so the sweep
cannot remove it while a filing is using it.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import IntegrityError, transaction
from django.db.models import Exists, ForeignObjectRel, Model, OuterRef, ProtectedError

from openecf.core import clock
from openecf.core.errors import NotFound
from openecf.documents import intake, rules
from openecf.documents.intake import CheckedPdf
from openecf.documents.models import ServedCopy, StoredPdf

log = logging.getLogger(__name__)

GRACE = timedelta(hours=24)


def storage() -> Storage:
    return default_storage


class _DeleteUnlessCommitted:
    """An ``on_commit`` callback that deletes a just-written file if it is never called."""

    def __init__(self, where: Storage, name: str, temporary: str) -> None:
        self.where, self.name, self.temporary = where, name, temporary
        self.committed = False

    def __call__(self) -> None:
        self.committed = True
        intake.remove_files(self.temporary)

    def __del__(self) -> None:
        if not self.committed:
            try:
                self.where.delete(self.name)
            except Exception:  # never raise from a finalizer; the sweep finds it later
                log.exception("could not remove %s after a rollback", self.name)


def keep(content: CheckedPdf) -> StoredPdf:
    """Keep ``content`` (inside the caller's transaction; a savepoint when nested)."""
    now = clock.now()
    with transaction.atomic():
        row = _claim(content, now)
        if row is None:  # kept before: touch it, under its row lock, so the sweep leaves it
            StoredPdf.objects.filter(sha256=content.sha256).update(last_kept_at=now)
            transaction.on_commit(lambda: intake.remove_files(content.path))
            return StoredPdf.objects.get(sha256=content.sha256)
        _write(storage(), row.storage_name, content.path)
        transaction.on_commit(_DeleteUnlessCommitted(storage(), row.storage_name, content.path))
        return row


def _claim(content: CheckedPdf, now: datetime) -> StoredPdf | None:
    """The new row for this content, or None when it is kept already (or being kept: on
    PostgreSQL the insert waits for the other filing's transaction to end)."""
    if StoredPdf.objects.filter(sha256=content.sha256).exists():
        return None
    try:
        with transaction.atomic():
            return StoredPdf.objects.create(
                sha256=content.sha256,
                size=content.size,
                page_count=content.page_count,
                has_text_layer=content.has_text_layer,
                storage_name=rules.content_name(content.sha256),
                created_at=now,
                last_kept_at=now,
            )
    except IntegrityError:
        return None


def _write(where: Storage, name: str, path: str) -> None:
    """Write the file under its content name (an old orphan of the same content is replaced)."""
    if where.exists(name):
        where.delete(name)
    with open(path, "rb") as source:
        saved = where.save(name, File(source, name=os.path.basename(name)))
    if saved != name:  # pragma: no cover - a storage that renamed it would break addressing
        where.delete(saved)
        raise RuntimeError(f"storage kept {name} as {saved}: content addressing needs the name")


def open_original(stored_pdf_id: int) -> IO[bytes]:
    """The stored original, exactly as filed (a binary file object; close it)."""
    name = StoredPdf.objects.filter(pk=stored_pdf_id).values_list("storage_name", flat=True).first()
    if name is None:
        raise NotFound("There is no such stored document.")
    return storage().open(name, "rb")


@dataclass(frozen=True)
class Swept:
    rows: int
    files: int
    intake_files: int


def sweep(*, now: datetime | None = None, grace: timedelta = GRACE, intake_folder: Path) -> Swept:
    """Remove what nothing refers to and nobody kept within ``grace``: rows, files, intake copies."""
    now = now or clock.now()
    cutoff = now - grace
    rows = _sweep_unreferenced_rows(cutoff)
    files = _sweep_orphan_files(cutoff)
    intake_files = 0
    for path in intake_folder.glob("*") if intake_folder.is_dir() else ():
        if path.is_file() and datetime.fromtimestamp(path.stat().st_mtime, now.tzinfo) < cutoff:
            intake.remove_files(str(path))
            intake_files += 1
    return Swept(rows=rows, files=files, intake_files=intake_files)


def _sweep_unreferenced_rows(cutoff: datetime) -> int:
    """Rows that no other row refers to (docket's documents and drafts, stamps), found through
    StoredPdf's reverse relations, so this app needs to import none of the apps that refer."""
    unreferenced = StoredPdf.objects.filter(last_kept_at__lt=cutoff)
    for model, field_name in _referring_fields():
        refers = model._default_manager.filter(**{field_name: OuterRef("pk")})
        unreferenced = unreferenced.exclude(Exists(refers))
    removed = 0
    for pk in list(unreferenced.values_list("pk", flat=True)[:1000]):
        with transaction.atomic():
            locked = StoredPdf.objects.select_for_update().filter(pk=pk, last_kept_at__lt=cutoff)
            name = next(iter(locked.values_list("storage_name", flat=True)), None)
            if name is None:
                continue  # kept again meanwhile
            try:
                with transaction.atomic():
                    StoredPdf.objects.filter(pk=pk).delete()
            except (ProtectedError, IntegrityError):  # referred to since: leave it
                continue
            transaction.on_commit(functools.partial(storage().delete, name))
            removed += 1
    return removed


def _referring_fields() -> list[tuple[type[Model], str]]:
    """Every (model, field) that points at StoredPdf, hidden relations included (``+``)."""
    return [
        (relation.related_model, relation.field.name)
        for relation in StoredPdf._meta.get_fields(include_hidden=True)
        if isinstance(relation, ForeignObjectRel)
        and isinstance(relation.related_model, type)
        and relation.related_model is not ServedCopy
    ]


def _sweep_orphan_files(cutoff: datetime) -> int:
    where = storage()
    removed = 0
    for name in _stored_names(where, "pdf"):
        sha256 = Path(name).stem
        if StoredPdf.objects.filter(sha256=sha256).exists():
            continue
        try:
            modified = where.get_modified_time(name)
        except (NotImplementedError, FileNotFoundError):
            continue
        if modified < cutoff:
            where.delete(name)
            removed += 1
    return removed


def _stored_names(where: Storage, folder: str) -> Iterator[str]:
    try:
        folders, files = where.listdir(folder)
    except FileNotFoundError:
        return
    for file_name in files:
        yield f"{folder}/{file_name}"
    for sub in folders:
        yield from _stored_names(where, f"{folder}/{sub}")
