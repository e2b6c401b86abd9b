"""Friendly error pages: they say what happened in plain words and link home."""

import pytest
from django.test import Client, RequestFactory

from openecf import urls
from openecf.web import views


@pytest.mark.django_db
def test_a_server_error_says_nothing_was_changed():
    response = views.server_error(RequestFactory().get("/mowd/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in page
    assert "nothing was changed" in page
    assert 'href="/"' in page


@pytest.mark.django_db
def test_the_project_uses_the_friendly_handlers():
    assert urls.handler500 is views.server_error
    assert urls.handler403 is views.forbidden


@pytest.mark.django_db
def test_a_missing_page_is_friendly_html_and_a_missing_endpoint_is_json():
    page = Client().get("/no/such/page/")
    assert page.status_code == 404
    assert "<h1>Page not found</h1>" in page.content.decode()
    endpoint = Client().get("/api/v1/no-such-endpoint")
    assert endpoint.status_code == 404
    assert endpoint.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
def test_the_demo_outbox_shows_sent_mail_in_development_only(settings):
    from django.db import transaction

    from openecf.core.outbox import queue_email

    with transaction.atomic():
        queue_email(
            to=["dana@example.com"],
            subject="Verify your e-mail",
            text="Open http://x/verify/1/",
            kind="t",
        )
        queue_email(to=["other@example.com"], subject="Something else", text="Body", kind="t")
    settings.DEBUG = True
    page = Client().get("/outbox/", {"to": "dana@"}).content.decode()
    assert "Verify your e-mail" in page and "Something else" not in page
    assert '<a href="http://x/verify/1/"' in page
    settings.DEBUG = False
    assert Client().get("/outbox/").status_code == 404
