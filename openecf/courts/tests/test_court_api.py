"""GET /api/v1/courts and /api/v1/courts/{id}; PATCH settings by the clerk's office."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from openecf.core.models import AuditEvent
from openecf.courts.models import Court
from openecf.tests_support.api import bearer_token, call

SETTINGS = "/api/v1/courts/mowd/settings"


@pytest.mark.django_db
def test_court_detail_has_the_documented_shape(courts):
    with time_machine.travel(datetime(2026, 11, 25, tzinfo=UTC)):
        body = Client().get("/api/v1/courts/mowd").json()
    assert body == {
        "court_id": "mowd",
        "name": "United States District Court for the Western District of Missouri",
        "short_name": "W.D. Mo.",
        "kind": "district",
        "state": "MO",
        "time_zone": "America/Chicago",
        "cmecf_status": "nextgen",
        "nextgen_go_live": "2018-04-23T05:00:00Z",
        "pdf_size_limit_mb": 35,
        "clerk_phone": "(573) 636-4015",
        "clerk_email": "jcgen@mow.uscourts.gov",
        "clerk_help_text": "Questions regarding attorney password accounts may be e-mailed to the District Court.",
        "divisional_offices": [
            {"number": 2, "name": "Central Division (Jefferson City)"},
            {"number": 3, "name": "Southwestern Division (Joplin)"},
            {"number": 4, "name": "Western Division (Kansas City)"},
            {"number": 5, "name": "St. Joseph Division"},
            {"number": 6, "name": "Southern Division (Springfield)"},
        ],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", 201),
        ("?kind=appellate", 13),
        ("?kind=district", 94),
        ("?kind=bankruptcy", 94),
        ("?state=MO", 5),
        ("?state=mo&kind=district", 2),
        ("?status=nextgen", 3),
        ("?q=Western District of Missouri", 2),
    ],
)
def test_court_list_filters(courts, query, count):
    body = Client().get(f"/api/v1/courts{query}").json()
    assert body["count"] == count
    assert len(body["courts"]) == count


@pytest.mark.django_db
def test_status_filter_follows_the_clock(courts):
    with time_machine.travel(datetime(2018, 4, 23, 4, 59, tzinfo=UTC)):
        ids = [
            c["court_id"] for c in Client().get("/api/v1/courts?status=nextgen").json()["courts"]
        ]
    assert ids == ["ca8"]
    with time_machine.travel(datetime(2018, 4, 23, 5, 0, tzinfo=UTC)):
        ids = [
            c["court_id"] for c in Client().get("/api/v1/courts?status=nextgen").json()["courts"]
        ]
    assert ids == ["ca8", "mowd"]


@pytest.mark.django_db
def test_unknown_court_is_a_404_in_the_error_shape(courts):
    response = Client().get("/api/v1/courts/zzzd")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "code": "not_found",
            "message": "There is no court 'zzzd': check the court id (e.g. mowd).",
        }
    }


@pytest.mark.django_db
def test_bad_filter_is_a_422_that_names_the_field(courts):
    response = Client().get("/api/v1/courts?kind=supreme")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert error["message"].startswith("kind: ")


@pytest.mark.django_db
def test_unknown_api_path_is_a_404_in_the_error_shape(db):
    response = Client().get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
def test_openapi_document_lists_the_court_endpoints(db):
    spec = Client().get("/api/v1/openapi.json").json()
    assert spec["info"]["title"] == "OpenECF API"
    assert "/api/v1/courts" in spec["paths"]
    assert "/api/v1/courts/{court_id}" in spec["paths"]


@pytest.mark.django_db
def test_clerk_schedules_go_live_through_the_api(clerk):
    token = bearer_token(clerk)
    changes = {"nextgen_go_live": "2027-01-04", "clerk_phone": "816-555-0199"}
    response = call(Client(), "patch", SETTINGS, changes, token=token)
    assert response.status_code == 200, response.content
    assert response.json()["nextgen_go_live"] == "2027-01-04T06:00:00Z"
    assert response.json()["clerk_phone"] == "816-555-0199"
    verbs = list(
        AuditEvent.objects.filter(court_id="mowd", actor=clerk).values_list("verb", flat=True)
    )
    assert verbs == ["court.go_live_scheduled", "court.settings_changed"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            {"nextgen_go_live": "next week"},
            "'next week' is not a date: write the go-live date as YYYY-MM-DD",
        ),
        ({"pdf_size_limit_mb": 0}, "The PDF size limit is 1 to 1024 MB (not 0)."),
        (
            {"clerk_email": "not-an-address"},
            "'not-an-address' is not an e-mail address: enter the clerk's office address, or "
            "leave it empty.",
        ),
    ],
)
def test_bad_settings_are_refused_and_change_nothing(clerk, payload, message):
    token = bearer_token(clerk)
    before = Court.objects.get(pk="mowd")
    audit_rows = AuditEvent.objects.count()
    response = call(Client(), "patch", SETTINGS, payload, token=token)
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith(message)
    after = Court.objects.get(pk="mowd")
    assert (after.nextgen_go_live, after.pdf_size_limit_mb, after.clerk_email) == (
        before.nextgen_go_live,
        before.pdf_size_limit_mb,
        before.clerk_email,
    )
    assert AuditEvent.objects.count() == audit_rows


@pytest.mark.django_db
def test_settings_need_a_signed_in_clerk_of_that_court(attorney, other_court_clerk, operator):
    url = SETTINGS
    anonymous = call(Client(), "patch", url, {"pdf_size_limit_mb": 50})
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["code"] == "not_signed_in"
    for account in (attorney, other_court_clerk):
        refused = call(
            Client(), "patch", url, {"pdf_size_limit_mb": 50}, token=bearer_token(account)
        )
        assert refused.status_code == 404
        assert refused.json()["error"] == {
            "code": "not_found",
            "message": "W.D. Mo. has no court settings page for you.",
        }
    assert Court.objects.get(pk="mowd").pdf_size_limit_mb == 35
    allowed = call(Client(), "patch", url, {"pdf_size_limit_mb": 50}, token=bearer_token(operator))
    assert allowed.status_code == 200
    assert Court.objects.get(pk="mowd").pdf_size_limit_mb == 50


@pytest.mark.django_db
def test_a_refused_setting_does_not_leave_the_go_live_half_changed(clerk):
    token = bearer_token(clerk)
    before = Court.objects.get(pk="mowd").nextgen_go_live
    changes = {"nextgen_go_live": "2030-01-01", "clerk_email": "nope"}
    response = call(Client(), "patch", SETTINGS, changes, token=token)
    assert response.status_code == 422
    assert Court.objects.get(pk="mowd").nextgen_go_live == before


@pytest.mark.django_db
def test_clerk_replaces_the_divisional_offices(clerk):
    changes = {
        "divisional_offices": [
            {"number": 4, "name": "Western Division"},
            {"number": 6, "name": "Springfield"},
        ]
    }
    response = call(Client(), "patch", SETTINGS, changes, token=bearer_token(clerk))
    assert response.status_code == 200, response.content
    assert response.json()["divisional_offices"] == [
        {"number": 4, "name": "Western Division"},
        {"number": 6, "name": "Springfield"},
    ]
    event = AuditEvent.objects.filter(court_id="mowd", verb="court.settings_changed").last()
    assert event.details["offices"]["after"] == [[4, "Western Division"], [6, "Springfield"]]


@pytest.mark.django_db
def test_duplicate_office_numbers_are_refused(clerk):
    changes = {"divisional_offices": [{"number": 4, "name": "A"}, {"number": 4, "name": "B"}]}
    response = call(Client(), "patch", SETTINGS, changes, token=bearer_token(clerk))
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "Office 2 in the list: office 4 is listed twice."
    assert response.json()["error"]["fields"] == {
        "divisional_offices": ["Office 2 in the list: office 4 is listed twice."]
    }
    assert Court.objects.get(pk="mowd").offices.count() == 5
