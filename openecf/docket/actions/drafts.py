"""Filing drafts: a filing's choices and uploaded PDFs carried server-side between the pages.

A draft is not the record. Its PDFs are checked when uploaded (a refusal is shown at once)
and kept in Django's storage under ``drafts/<id>/`` until the filing is submitted, so back and
next never ask for a file again. Submitting files the entry (``file_entry``) from the kept
copies and removes them; a draft left alone expires (``rules.DRAFT_LIFETIME``) and the
worker's ``purge_expired_drafts`` removes it with its files, leaving nothing on the record.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from typing import IO, TYPE_CHECKING, Any

from django.core.files.storage import default_storage
from django.db import transaction

from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.docket import rules
from openecf.docket.actions.filing import (
    FeeChoice,
    FiledEntry,
    FilingChoices,
    Upload,
    audit_draft,
    file_entry,
)
from openecf.docket.errors import DraftNotFound
from openecf.docket.models import DraftFile, FilingDraft
from openecf.documents import facade as documents

if TYPE_CHECKING:
    from openecf.accounts.models import Account

DRAFT_FOLDER = "drafts"


def draft_of(*, account_id: int, court_id: str, draft_id: int, now: datetime) -> FilingDraft:
    """The person's own open draft at this court; anyone else's, a submitted or an expired
    one looks missing."""
    draft = (
        FilingDraft.objects.select_related("event", "court")
        .filter(
            pk=draft_id,
            court_id=court_id,
            account_id=account_id,
            entry__isnull=True,
            expires_at__gt=now,
        )
        .first()
    )
    if draft is None:
        raise DraftNotFound("There is no such filing in progress: it was filed or has expired.")
    return draft


# A filing's choice -> the draft's column that carries it between the pages.
DRAFT_COLUMNS = {
    "filer_parties": "filer_party_ids",
    "against_parties": "against_party_ids",
    "links": "links",
    "modifier": "modifier",
    "free_text": "free_text",
    "sealed": "sealed",
    "on_behalf_of": "on_behalf_of_id",
    "lead": "lead",
    "to_be_noticed": "to_be_noticed",
    "claim": "claim",
}


def draft_choices(draft: FilingDraft, **given: Any) -> FilingChoices:
    """The draft's choices as a filing's, with what this step ``given`` changes."""
    assert draft.event is not None
    kept = {choice: getattr(draft, column) for choice, column in DRAFT_COLUMNS.items()}
    return FilingChoices.of(event=draft.event.code, **{**kept, **given})


def save_draft(*, draft: FilingDraft, choices: FilingChoices) -> FilingDraft:
    """Keep a step's choices on the draft (the next step starts from them)."""
    with durable_action():
        FilingDraft.objects.filter(pk=draft.pk).update(
            **{
                column: _stored(getattr(choices, choice))
                for choice, column in DRAFT_COLUMNS.items()
            }
        )
        audit_draft(draft, "changed", event=choices.event)
    draft.refresh_from_db()
    return draft


def _stored(value: Any) -> Any:
    if isinstance(value, rules.ClaimAmounts):
        return {name: str(getattr(value, name)) for name in rules.CLAIM_FIELDS}
    return list(value) if isinstance(value, tuple) else value


def add_draft_file(
    *,
    draft: FilingDraft,
    source: IO[bytes],
    file_name: str,
    main: bool,
    kind: str = "",
    description: str = "",
) -> DraftFile:
    """Check an uploaded PDF now (a refusal names the file) and carry it on the draft.

    ``main`` replaces the main document; otherwise it becomes the next attachment.
    """
    if not main and not (description.strip() or kind.strip()):
        raise InputInvalid({"description": ["Describe the attachment (e.g. Exhibit A)."]})
    assert draft.event is not None
    checked = documents.check_pdf(
        source, court_id=draft.court_id, file_name=file_name, find_minors=draft.event.checks_minors
    )
    try:
        position = 0 if main else _next_position(draft)
        name = f"{DRAFT_FOLDER}/{draft.pk}/{position}-{checked.sha256[:16]}.pdf"
        with open(checked.path, "rb") as copy:
            name = default_storage.save(name, copy)
    finally:
        documents.discard(checked)
    try:
        with durable_action():
            old = list(DraftFile.objects.filter(draft=draft, position=position))
            DraftFile.objects.filter(draft=draft, position=position).delete()
            row = DraftFile.objects.create(
                draft=draft,
                position=position,
                kind=kind.strip(),
                description=description.strip(),
                file_name=file_name[:200],
                path=name,
                sha256=checked.sha256,
                page_count=checked.page_count,
                size=checked.size,
            )
            audit_draft(draft, "file_added", position=position, sha256=checked.sha256)
            transaction.on_commit(partial(_delete_files, [gone.path for gone in old]))
    except BaseException:
        default_storage.delete(name)
        raise
    return row


def _next_position(draft: FilingDraft) -> int:
    last = DraftFile.objects.filter(draft=draft).order_by("-position").first()
    return max(1, (last.position + 1) if last else 1)


def remove_draft_file(*, draft: FilingDraft, position: int) -> None:
    """Take a file off the draft; later attachments move up one."""
    with durable_action():
        row = DraftFile.objects.filter(draft=draft, position=position).first()
        if row is None:
            return
        row.delete()
        for later in DraftFile.objects.filter(draft=draft, position__gt=position).order_by(
            "position"
        ):
            DraftFile.objects.filter(pk=later.pk).update(position=later.position - 1)
        audit_draft(draft, "file_removed", position=position)
        transaction.on_commit(partial(_delete_files, [row.path]))


def draft_files(draft: FilingDraft) -> list[DraftFile]:
    return list(DraftFile.objects.filter(draft=draft).order_by("position"))


def submit_draft(
    *,
    account: Account,
    draft: FilingDraft,
    redaction_confirmed: bool,
    privacy_reason: str | None,
    fee: FeeChoice | None,
    redaction_acknowledged: bool | None = None,
) -> FiledEntry:
    """File the draft's entry from its kept PDFs; its files go once the entry is filed."""
    assert draft.caseid is not None
    files = draft_files(draft)
    with kept_uploads(files) as uploads:
        main = uploads[0] if files and files[0].position == 0 else None
        filed = file_entry(
            account=account,
            court=draft.court,
            caseid=draft.caseid,
            choices=draft_choices(
                draft, redaction_confirmed=redaction_confirmed, privacy_reason=privacy_reason
            ),
            document=main,
            attachments=uploads[1:] if main else uploads,
            fee=fee,
            redaction_acknowledged=redaction_acknowledged,
            draft=draft,
        )
    forget_files(files)
    return filed


@contextmanager
def kept_uploads(files: Sequence[DraftFile]) -> Iterator[list[Upload]]:
    """The draft's kept PDFs opened as uploads, in the order given, closed afterwards."""
    uploads: list[Upload] = []
    try:
        for row in files:
            handle: IO[bytes] = default_storage.open(row.path, "rb")  # type: ignore[assignment]
            uploads.append(Upload(handle, row.file_name, row.kind, row.description))
        yield uploads
    finally:
        for upload in uploads:
            upload.source.close()


def forget_files(files: Sequence[DraftFile]) -> None:
    """A submitted draft's kept files go: their rows, then their copies in storage."""
    DraftFile.objects.filter(pk__in=[f.pk for f in files]).delete()
    _delete_files([row.path for row in files])


def _delete_files(paths: Sequence[str]) -> None:
    for path in paths:
        default_storage.delete(path)


def purge_expired_drafts(*, now: datetime) -> int:
    """Remove the drafts that expired unfiled, with their files; returns how many.

    Safe to run twice and from several workers: a draft is removed once.
    """
    expired = list(
        FilingDraft.objects.filter(expires_at__lte=now, entry__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for draft_id in expired:
        with durable_action():
            draft = FilingDraft.objects.select_for_update().filter(pk=draft_id).first()
            if draft is None:
                continue
            paths = list(DraftFile.objects.filter(draft=draft).values_list("path", flat=True))
            audit_draft(draft, "expired", files=len(paths))
            draft.delete()
            transaction.on_commit(partial(_delete_files, paths))
    _sweep_orphan_folders()
    return len(expired)


def _sweep_orphan_folders() -> None:
    """Files of drafts that no longer exist (a crash between writing a file and its row)."""
    try:
        folders, _ = default_storage.listdir(DRAFT_FOLDER)
    except (FileNotFoundError, NotImplementedError):
        return
    live = {str(pk) for pk in FilingDraft.objects.values_list("pk", flat=True)}
    for folder in folders:
        if folder in live:
            continue
        _, names = default_storage.listdir(f"{DRAFT_FOLDER}/{folder}")
        for name in names:
            default_storage.delete(f"{DRAFT_FOLDER}/{folder}/{name}")
