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


# Pages and assertions wait alike: long enough for Argon2 and a busy CI machine.
TIMEOUT_MS = 15000


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (CI does this).")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)

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
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def new_page(browser, live_server):
    """``new_page()`` -> a page in a browser of its own (own cookies): one per person."""
    contexts = []

    def make():
        context = browser.new_context(base_url=live_server.url)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        return page

    yield make
    for context in contexts:
        context.close()
