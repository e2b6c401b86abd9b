"""A clerk composes, previews and sends a notice; one e-mail per recipient, never twice."""

import json

import pytest
from django.core import mail

from openecf.core.errors import InputInvalid
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.notices import actions
from openecf.notices.errors import NoticeAlreadySent
from openecf.notices.models import BarNotice


def test_compose_preview_send_through_the_pages(
    signed_in, clerk, mowd, bar, django_capture_on_commit_callbacks
):
    client = signed_in(clerk)
    response = client.post(
        "/mowd/clerk/notices/",
        {"subject": "Link your CM/ECF login", "body": "Link it now.", "audience": "not_linked"},
    )
    notice = BarNotice.objects.get()
    assert response["Location"] == f"/mowd/clerk/notices/{notice.pk}/"
    assert notice.sent_at is None
    preview = client.get(response["Location"]).content.decode()
    assert "This notice will be e-mailed to <strong>2</strong> recipients" in preview
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/mowd/clerk/notices/{notice.pk}/send/")
    assert sent["Location"] == f"/mowd/notices/{notice.pk}/"
    assert sorted(m.to[0] for m in mail.outbox) == bar["not_linked"]
    assert {m.subject for m in mail.outbox} == {"W.D. Mo.: Link your CM/ECF login"}
    assert all(len(m.to) == 1 for m in mail.outbox)
    assert mail.outbox[0].body.startswith("Link it now.\n\n--\nNotice to the bar from the Clerk's")
    notice.refresh_from_db()
    assert notice.recipient_count == 2
    assert set(OutboundEmail.objects.values_list("court_id", "kind")) == {
        ("mowd", "notices.bar_notice")
    }
    assert AuditEvent.objects.filter(verb="notice.sent", chain="mowd").count() == 1


def test_a_notice_is_never_sent_twice(signed_in, clerk, mowd, bar):
    notice = actions.draft_notice(
        court=mowd, actor_id=clerk.pk, subject="Hours", body="Closed Monday.", audience="all"
    )
    actions.send_notice(court=mowd, actor_id=clerk.pk, notice_id=notice.pk)
    assert OutboundEmail.objects.count() == 3
    with pytest.raises(NoticeAlreadySent) as refused:
        actions.send_notice(court=mowd, actor_id=clerk.pk, notice_id=notice.pk)
    assert refused.value.message.startswith("This notice was already sent on ")
    assert refused.value.message.endswith("to 3 recipients; it is not sent twice.")
    assert OutboundEmail.objects.count() == 3
    response = signed_in(clerk).post(f"/mowd/clerk/notices/{notice.pk}/send/", follow=True)
    assert "it is not sent twice." in response.content.decode()
    assert OutboundEmail.objects.count() == 3


@pytest.mark.parametrize(
    ("audience", "key"), [("all", "all"), ("not_linked", "not_linked"), ("attorneys", "attorneys")]
)
def test_each_audience_gets_its_own_recipients(
    clerk, mowd, bar, audience, key, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notice = actions.send_new_notice(
            court=mowd, actor_id=clerk.pk, subject="S", body="B", audience=audience
        )
    assert notice.recipient_count == len(bar[key])
    assert sorted(m.to[0] for m in mail.outbox) == bar[key]


def test_an_empty_notice_is_refused_on_the_page_and_nothing_is_kept(signed_in, clerk, bar):
    response = signed_in(clerk).post(
        "/mowd/clerk/notices/", {"subject": "  ", "body": "Text", "audience": "all"}
    )
    assert response.status_code == 400
    assert "Enter a subject for the notice." in response.content.decode()
    assert BarNotice.objects.count() == 0


def test_a_draft_can_be_discarded(signed_in, clerk, mowd, bar):
    notice = actions.draft_notice(
        court=mowd, actor_id=clerk.pk, subject="Oops", body="Draft.", audience="all"
    )
    signed_in(clerk).post(f"/mowd/clerk/notices/{notice.pk}/cancel/")
    notice.refresh_from_db()
    assert notice.cancelled_at is not None
    with pytest.raises(Exception) as refused:
        actions.send_notice(court=mowd, actor_id=clerk.pk, notice_id=notice.pk)
    assert refused.value.message == "This notice was cancelled; compose a new one."
    assert OutboundEmail.objects.count() == 0


def test_the_public_archive_lists_sent_notices_newest_first(client, clerk, mowd, bar):
    first = actions.send_new_notice(
        court=mowd, actor_id=clerk.pk, subject="First", body="One.", audience="all"
    )
    second = actions.send_new_notice(
        court=mowd, actor_id=clerk.pk, subject="Second", body="Two.", audience="all"
    )
    actions.draft_notice(court=mowd, actor_id=clerk.pk, subject="Draft", body="x", audience="all")
    page = client.get("/mowd/notices/").content.decode()
    assert page.index("Second") < page.index("First")
    assert "Draft" not in page
    one = client.get(f"/mowd/notices/{first.pk}/")
    assert one.status_code == 200
    assert "<p>One.</p>" in one.content.decode()
    body = client.get("/api/v1/courts/mowd/notices").json()
    assert [n["notice_id"] for n in body] == [second.pk, first.pk]
    assert client.get(f"/api/v1/courts/mowd/notices/{first.pk}").json()["recipient_count"] == 3


def test_drafts_are_not_public(client, clerk, mowd):
    draft = actions.draft_notice(
        court=mowd, actor_id=clerk.pk, subject="Draft", body="x", audience="all"
    )
    assert client.get(f"/mowd/notices/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/courts/mowd/notices/{draft.pk}").status_code == 404


def test_a_notice_of_one_court_is_not_found_at_another(client, clerk, mowd, bar):
    notice = actions.send_new_notice(
        court=mowd, actor_id=clerk.pk, subject="S", body="B", audience="all"
    )
    assert client.get(f"/ksd/notices/{notice.pk}/").status_code == 404


def test_preview_and_send_through_the_api(
    signed_in, clerk, mowd, bar, django_capture_on_commit_callbacks
):
    client = signed_in(clerk)
    payload = {"subject": "NextGen is live", "body": "Link now.", "audience": "attorneys"}
    preview = client.post(
        "/api/v1/courts/mowd/notices/preview", json.dumps(payload), content_type="application/json"
    )
    assert preview.json() == {
        "court_id": "mowd",
        "subject": "NextGen is live",
        "audience": "attorneys",
        "recipient_count": 2,
    }
    assert BarNotice.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            "/api/v1/courts/mowd/notices", json.dumps(payload), content_type="application/json"
        )
    assert sent.status_code == 201
    assert sent.json()["recipient_count"] == 2
    assert sorted(m.to[0] for m in mail.outbox) == bar["attorneys"]
    assert {m.subject for m in mail.outbox} == {"W.D. Mo.: NextGen is live"}


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        (
            {"subject": "", "body": "B", "audience": "all"},
            "subject",
            "Enter a subject for the notice.",
        ),
        ({"subject": "S", "body": "", "audience": "all"}, "body", "Enter the text of the notice."),
        (
            {"subject": "S", "body": "B", "audience": "judges"},
            "audience",
            "Choose who receives the notice: all, not_linked or attorneys (not 'judges').",
        ),
    ],
)
def test_the_api_refuses_bad_notices_and_sends_nothing(
    signed_in, clerk, bar, payload, field, message
):
    client = signed_in(clerk)
    for path in ["/api/v1/courts/mowd/notices", "/api/v1/courts/mowd/notices/preview"]:
        response = client.post(path, json.dumps(payload), content_type="application/json")
        assert response.status_code == 422
        assert response.json() == {
            "error": {"code": "invalid_input", "message": message, "fields": {field: [message]}}
        }
    assert BarNotice.objects.count() == 0
    assert OutboundEmail.objects.count() == 0


def test_a_refused_send_changes_nothing(clerk, mowd, bar):
    with pytest.raises(InputInvalid):
        actions.send_new_notice(court=mowd, actor_id=clerk.pk, subject="S", body="", audience="all")
    assert BarNotice.objects.count() == 0
    assert OutboundEmail.objects.count() == 0
    assert not AuditEvent.objects.filter(verb__startswith="notice.").exists()


def test_the_preview_of_a_sent_or_cancelled_notice_offers_no_send_button(
    signed_in, clerk, mowd, bar
):
    sent = actions.send_new_notice(
        court=mowd, actor_id=clerk.pk, subject="Sent", body="B", audience="all"
    )
    draft = actions.draft_notice(
        court=mowd, actor_id=clerk.pk, subject="Gone", body="B", audience="all"
    )
    actions.cancel_notice(court=mowd, actor_id=clerk.pk, notice_id=draft.pk)
    client = signed_in(clerk)
    page = client.get(f"/mowd/clerk/notices/{sent.pk}/").content.decode()
    assert "to 3 recipients." in page
    assert "/send/" not in page
    page = client.get(f"/mowd/clerk/notices/{draft.pk}/").content.decode()
    assert "Cancelled: Cancelled by the clerk&#x27;s office." in page
    assert "/send/" not in page
