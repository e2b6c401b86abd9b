"""Each court gets its kind's event catalogue once; the clerk edits it; the API lists it."""

from __future__ import annotations

import pytest
from django.test import Client

from openecf.core.models import AuditEvent
from openecf.courts.fees import FeeKind
from openecf.docket import actions
from openecf.docket.catalogue import SEEDS
from openecf.docket.models import Event
from openecf.docket.rules import FILER_TEMPLATE
from openecf.tests_support.signon import sign_in


def test_every_seeded_event_has_a_valid_template_and_a_known_fee_kind():
    from openecf.docket.rules import event_code_ok, template_problems

    for kind, seeds in SEEDS.items():
        codes = [seed.code for seed in seeds]
        assert len(codes) == len(set(codes)), kind
        for seed in seeds:
            assert event_code_ok(seed.code), seed.code
            assert template_problems(seed.template) == []
            assert seed.fee_kind in ("", *FeeKind.values), seed.code


@pytest.mark.django_db
def test_a_court_is_seeded_with_its_kinds_catalogue_once(courts):
    assert actions.ensure_catalogue(court_id="mowb") is True
    assert actions.ensure_catalogue(court_id="mowb") is False
    codes = list(Event.objects.filter(court_id="mowb").values_list("code", flat=True))
    assert codes == [seed.code for seed in SEEDS["bankruptcy"]]
    assert AuditEvent.objects.filter(verb="docket.catalogue_seeded", court_id="mowb").count() == 1


@pytest.mark.django_db
def test_the_events_api_lists_the_catalogue_with_the_courts_fees(client: Client, courts):
    response = client.get("/api/v1/courts/mowd/events")
    assert response.status_code == 200
    events = {e["code"]: e for e in response.json()["events"]}
    assert events["complaint"] == {
        "code": "complaint",
        "name": "COMPLAINT",
        "category": "Initial Pleadings and Service",
        "fee": "405.00",
        "needs_link": False,
        "filers": "filers",
        "fee_kind": "civil_complaint",
        "asks_against": True,
        "may_be_sealed": False,
        "text_only": False,
        "ends_case": False,
        "checks_minors": True,
        "opens_case": True,
    }
    assert events["response"]["needs_link"] is True
    assert events["minute-entry"]["filers"] == "court"
    assert events["minute-entry"]["fee"] is None
    assert events["motion-dismiss"]["name"] == "MOTION to Dismiss"


@pytest.mark.django_db
def test_the_events_api_answers_404_for_an_unknown_court(client: Client, courts):
    response = client.get("/api/v1/courts/nowhere/events")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
def test_the_clerk_changes_an_event_and_the_change_is_audited(courts, clerk):
    actions.ensure_catalogue(court_id="mowd")
    actions.save_event(
        actor_id=clerk.pk,
        court_id="mowd",
        code="notice",
        choices=actions.EventChoices(
            name="NOTICE of Filing",
            category="Other Filings",
            template=FILER_TEMPLATE,
            may_be_sealed=True,
        ),
    )
    event = Event.objects.get(court_id="mowd", code="notice")
    assert (event.name, event.may_be_sealed, event.modified_at is not None) == (
        "NOTICE of Filing",
        True,
        True,
    )
    row = AuditEvent.objects.get(verb="docket.event_changed")
    assert (row.subject_kind, row.subject_id, row.actor_id) == (
        "docket_event",
        str(event.pk),
        clerk.pk,
    )
    assert row.details["changed"] == {"name": "NOTICE of Filing", "may_be_sealed": True}


@pytest.mark.django_db
def test_a_bad_template_or_fee_is_refused_and_changes_nothing(courts, clerk):
    from openecf.core.errors import InputInvalid

    actions.ensure_catalogue(court_id="mowd")
    with pytest.raises(InputInvalid) as refused:
        actions.save_event(
            actor_id=clerk.pk,
            court_id="mowd",
            code="notice",
            choices=actions.EventChoices(
                name="NOTICE", category="Other", template="{lawyer}", fee_kind="parking"
            ),
        )
    assert set(refused.value.problems) == {"template", "fee_kind"}
    assert Event.objects.get(court_id="mowd", code="notice").template.endswith("filed by {filers}.")
    assert not AuditEvent.objects.filter(verb="docket.event_changed").exists()


@pytest.mark.django_db
def test_the_clerk_adds_an_event_with_a_fee(client: Client, courts, clerk):
    sign_in(client, clerk)
    response = client.post(
        "/mowd/clerk/events/add/",
        {
            "code": "motion-redact",
            "name": "MOTION to Redact",
            "category": "Motions and Related Filings",
            "template": "{modifier}{event}{links}{free_text}{fee} filed by {filers}.",
            "fee_kind": "misc_case",
            "filers": "filers",
            "needs_link": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get(court_id="mowd", code="motion-redact")
    assert (event.fee_kind, event.needs_link, event.is_active) == ("misc_case", True, True)
    listed = client.get("/api/v1/courts/mowd/events").json()["events"]
    assert [e["fee"] for e in listed if e["code"] == "motion-redact"] == ["52.00"]


@pytest.mark.django_db
def test_the_clerks_catalogue_page_lists_every_event(client: Client, courts, clerk):
    sign_in(client, clerk)
    page = client.get("/mowd/clerk/events/")
    assert page.status_code == 200
    assert b'data-code="motion-dismiss"' in page.content
    edit = client.get("/mowd/clerk/events/motion-dismiss/")
    assert edit.status_code == 200
    assert b"MOTION to Dismiss" in edit.content


@pytest.mark.django_db
def test_the_clerks_form_shows_a_bad_template_on_its_field(client: Client, courts, clerk):
    sign_in(client, clerk)
    response = client.post(
        "/mowd/clerk/events/notice/",
        {"name": "NOTICE", "category": "Other Filings", "template": "{nope}", "filers": "filers"},
    )
    assert response.status_code == 400
    assert b"Unknown placeholder(s) {nope}" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["attorney", "other_court_clerk", "public_user"])
def test_the_catalogue_pages_look_missing_to_anyone_but_the_clerk(
    client: Client, courts, who, request
):
    actions.ensure_catalogue(court_id="mowd")
    sign_in(client, request.getfixturevalue(who))
    assert client.get("/mowd/clerk/events/").status_code == 404
    assert client.post("/mowd/clerk/events/notice/", {"name": "X"}).status_code == 404
    assert Event.objects.get(court_id="mowd", code="notice").name == "NOTICE"


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client: Client, courts):
    response = client.get("/mowd/clerk/events/")
    assert response.status_code == 302
    assert "/login" in response["Location"] or "sign" in response["Location"]
