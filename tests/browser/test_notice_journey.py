"""Issue 11: Alice files a motion at W.D. Mo. through the filing pages; the filing is noticed
to the three e-filers on the case, and the pro se party without an e-mail is on the paper
service list of the notice and of her receipt. Maria opens the notice's free look (free,
recorded); the same link from another browser asks for sign-in, and the notice is readable
in "My notices"."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from openecf.cases.factories import civil_opening, judge_at, open_case
from openecf.cases.rules import AttorneyOpening, PartyOpening
from openecf.courts import doc_ids
from openecf.documents.tests import corpus
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.notices.models import DocumentView
from openecf.signon.factories import SECRET, AuthenticatorAppFactory
from openecf.tests_support import factories
from openecf.tests_support.factories import DEFAULT_PASSWORD
from tests.browser.steps import (
    AuthenticatorApp,
    agree_to_redaction_rules,
    enter_app_code,
    enter_password,
    expect_signed_in_as,
    field,
    sign_in_with,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("OPENECF_SCREENSHOTS", "")


def _shot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def _attorney(first: str, last: str):
    account = factories.AccountFactory(first_name=first, last_name=last, purpose="attorney_filer")
    return account


@pytest.fixture
def case_with_three_e_filers(mowd):
    """Acme Widget Co. (Alice) v. Globex Industries, Inc. (Maria), Initech LLC (Paula) and
    Pat Paper, pro se, with no e-mail on file."""
    alice, maria, paula = (
        _attorney("Alice", "Attorney"),
        _attorney("Maria", "Defensor"),
        _attorney("Paula", "Counsel"),
    )
    FilingPrivilegeFactory(court=mowd, account=alice)
    AuthenticatorAppFactory(account=alice)
    judge_at(mowd)
    case = open_case(
        mowd,
        civil_opening(
            title="Acme Widget Co. v. Globex Industries, Inc. et al",
            parties=(
                PartyOpening(
                    "Acme Widget Co.", "plaintiff", attorneys=(AttorneyOpening(alice.pk, True),)
                ),
                PartyOpening(
                    "Globex Industries, Inc.",
                    "defendant",
                    attorneys=(AttorneyOpening(maria.pk, True),),
                ),
                PartyOpening(
                    "Initech LLC", "defendant", attorneys=(AttorneyOpening(paula.pk, True),)
                ),
                PartyOpening("Pat Paper", "defendant"),
            ),
        ),
    )
    return case, alice, maria, paula


def _file_a_motion(page: Page, case, alice) -> None:
    """Alice signs in (password, authenticator code, the redaction notice) and files."""
    page.goto("/login/")
    enter_password(page, alice.username, DEFAULT_PASSWORD)
    enter_app_code(page, AuthenticatorApp(SECRET))
    agree_to_redaction_rules(page)
    expect_signed_in_as(page, f"Alice Attorney ({alice.username})")

    page.goto("/mowd/file/entry/")
    field(page, "Event").select_option(label="MOTION to Dismiss")
    field(page, "Case number").fill(case.case_number)
    page.get_by_role("button", name="Next").click()

    page.get_by_text("Acme Widget Co. (Plaintiff)", exact=True).click()
    page.get_by_role("button", name="Next").click()

    page.get_by_label("Drag file here or choose from folder").set_input_files(
        {"name": "motion.pdf", "mimeType": "application/pdf", "buffer": corpus.text_pdf(2)}
    )
    page.get_by_role("button", name="Upload the main document").click()
    expect(page.get_by_test_id("draft-files")).to_contain_text("motion.pdf")
    page.get_by_role("button", name="Next", exact=True).click()

    field(page, "Free text (after the event's name)").fill("for failure to state a claim")
    page.get_by_role("button", name="Next").click()

    page.get_by_text(re.compile(r"^Have you redacted\?")).click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Notice of Electronic Filing")).to_be_visible()


def test_a_filing_is_noticed_to_every_e_filer_and_its_free_look_works_once(
    new_page, case_with_three_e_filers
):
    case, alice, maria, paula = case_with_three_e_filers
    filer = new_page()
    _file_a_motion(filer, case, alice)

    # The receipt: the entry, and whom Alice must serve on paper.
    expect(filer.get_by_test_id("docket-text")).to_have_text(
        "MOTION to Dismiss for failure to state a claim filed by Acme Widget Co. (Attorney, Alice)"
    )
    paper = filer.get_by_test_id("service-by-other-means")
    expect(paper).to_contain_text("Notice will be delivered by other means to:")
    expect(paper).to_contain_text("Pat Paper")
    expect(paper).to_contain_text("no e-mail on file; serve by other means")
    _shot(filer, "nef-receipt")

    # One e-mail to each of the three e-filers, each with the paper-service list in it.
    notices = [m for m in mail.outbox if m.subject.startswith("Activity in Case")]
    assert sorted(m.to[0] for m in notices) == sorted(a.email for a in (alice, maria, paula))
    to_maria = next(m for m in notices if m.to == [maria.email])
    assert "Notice will be delivered by other means to:\n\nPat Paper" in to_maria.body
    link = urlsplit(re.search(r"https?://\S+magic_num=\d+", to_maria.body).group(0))
    [entry_id] = re.findall(r"de_seq_num=(\d+)", link.query)
    assert link.path == f"/mowd/doc1/{doc_ids.doc_id('mowd', int(entry_id))}"
    path = f"{link.path}?{link.query}"

    first = new_page()  # Maria clicks first, from her e-mail, without signing in
    first.goto(path)
    expect(first.get_by_test_id("free-look")).to_contain_text("your one free look")
    _shot(first, "nef-free-look")
    assert list(DocumentView.objects.values_list("free", "account_id")) == [(True, None)]

    second = new_page()  # another browser, the same link: the free look is spent
    second.goto(path)
    expect(second).to_have_url(re.compile(r"/login/\?next="))
    _shot(second, "nef-second-click-sign-in")
    sign_in_with(second, maria.username, DEFAULT_PASSWORD)
    second.goto(path)
    expect(second.get_by_test_id("charged-look")).to_contain_text("Your view is recorded")
    assert list(DocumentView.objects.values_list("free", "account_id").order_by("pk")) == [
        (True, None),
        (False, maria.pk),
    ]

    second.goto("/account/notices/")
    second.get_by_role("link", name=re.compile(f"Activity in Case {case.case_number}")).click()
    expect(second.get_by_test_id("notice-text")).to_contain_text(
        "MOTION to Dismiss for failure to state a claim filed by Acme Widget Co."
    )
    _shot(second, "nef-my-notice")
