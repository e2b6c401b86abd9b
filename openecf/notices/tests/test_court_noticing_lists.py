"""The court's own noticing lists (chambers): who gets a notice (pure rules), and the clerk's
page and API that keep them, for each role and for bad input."""

from __future__ import annotations

import pytest

from openecf.core.models import AuditEvent
from openecf.notices.models import CourtNoticingAddress
from openecf.notices.recipients import Candidate, notice_list
from openecf.tests_support.api import bearer_token

ALICE = Candidate(7, "Alice Attorney", "alice@firm.example", "attorney")
CHAMBERS = Candidate(None, "Chambers of Judge Wimes", "wimes@mowd.example", "court")
PAGE = "/mowd/clerk/notices/lists/"
API = "/api/v1/courts/mowd/noticing-lists"


def listed(candidates, *, sealed=False, restricted=False, entitled=None):
    return notice_list(
        candidates,
        sealed=sealed,
        restricted=restricted,
        entitled=entitled,
        secondary_emails={},
        daily_summary=frozenset(),
    )


def test_a_court_list_without_a_pacer_account_is_emailed_with_the_link_never_on_paper():
    mailed, paper = listed([ALICE, CHAMBERS], restricted=True)
    assert [(a.name, a.addresses, a.with_link, a.account_id) for a in mailed] == [
        ("Alice Attorney", ("alice@firm.example",), True, 7),
        ("Chambers of Judge Wimes", ("wimes@mowd.example",), True, None),
    ]
    assert paper == []


def test_a_sealed_entry_reaches_the_court_lists_and_the_filer_without_a_link():
    other = Candidate(None, "Docketing desk", "docket@mowd.example", "court")
    mailed, paper = listed([ALICE, CHAMBERS, other], sealed=True, entitled=frozenset())
    assert [(a.name, a.with_link) for a in mailed] == [
        ("Chambers of Judge Wimes", False),
        ("Docketing desk", False),
    ]
    assert paper == []


def test_a_court_list_with_an_attorneys_address_is_noticed_once():
    same = Candidate(None, "Chambers of Judge Wimes", "ALICE@firm.example", "court")
    mailed, _ = listed([ALICE, same, CHAMBERS])
    assert [a.name for a in mailed] == ["Alice Attorney", "Chambers of Judge Wimes"]
    assert mailed[0].addresses == ("alice@firm.example",)


def test_a_court_list_without_an_email_gets_nothing():
    assert listed([Candidate(None, "Chambers", "", "court")]) == ([], [])


# --- The clerk's page and API ------------------------------------------------------------


@pytest.fixture
def wimes(mowd):
    from openecf.cases.factories import judge_at

    return judge_at(mowd).account_id


def api_call(client, account, method, path, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {bearer_token(account)}"} if account else {}
    if method == "post":
        return client.post(path, body, content_type="application/json", **headers)
    return getattr(client, method)(path, **headers)


@pytest.mark.django_db
def test_the_clerk_adds_and_ends_addresses_on_the_page(clerk, wimes, signed_in):
    browser = signed_in(clerk)
    menu = browser.get("/mowd/clerk/").content.decode()
    assert PAGE in menu and "Court noticing lists" in menu
    page = browser.get(PAGE)
    assert page.status_code == 200 and b"Cases assigned to Brian Wimes" in page.content
    added = browser.post(PAGE, {"name": "Chambers of Judge Wimes",
                                "email": "Wimes@mowd.example", "judge_account_id": str(wimes)})  # fmt: skip
    assert added.status_code == 302
    shown = browser.get(added["Location"]).content.decode()
    assert (
        "Added." in shown and "wimes@mowd.example" in shown and "Assigned to Brian Wimes" in shown
    )
    # The add form posts to the list's own address, not to the "Added." one.
    assert f'<form method="post" action="{PAGE}"' in shown
    row = CourtNoticingAddress.objects.get()
    assert (row.court_id, row.judge_account_id, row.ended_at) == ("mowd", wimes, None)

    again = browser.post(PAGE, {"name": "Again", "email": "wimes@MOWD.example"})
    assert again.status_code == 422
    assert "already on the court&#x27;s noticing lists" in again.content.decode()
    bad = browser.post(PAGE, {"name": "", "email": "not-an-address"})
    assert bad.status_code == 422
    text = bad.content.decode()
    assert "Give the list&#x27;s name" in text and "is not an e-mail address" in text
    stray = browser.post(PAGE, {"name": "X", "email": "x@mowd.example", "judge_account_id": "9"})
    assert stray.status_code == 422 and b"Select a valid choice" in stray.content
    assert CourtNoticingAddress.objects.count() == 1

    ended = browser.post(f"{PAGE}{row.pk}/end/")
    assert ended.status_code == 302
    row.refresh_from_db()
    assert row.ended_at is not None
    assert "wimes@mowd.example" not in browser.get(PAGE).content.decode()
    assert browser.post(f"{PAGE}{row.pk}/end/").status_code == 404
    assert list(
        AuditEvent.objects.filter(subject_kind="court_noticing_address")
        .order_by("pk")
        .values_list("verb", flat=True)
    ) == ["noticing.court_address_added", "noticing.court_address_ended"]


@pytest.mark.django_db
def test_the_page_is_missing_for_everyone_but_the_courts_clerk(
    client, attorney, other_court_clerk, judge, signed_in
):
    row = CourtNoticingAddress.objects.create(
        court_id="mowd", name="Desk", email="desk@mowd.example", created_by_id=1,
        created_at="2026-11-30T12:00:00Z",
    )  # fmt: skip
    for account in (attorney, other_court_clerk, judge):
        browser = signed_in(account)
        assert browser.get(PAGE).status_code == 404
        assert browser.post(PAGE, {"name": "X", "email": "x@example.com"}).status_code == 404
        assert browser.post(f"{PAGE}{row.pk}/end/").status_code == 404
    assert client.get(PAGE).status_code in (302, 401, 403)
    assert "/mowd/clerk/notices/lists/" not in signed_in(attorney).get("/mowd/").content.decode()
    assert CourtNoticingAddress.objects.filter(ended_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_the_api_lists_adds_and_ends_addresses_for_the_clerk(client, clerk, wimes):
    made = api_call(client, clerk, "post", API,
                    {"name": "Docketing desk", "email": "desk@mowd.example"})  # fmt: skip
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["court_id"], body["email"], body["judge_account_id"]) == (
        "mowd", "desk@mowd.example", None,
    )  # fmt: skip
    chambers = api_call(client, clerk, "post", API, {"name": "Chambers of Judge Wimes",
                        "email": "wimes@mowd.example", "judge_account_id": wimes})  # fmt: skip
    assert chambers.status_code == 201
    listed_now = api_call(client, clerk, "get", API).json()
    assert [r["email"] for r in listed_now] == ["desk@mowd.example", "wimes@mowd.example"]

    duplicate = api_call(client, clerk, "post", API, {"name": "X", "email": "DESK@mowd.example"})
    assert duplicate.status_code == 409
    assert duplicate.json()["error"]["code"] == "address_already_listed"
    bad = api_call(client, clerk, "post", API,
                   {"name": " ", "email": "nope", "judge_account_id": 424242})  # fmt: skip
    assert bad.status_code == 422
    error = bad.json()["error"]
    assert error["code"] == "invalid_input"
    assert set(error["fields"]) == {"name", "email", "judge_account_id"}

    gone = api_call(client, clerk, "delete", f"{API}/{body['address_id']}")
    assert gone.status_code == 200 and gone.json()["ended_at"] is not None
    assert api_call(client, clerk, "delete", f"{API}/{body['address_id']}").status_code == 404
    assert [r["email"] for r in api_call(client, clerk, "get", API).json()] == [
        "wimes@mowd.example"
    ]


@pytest.mark.django_db
def test_the_api_is_missing_for_everyone_but_the_courts_clerk(client, attorney, other_court_clerk):
    row = CourtNoticingAddress.objects.create(
        court_id="mowd", name="Desk", email="desk@mowd.example", created_by_id=1,
        created_at="2026-11-30T12:00:00Z",
    )  # fmt: skip
    for account in (attorney, other_court_clerk):
        assert api_call(client, account, "get", API).status_code == 404
        posted = api_call(client, account, "post", API, {"name": "X", "email": "x@example.com"})
        assert posted.status_code == 404 and posted.json()["error"]["code"] == "not_found"
        assert api_call(client, account, "delete", f"{API}/{row.pk}").status_code == 404
    assert api_call(client, None, "get", API).status_code == 401
    assert CourtNoticingAddress.objects.get().ended_at is None
