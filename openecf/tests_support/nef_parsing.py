"""Every Notice of Electronic Filing a test writes must read as CM/ECF's to juriscraper.

Issue 11: "juriscraper parses every notice the suite produces". The suite-wide fixture in
``openecf/conftest.py`` calls ``unreadable_notices`` after each database test: each NEF queued
for delivery is parsed, as the e-mail bytes that would go out, with juriscraper's NEF e-mail
parser, and must name the court, the case number and the entry's docket text we stored.

Appellate Notices of Docket Activity are left out: juriscraper reads an NDA only from its HTML
part and walks to the plain-text part first, so the delivered e-mail does not parse as an NDA
(the NDA letter's own tests check its HTML against juriscraper).
"""

from __future__ import annotations

from juriscraper.pacer import S3NotificationEmail

from openecf.core.delivery import as_message
from openecf.notices.models import NoticeRecipient


def unreadable_notices() -> list[str]:
    """What juriscraper read wrong in each e-mail of a stored notice (empty: all read)."""
    problems = []
    emailed = NoticeRecipient.objects.filter(how="emailed", email__isnull=False).exclude(
        notice__court_kind="appellate"  # a Notice of Docket Activity: see the module's note
    )
    for sent in emailed.select_related("notice", "email__body"):
        notice, row = sent.notice, sent.email
        report = S3NotificationEmail(notice.court_id)
        report._parse_text(as_message(row).message().as_bytes().decode())
        data = report.data
        dockets = data.get("dockets") or []
        if data.get("court_id") != notice.court_id or len(dockets) != 1:
            problems.append(
                f"{row.subject}: court {data.get('court_id')!r}, {len(dockets)} dockets"
            )
            continue
        [docket] = dockets
        entries = docket.get("docket_entries") or []
        read = (docket["docket_number"], entries[0]["description"] if entries else None)
        if not notice.case_number.startswith(read[0]) or _plain(read[1]) != _plain(
            notice.docket_text
        ):
            problems.append(f"{row.subject}: juriscraper read {read!r}")
    return problems


def _plain(text: str | None) -> str:
    """Docket text as juriscraper cleans it: no "#" before attachment numbers, one space."""
    return " ".join((text or "").replace("#", " ").split())
