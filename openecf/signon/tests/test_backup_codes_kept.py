"""Backup codes can be kept: downloaded as a text file, or printed without the page's menus."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from openecf.signon.tests.factories import add_app

pytestmark = pytest.mark.django_db


def test_the_backup_codes_download_as_a_text_file_holding_exactly_those_codes(
    public_user, signed_in, frozen
):
    add_app(public_user)
    page = signed_in(public_user).post("/account/mfa/backup-codes/").content.decode()
    shown = re.findall(r"<code>([A-Z0-9]{4}-[A-Z0-9]{4})</code>", page)
    link = re.search(r'href="data:text/plain;charset=utf-8,([^"]+)" download="([^"]+)"', page)
    assert link.group(2) == f"pacer-backup-codes-{public_user.username}.txt"
    text = unquote(link.group(1))
    assert text.startswith(
        f"PACER backup codes for {public_user.username} (account {public_user.account_number})"
    )
    assert re.findall(r"^\d+\. (\S+)\r?$", text, flags=re.M) == shown
    assert len(shown) == 10


def test_the_backup_codes_page_prints_without_inline_script(public_user, signed_in, frozen):
    add_app(public_user)
    page = signed_in(public_user).post("/account/mfa/backup-codes/").content.decode()
    assert (
        '<button type="button" class="usa-button usa-button--outline" data-print>Print</button>'
        in page
    )
    assert '<script src="/static/web/print.js"></script>' in page
