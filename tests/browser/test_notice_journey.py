"""Issue 11: a filing at W.D. Mo. is noticed to the three e-filers on the case, the pro se
party without an e-mail is on the paper-service list; one recipient opens the free look (free,
recorded), a click on the same link from another browser asks for sign-in, and the notice is
readable in "My notices"."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from openecf.tests_support import factories
from openecf.tests_support.factories import DEFAULT_PASSWORD
from tests.browser.steps import sign_in_with

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("OPENECF_SCREENSHOTS", "")
STAMP = "[STAMP dcecfStamp_ID=1091000001 [Date=11/30/2026] [FileNumber=12-0] [ab12]]"


def _shot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def _file_motion(e_filers) -> None:
    """The docket's part: the entry is filed and its notice written in the same transaction."""
    from openecf.core.transactions import durable_action
    from openecf.notices import facade

    candidates = tuple(
        facade.Candidate(a.pk, a.full_name, a.email, "attorney") for a in e_filers
    ) + (facade.Candidate(None, "Pat Paper", "", "pro_se", postal_address=("12 Main St",)),)
    with durable_action():
        facade.notify_entry(
            entry=facade.FiledEntry(
                court_id="mowd",
                court_kind="district",
                court_name="Western District of Missouri",
                caseid=81234,
                case_number="4:18-cv-00123-BCW",
                case_name="Acme Widget Co. v. Globex Industries, Inc. et al",
                entry_id=4242,
                entry_number=12,
                event="Motion to Dismiss",
                entered_by="Defensor, Maria",
                entered_at=datetime(2026, 11, 30, 16, 5, tzinfo=ZoneInfo("America/Chicago")),
                filed_on=date(2026, 11, 30),
                filer="Globex Industries, Inc.",
                filer_account_id=e_filers[1].pk,
                docket_text="MOTION to Dismiss filed by Globex Industries, Inc.. (Defensor, Maria)",
                sealed=False,
                documents=(
                    facade.FiledDocument("109012345678", 0, "Main Document", "motion.pdf", STAMP),
                ),
                candidates=candidates,
            )
        )


def test_a_filing_is_noticed_to_every_e_filer_and_its_free_look_works_once(new_page, mowd):
    e_filers = [
        factories.AccountFactory(first_name=first, last_name=last, purpose="attorney_filer")
        for first, last in [("Alice", "Attorney"), ("Maria", "Defensor"), ("Paula", "Prose")]
    ]
    _file_motion(e_filers)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(a.email for a in e_filers)
    notice = mail.outbox[0]
    assert "Notice will be delivered by other means to:\n\nPat Paper\n12 Main St" in notice.body
    link = urlsplit(re.search(r"https?://\S+magic_num=\d+", notice.body).group(0))
    path = f"{link.path}?{link.query}"

    first = new_page()  # whoever clicks first, signed in or not
    first.goto(path)
    expect(first.get_by_test_id("free-look")).to_contain_text("your one free look")
    _shot(first, "free-look")

    second = new_page()  # another browser, the same link
    second.goto(path)
    expect(second).to_have_url(re.compile(r"/login/\?next="))
    sign_in_with(second, e_filers[0].username, DEFAULT_PASSWORD)
    second.goto(path)
    expect(second.get_by_test_id("charged-look")).to_contain_text("Your view is recorded")

    second.goto("/account/notices/")
    second.get_by_role("link", name=re.compile("Activity in Case 4:18-cv-00123-BCW")).click()
    expect(second.get_by_test_id("notice-text")).to_contain_text("MOTION to Dismiss filed by")
    _shot(second, "my-notice")
