"""Each role signs in, lands where their work is, and reaches every menu item: no 404, no
WCAG 2.2 AA violation (axe-core) on any page on the way."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from openecf.tests_support.factories import DEFAULT_PASSWORD
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import sign_in_with

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Pages that are not menus of their own: followed for their status, not walked further.
NOT_HTML = (".csv", "/certificate/")
# django-ninja's Swagger UI (/api/v1/docs) is not our markup: reached, but not held to axe.
THIRD_PARTY_PAGES = ("/api/",)


def sign_in(page: Page, username: str) -> None:
    sign_in_with(page, username, DEFAULT_PASSWORD)


def menu_links(page: Page) -> list[str]:
    """Every same-site link in the menus and the page's own content (not the list of courts)."""
    hrefs = page.eval_on_selector_all(
        "nav a[href], main a[href]",
        "links => links.filter(a => !a.closest('#court-list')).map(a => a.getAttribute('href'))",
    )
    return sorted({h.split("#")[0] for h in hrefs if h.startswith("/") and h.split("#")[0]})


def reach_every_menu_item(page: Page, start: str) -> list[str]:
    """From ``start``: each link answers without 404 or 500, and each page passes axe-core."""
    page.goto(start)
    expect_accessible(page)
    reached = []
    for href in menu_links(page):
        answer = page.request.get(href, max_redirects=5)
        assert answer.status not in (404, 500), f"{start} → {href}: {answer.status}"
        reached.append(href)
        if urlparse(href).path.endswith(NOT_HTML) or href.startswith(THIRD_PARTY_PAGES):
            continue
        page.goto(href)
        expect_accessible(page)
    return reached


def test_the_attorney_lands_on_their_courts_and_reaches_every_menu_item(page, attorney, mowd):
    sign_in(page, attorney.username)
    expect(page).to_have_url(re.compile(r"/account/courts/$"))
    expect(page.get_by_role("heading", name="Your courts", level=1)).to_be_visible()
    reached = reach_every_menu_item(page, "/account/courts/")
    assert "/account/" in reached
    reach_every_menu_item(page, "/account/")
    reach_every_menu_item(page, "/mowd/")


def test_the_office_manager_lands_on_the_readiness_page_and_reaches_every_menu_item(
    page, mowd, office_manager
):
    sign_in(page, office_manager.username)
    expect(page).to_have_url(re.compile(r"/firm/readiness/$"))
    reached = reach_every_menu_item(page, "/firm/readiness/")
    assert "/firm/" in reached
    reach_every_menu_item(page, "/firm/")
    reach_every_menu_item(page, "/account/")


def test_the_clerk_lands_on_the_clerks_office_menu_and_reaches_every_menu_item(page, clerk):
    sign_in(page, clerk.username)
    expect(page).to_have_url(re.compile(r"/mowd/clerk/$"))
    reached = reach_every_menu_item(page, "/mowd/clerk/")
    for item in ("/mowd/clerk/settings/", "/mowd/clerk/logins/", "/mowd/clerk/registrations/",
                 "/mowd/clerk/notices/"):  # fmt: skip
        assert item in reached
    reach_every_menu_item(page, "/mowd/")


def test_the_public_user_lands_on_the_case_locator_and_reaches_every_menu_item(
    page, public_user, mowd
):
    sign_in(page, public_user.username)
    assert urlparse(page.url).path == "/locator/"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Case Locator")
    reach_every_menu_item(page, "/locator/")
    reach_every_menu_item(page, "/")
    reach_every_menu_item(page, "/mowd/")
    reach_every_menu_item(page, "/account/")


def test_the_judge_lands_on_their_cases_and_reaches_every_menu_item(page, judge, mowd):
    sign_in(page, judge.username)
    expect(page).to_have_url(re.compile(r"/account/cases/$"))
    expect(page.get_by_role("heading", name="My cases", level=2)).to_be_visible()
    reach_every_menu_item(page, "/account/cases/")
    reach_every_menu_item(page, "/mowd/")
