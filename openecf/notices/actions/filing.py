"""Notices of Electronic Filing: written to the outbox in the filing's own transaction."""

from __future__ import annotations

from email.utils import parseaddr

from django.conf import settings

from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.links import absolute
from openecf.core.outbox import queue_letter
from openecf.core.transactions import durable_action
from openecf.notices import nef
from openecf.notices.actions.free_looks import issue_free_look
from openecf.notices.models import (
    FreeLook,
    NoticeOfElectronicFiling,
    NoticeRecipient,
    NoticingSettings,
)
from openecf.notices.recipients import FiledEntry, notice_list

How = NoticeRecipient.How


def notify_entry(*, entry: FiledEntry) -> NoticeOfElectronicFiling:
    """Write the entry's notice and queue one e-mail per recipient address, INSIDE the
    caller's transaction (the docket's filing): the notice exists exactly when the entry
    does, and is sent by the worker after commit. Safe to call twice for one entry."""
    existing = NoticeOfElectronicFiling.objects.filter(
        court_id=entry.court_id, entry_id=entry.entry_id
    ).first()
    if existing is not None:
        return existing
    now = clock.now()
    people = [c.account_id for c in entry.candidates if c.account_id is not None]
    noticing = NoticingSettings.objects.filter(court_id=entry.court_id, account_id__in=people)
    mailed, paper = notice_list(
        list(entry.candidates),
        sealed=entry.sealed,
        restricted=any(d.restricted for d in entry.documents),
        entitled=entry.entitled,
        secondary_emails={s.account_id: tuple(s.secondary_emails) for s in noticing},
        daily_summary=frozenset(s.account_id for s in noticing if s.daily_summary),
    )
    main = entry.documents[0] if entry.documents else None
    link = ""
    if main is not None and not entry.sealed and not main.is_transcript:
        link = issue_free_look(
            court_id=entry.court_id,
            caseid=entry.caseid,
            entry_id=entry.entry_id,
            doc_id=main.doc_id,
            purpose=FreeLook.Purpose.NOTICE,
            now=now,
        )
    facts = nef.NefFacts(
        court_kind=entry.court_kind,
        court_name=entry.court_name,
        case_number=entry.case_number,
        case_name=entry.case_name,
        case_url=entry_case_url(court_id=entry.court_id, caseid=entry.caseid),
        event=entry.event,
        entered_by=entry.entered_by,
        entered_at=entry.entered_at,
        filed_on=entry.filed_on,
        filer=entry.filer,
        document_number=entry.entry_number if main is not None else None,
        document_url=link,
        docket_text=entry.docket_text,
        mailed=tuple(nef.NefRecipient(a.name, a.addresses) for a in mailed),
        not_mailed=tuple(nef.NefRecipient(p.name, p.postal_address) for p in paper),
        documents=tuple(
            nef.NefDocument(d.description, d.original_filename or "n/a", d.stamp)
            for d in entry.documents
        ),
    )
    with_link = nef.nef_letter(facts)
    no_link = nef.nef_letter(nef.without_links(facts))
    notice = NoticeOfElectronicFiling.objects.create(
        court_id=entry.court_id,
        caseid=entry.caseid,
        entry_id=entry.entry_id,
        entry_number=entry.entry_number,
        case_number=entry.case_number,
        court_kind=entry.court_kind,
        court_name=entry.court_name,
        case_name=entry.case_name,
        event=entry.event,
        filed_on=entry.filed_on,
        docket_text=entry.docket_text,
        subject=no_link.subject,
        body_text=no_link.text,
        body_html=no_link.html,
        created_at=now,
    )
    rows = []
    for person in mailed:
        if person.daily_summary:
            rows += [_row(notice, person, address, How.SUMMARY) for address in person.addresses]
            continue
        for email in queue_letter(
            with_link if person.with_link else no_link,
            to=person.addresses,
            kind="notices.nef",
            court_id=entry.court_id,
            account_id=person.account_id,
            from_email=sender(entry.court_id),
            key=str(notice.pk),
        ):
            rows.append(_row(notice, person, email.to[0], How.EMAILED, email=email))
    rows += [
        NoticeRecipient(
            notice=notice, name=p.name, postal_address="\n".join(p.postal_address), how=How.PAPER
        )
        for p in paper
    ]
    NoticeRecipient.objects.bulk_create(rows)
    audit.record(
        actor_id=entry.filer_account_id,
        verb="nef.queued",
        subject=audit.Subject("docket_entry", entry.entry_id),
        court_id=entry.court_id,
        details={
            "caseid": entry.caseid,
            "emailed": sum(1 for r in rows if r.how == How.EMAILED),
            "summary": sum(1 for r in rows if r.how == How.SUMMARY),
            "paper": len(paper),
        },
    )
    return notice


def _row(notice, person, address, how, email=None) -> NoticeRecipient:  # type: ignore[no-untyped-def]
    return NoticeRecipient(
        notice=notice,
        account_id=person.account_id,
        name=person.name,
        address=address,
        how=how,
        email=email,
    )


def entry_case_url(*, court_id: str, caseid: int) -> str:
    """The case number's link in a notice: the (charged) docket report at CM/ECF's path
    (``DktRpt.pl``, served by the reports work; named there once it exists)."""
    return absolute(f"/{court_id}/cgi-bin/DktRpt.pl?{caseid}")


def sender(court_id: str) -> str:
    """``mowd_ECFNotice@<this site's mail domain>``, as courts send notices."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "openecf"
    return f"{court_id}_ECFNotice@{domain}"


def save_noticing_settings(
    *,
    court_id: str,
    account_id: int,
    secondary_emails: list[str],
    daily_summary: bool,
) -> NoticingSettings:
    """A person's noticing at a court: secondary addresses and each-notice or daily summary."""
    from openecf.core.outbox_rules import address_problem

    cleaned = sorted({e.strip() for e in secondary_emails if e and e.strip()})
    problems = [address_problem(e) for e in cleaned if address_problem(e)]
    if len(cleaned) > 5:
        problems.append("Give at most 5 secondary addresses.")
    InputInvalid.raise_if({"secondary_emails": " ".join(problems)} if problems else {})
    with durable_action():
        row, _ = NoticingSettings.objects.update_or_create(
            court_id=court_id,
            account_id=account_id,
            defaults={"secondary_emails": cleaned, "daily_summary": daily_summary},
        )
        audit.record(
            actor_id=account_id,
            verb="noticing.settings_saved",
            subject=audit.Subject("account", account_id),
            court_id=court_id,
            details={"secondary_emails": len(cleaned), "daily_summary": daily_summary},
        )
    return row
