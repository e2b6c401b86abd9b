"""A strict Content-Security-Policy, Referrer-Policy and Permissions-Policy on every answer,
and templates that need no inline script or style to work under it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import openecf

pytestmark = pytest.mark.django_db
TEMPLATES = sorted(Path(openecf.__file__).parent.glob("*/templates/**/*.html"))


@pytest.mark.parametrize("path", ["/", "/login/", "/api/v1/courts", "/api/v1/docs", "/nowhere/"])
def test_every_answer_carries_the_policies(path):
    response = Client().get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_api_docs_load_only_our_own_files():
    body = Client().get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert all(source.startswith("/") for source in sources), sources


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_template_has_inline_script_or_style(template):
    text = template.read_text()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text)
    assert inline_scripts == []
    assert re.findall(r"<style\b", text) == []
    assert re.findall(r"\sstyle=", text) == []
    assert re.findall(r"\son[a-z]+=", text) == []
