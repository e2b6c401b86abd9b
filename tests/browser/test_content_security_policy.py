"""Pages and the Swagger UI docs work under the strict Content-Security-Policy: no violations."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def violations_while(page, path):
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(path)
    return found


def test_the_api_docs_render_under_the_policy(page):
    found = violations_while(page, "/api/v1/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "OpenECF API" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock").count() > 30
    assert found == []


def test_the_home_page_runs_under_the_policy(page, courts):
    found = violations_while(page, "/")
    page.locator("h1").wait_for()
    assert found == []
