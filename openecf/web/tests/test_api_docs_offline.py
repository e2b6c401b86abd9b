"""The browsable API docs work without internet: Swagger UI comes from our own static files."""

import re

import pytest
from django.test import Client


@pytest.mark.django_db
def test_the_api_docs_load_swagger_ui_from_local_static_files():
    page = Client().get("/api/v1/docs")
    assert page.status_code == 200
    body = page.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert "/static/ninja/swagger-ui.css" in sources
    assert all(s.startswith("/") for s in sources), sources  # nothing from a CDN
    for static_file in ("/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui-init.js"):
        assert Client().get(static_file).status_code == 200


@pytest.mark.django_db
def test_the_api_docs_run_no_inline_script():
    body = Client().get("/api/v1/docs").content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", body)
    assert all('type="application/json"' in attributes for attributes in inline), inline
