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


@pytest.mark.django_db
def test_program_endpoints_answer_every_4xx_in_the_error_shape_even_in_development(settings):
    settings.DEBUG = True  # Django's own 404 page would be HTML here
    missing = Client().get("/api/v1/nonexistent")
    assert missing.status_code == 404
    assert missing.json() == {
        "error": {
            "code": "not_found",
            "message": "No endpoint at /api/v1/nonexistent: see /api/v1/docs.",
        }
    }
    wrong_method = Client().post("/api/v1/courts", {}, content_type="application/json")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["error"] == {
        "code": "method_not_allowed",
        "message": "POST is not allowed on /api/v1/courts: use GET.",
    }


@pytest.mark.django_db
def test_a_cookie_session_without_csrf_is_refused_in_the_error_shape(attorney, courts):
    from openecf.tests_support.signon import sign_in

    client = Client(enforce_csrf_checks=True)
    sign_in(client, attorney)
    refused = client.patch("/api/v1/courts/mowd/settings", {}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    assert refused.json()["error"]["message"].startswith(
        "The CSRF check failed: a program should send its nextGenCSO token as 'Authorization: Bearer"
    )


@pytest.mark.django_db
def test_an_unknown_path_under_a_court_is_the_friendly_page_in_development_too(settings, mowd):
    settings.DEBUG = True
    page = Client().get("/mowd/nope/")
    assert page.status_code == 404
    body = page.content.decode()
    assert "<h1>Page not found</h1>" in body
    assert "URLconf" not in body  # not Django's debug page listing every URL pattern


@pytest.mark.django_db
def test_every_page_names_a_favicon_and_the_browsers_guess_finds_it():
    assert '<link rel="icon" href="/static/web/favicon.svg"' in Client().get("/").content.decode()
    assert Client().get("/favicon.ico")["Location"] == "/static/web/favicon.svg"
