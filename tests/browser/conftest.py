"""Headless Chromium (Debian's package) driven by Playwright against a live server.

Never a downloaded browser: ``executable_path`` points at the system Chromium
(``OPENECF_CHROMIUM`` or ``/usr/bin/chromium``).
"""

from __future__ import annotations

import os
import shutil

import pytest

from openecf.conftest import *  # noqa: F403  (personas and fixtures shared with the app tests)

CHROMIUM = os.environ.get("OPENECF_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (CI does this).")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        # Playwright gives each launch its own new, empty profile directory.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
