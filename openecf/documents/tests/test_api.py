"""The documents API: check a PDF, verify a copy, read and change a court's PDF rules."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from openecf.core.models import AuditEvent
from openecf.documents.models import PdfRules
from openecf.documents.tests import corpus
from openecf.tests_support.api import bearer_token, call

CHECK = "/api/v1/courts/mowd/documents/check"
VERIFY = "/api/v1/courts/mowd/documents/verify"
RULES = "/api/v1/courts/mowd/pdf-rules"


def upload(data: bytes, name: str = "motion.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, "application/pdf")


def post_file(path: str, data: dict, *, token: str | None = None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client().post(path, data, **headers)


def change_rules(account, rules: dict):
    """``account`` asks to change W.D. Mo.'s PDF rules to ``rules`` through the API."""
    return call(Client(), "PUT", RULES, rules, token=bearer_token(account))


def test_a_filer_checks_a_pdf_and_sees_its_facts_and_masked_hits(court, attorney):
    data = corpus.text_pdf(pages=2, lines=["Debtor SSN 123-45-6789"])

    response = post_file(CHECK, {"document": upload(data)}, token=bearer_token(attorney))

    assert response.status_code == 200
    body = response.json()
    assert body | {"privacy_hits": []} == {
        "file_name": "motion.pdf",
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "page_count": 2,
        "has_text_layer": True,
        "pages_without_text": [],
        "flattened": False,
        "warnings": [],
        "privacy_hits": [],
    }
    assert body["privacy_hits"][0] == {
        "page": 1,
        "kind": "ssn",
        "kind_label": "Social Security number",
        "masked_excerpt": "Debtor SSN ***-**-6789 Page 1 of the brief.",
    }


def test_a_refused_pdf_answers_422_pdf_refused_naming_the_file(court, attorney):
    response = post_file(
        CHECK,
        {"document": upload(corpus.launch_action(), "evil.pdf")},
        token=bearer_token(attorney),
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "pdf_refused"
    assert response.json()["error"]["message"].startswith("evil.pdf was not accepted: ")


def test_checking_needs_a_signed_in_person(court):
    response = post_file(CHECK, {"document": upload(corpus.text_pdf())})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_signed_in"


def test_checking_without_a_file_is_invalid_input(court, attorney):
    response = post_file(CHECK, {}, token=bearer_token(attorney))

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"
    assert "document" in response.json()["error"]["fields"]


def test_checks_are_counted_per_person(court, attorney, monkeypatch):
    from openecf.documents import actions

    monkeypatch.setattr(actions, "CHECKS_PER_HOUR", 1)
    token = bearer_token(attorney)
    assert post_file(CHECK, {"document": upload(corpus.text_pdf())}, token=token).status_code == 200

    response = post_file(CHECK, {"document": upload(corpus.text_pdf())}, token=token)

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"


def test_anyone_verifies_a_copy_with_its_stamp(stamped):
    data, _, stamp = stamped

    response = post_file(VERIFY, {"document": upload(data), "stamp": stamp})

    assert response.status_code == 200
    assert response.json()["outcome"] == "authentic"
    assert response.json()["file_number"] == "7-1"


def test_a_changed_copy_is_altered_and_a_strange_file_unknown(stamped):
    _, _, stamp = stamped

    altered = post_file(VERIFY, {"document": upload(corpus.text_pdf(pages=3)), "stamp": stamp})
    unknown = post_file(VERIFY, {"document": upload(corpus.text_pdf(pages=4))})

    assert altered.json()["outcome"] == "altered"
    assert unknown.json() == {
        "outcome": "unknown",
        "file_number": "",
        "stamped_on": "",
        "explanation": (
            "No document stamped by this court has exactly this content. Give the stamp from "
            "the notice to learn whether it was altered."
        ),
    }


def test_verifying_at_an_unknown_court_is_not_found(stamped):
    data, _, _ = stamped

    response = post_file("/api/v1/courts/zzzz/documents/verify", {"document": upload(data)})

    assert response.status_code == 404


def test_anyone_reads_a_courts_pdf_rules(court):
    response = call(Client(), "GET", RULES)

    assert response.status_code == 200
    body = response.json()
    assert (body["court_id"], body["size_limit_mb"], body["fillable_forms"]) == (
        "mowd",
        35,
        "refuse",
    )
    assert body["wording"] == {}
    assert body["default_wording"]["encrypted"].startswith("The document has security measures")


def test_the_clerk_changes_the_pdf_rules_and_it_is_audited(court, clerk):
    response = change_rules(
        clerk, {"fillable_forms": "flatten", "wording": {"javascript": "No scripts, please."}}
    )

    assert response.status_code == 200
    assert response.json()["fillable_forms"] == "flatten"
    assert response.json()["wording"] == {"javascript": "No scripts, please."}
    found = PdfRules.objects.get(court=court)
    assert (found.fillable_forms, found.wording) == (
        "flatten",
        {"javascript": "No scripts, please."},
    )
    event = AuditEvent.objects.get(verb="documents.pdf_rules_changed")
    assert (event.court_id, event.actor_id, event.subject) == ("mowd", clerk.pk, "court:mowd")


def test_an_unknown_refusal_reason_is_invalid_input_and_changes_nothing(court, clerk):
    response = change_rules(clerk, {"fillable_forms": "refuse", "wording": {"viruses": "No."}})

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "viruses": [
            "There is no refusal reason 'viruses': use one of not_pdf, encrypted, javascript, "
            "external_action, embedded_files, multimedia, xfa, fillable_form, too_large, "
            "check_exhausted."
        ]
    }
    assert not PdfRules.objects.exists()


@pytest.mark.parametrize("who", ["attorney", "other_court_clerk"])
def test_anyone_but_the_courts_clerk_is_told_there_are_no_pdf_rules_to_change(court, who, request):
    account = request.getfixturevalue(who)

    response = change_rules(account, {"fillable_forms": "flatten"})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert not PdfRules.objects.exists()
