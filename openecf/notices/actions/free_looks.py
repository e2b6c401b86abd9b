"""Free looks: the one free view a notice's document link gives (and the filer's, from the
receipt page), on ``core.models.SingleUseLink`` rows and ``core.single_use.use_link``."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.urls import reverse

from openecf.core import audit, clock, tokens
from openecf.core.links import absolute
from openecf.core.single_use import use_link
from openecf.core.transactions import durable_action
from openecf.notices.models import DocumentView, FreeLook
from openecf.notices.recipients import FREE_LOOK_DAYS


def issue_free_look(
    *, court_id: str, caseid: int, entry_id: int, doc_id: str, purpose: str, now: datetime
) -> str:
    """A new free look at ``doc_id`` (and its attachments); returns its full link. Runs
    inside the caller's transaction (the filing's)."""
    token = tokens.new_number_token()
    FreeLook.objects.create(
        token_digest=tokens.digest(token),
        created_at=now,
        expires_at=now + timedelta(days=FREE_LOOK_DAYS),
        court_id=court_id,
        caseid=caseid,
        entry_id=entry_id,
        doc_id=doc_id,
        purpose=purpose,
    )
    return document_link(
        court_id=court_id, doc_id=doc_id, caseid=caseid, entry_id=entry_id, token=token
    )


def document_link(*, court_id: str, doc_id: str, caseid: int, entry_id: int, token: str) -> str:
    """CM/ECF's document link: ``/<court>/doc1/<id>?caseid=..&de_seq_num=..&magic_num=..``."""
    # The document view is the reports' (``reports:document``), under the record's access rule.
    path = reverse("reports:document", kwargs={"court_id": court_id, "doc_id": doc_id})
    query = urlencode({"caseid": caseid, "de_seq_num": entry_id, "magic_num": token})
    return absolute(f"{path}?{query}")


def use_free_look(*, court_id: str, doc_id: str, token: str, account_id: int | None) -> str:
    """``"free"``: the first use within 15 days, by whoever clicks (marked used, recorded);
    ``"sign_in"``: the look is gone and nobody is signed in; ``"recorded"``: gone, and the
    signed-in person's view is recorded (billing charges it once it arrives)."""
    now = clock.now()
    looks = FreeLook.objects.filter(court_id=court_id, doc_id=doc_id)
    with durable_action():
        look = use_link(looks, token=token, now=now)
        if look is not None:
            look.used_by_account_id = account_id
            look.save(update_fields=["used_by_account_id"])
            DocumentView.objects.create(
                free_look=look, account_id=account_id, viewed_at=now, free=True
            )
            audit.record(
                actor_id=account_id,
                verb="free_look.used",
                subject=audit.Subject("document", doc_id),
                court_id=court_id,
                details={"purpose": look.purpose, "entry_id": look.entry_id},
            )
            return "free"
        if account_id is None:
            return "sign_in"
        known = looks.filter(token_digest=tokens.digest(token or "")).first()
        if known is not None:
            DocumentView.objects.create(
                free_look=known, account_id=account_id, viewed_at=now, free=False
            )
        return "recorded"


def filer_free_look(
    *, court_id: str, caseid: int, entry_id: int, doc_id: str, account_id: int
) -> str | None:
    """The filer's one free look at the filed document, for the receipt page: a fresh link
    each time the page is shown (the earlier unused one stops working), none once used."""
    now = clock.now()
    with durable_action():
        mine = FreeLook.objects.filter(
            court_id=court_id, entry_id=entry_id, purpose=FreeLook.Purpose.FILER
        )
        if mine.filter(used_at__isnull=False).exists():
            return None
        mine.filter(used_at__isnull=True).update(expires_at=now)
        link = issue_free_look(
            court_id=court_id,
            caseid=caseid,
            entry_id=entry_id,
            doc_id=doc_id,
            purpose=FreeLook.Purpose.FILER,
            now=now,
        )
        audit.record(
            actor_id=account_id,
            verb="free_look.issued_to_filer",
            subject=audit.Subject("document", doc_id),
            court_id=court_id,
            details={"entry_id": entry_id},
        )
    return link
