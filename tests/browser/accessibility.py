"""axe-core's WCAG 2.2 AA rules, run inside the page the browser test is looking at.

axe-core comes from the npm registry at the version pinned in ``tests/browser/package-lock.json``
(``npm ci`` in this folder: ``make test-browser`` and ``.ci/run`` do it). Its source is run with
``page.evaluate``, which the page's Content-Security-Policy does not govern, so the pages keep
refusing inline scripts.

Every exception is written down in ``EXCEPTIONS`` with its reason; there are none today. One
page is not checked: ``/api/v1/docs``, django-ninja's Swagger UI, whose markup is not ours
(``test_roles.THIRD_PARTY_PAGES``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# rule id -> why it does not apply to OpenECF (none today).
EXCEPTIONS: dict[str, str] = {}


@cache
def _axe_source() -> str:
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run `npm ci` in tests/browser (make test-browser).")
    return AXE.read_text()


def violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.2 A and AA violations on the page as it is now, minus the exceptions."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, help: v.help, impact: v.impact,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))",
        WCAG_22_AA,
    )
    return [v for v in found if v["id"] not in EXCEPTIONS]


def expect_accessible(page: Page) -> None:
    """No WCAG 2.2 AA violation on this page (the message lists each, with where it is)."""
    found = violations(page)
    assert not found, f"{page.url}: " + json.dumps(found, indent=1)
