"""Go-live reminders: scheduled for the days before go-live, each sent exactly once."""

import json
from datetime import UTC, datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.courts import actions as court_actions
from openecf.courts.models import Court
from openecf.notices import actions, tasks
from openecf.notices.errors import (
    AlreadyLive,
    NoGoLiveDate,
    ReminderAlreadyScheduled,
    ReminderDayPassed,
)
from openecf.notices.models import BarNotice

BEFORE = datetime(2018, 3, 1, 15, 0, tzinfo=UTC)  # mowd goes live April 23, 2018


@pytest.fixture
def before_go_live():
    with time_machine.travel(BEFORE, tick=False) as traveller:
        yield traveller


def schedule(court, clerk, days=(30, 7, 1), audience="all"):
    return actions.schedule_go_live_reminders(
        court=court, actor_id=clerk.pk, days_before=list(days), audience=audience
    )


def test_reminders_are_scheduled_for_8_a_m_court_time(before_go_live, clerk, mowd):
    created = schedule(mowd, clerk)
    assert [(n.days_before, n.scheduled_for.astimezone(UTC)) for n in created] == [
        (30, datetime(2018, 3, 24, 13, 0, tzinfo=UTC)),
        (7, datetime(2018, 4, 16, 13, 0, tzinfo=UTC)),
        (1, datetime(2018, 4, 22, 13, 0, tzinfo=UTC)),
    ]
    assert [n.subject for n in created] == [
        "NextGen CM/ECF begins April 23, 2018: 30 days to go",
        "NextGen CM/ECF begins April 23, 2018: 7 days to go",
        "NextGen CM/ECF begins April 23, 2018: 1 day to go",
    ]
    assert all(n.sent_at is None for n in created)
    assert AuditEvent.objects.filter(verb="notice.reminders_scheduled", chain="mowd").count() == 1


def test_due_reminders_are_sent_once_each(
    before_go_live, clerk, mowd, bar, django_capture_on_commit_callbacks
):
    schedule(mowd, clerk)
    assert actions.send_due_reminders() == []
    before_go_live.move_to(datetime(2018, 3, 24, 13, 0, tzinfo=UTC))
    with django_capture_on_commit_callbacks(execute=True):
        sent = actions.send_due_reminders()
    assert [n.days_before for n in sent] == [30]
    assert sorted(m.to[0] for m in mail.outbox) == bar["all"]
    assert {m.subject for m in mail.outbox} == {
        "W.D. Mo.: NextGen CM/ECF begins April 23, 2018: 30 days to go"
    }
    assert actions.send_due_reminders() == []
    assert OutboundEmail.objects.count() == 3
    before_go_live.move_to(datetime(2018, 4, 22, 14, 0, tzinfo=UTC))
    assert sorted(n.days_before for n in actions.send_due_reminders()) == [1, 7]
    assert actions.send_due_reminders() == []
    assert OutboundEmail.objects.count() == 9
    assert BarNotice.objects.filter(sent_at__isnull=False).count() == 3


def test_the_command_sends_what_is_due(before_go_live, clerk, mowd, bar):
    schedule(mowd, clerk, days=[30])
    before_go_live.move_to(datetime(2018, 3, 25, tzinfo=UTC))
    out = StringIO()
    call_command("notices", "send-due", stdout=out)
    assert out.getvalue() == (
        "mowd: sent 'NextGen CM/ECF begins April 23, 2018: 30 days to go' to 3 recipients\n"
        "1 reminder sent.\n"
    )
    out = StringIO()
    call_command("notices", "send-due", stdout=out)
    assert out.getvalue() == "0 reminders sent.\n"
    assert OutboundEmail.objects.count() == 3


def test_the_task_sends_what_is_due(before_go_live, clerk, mowd, bar):
    schedule(mowd, clerk, days=[30])
    before_go_live.move_to(datetime(2018, 3, 25, tzinfo=UTC))
    assert tasks.send_due_notices.call() == 1
    assert tasks.send_due_notices.call() == 0


def test_a_reminder_for_a_moved_go_live_is_cancelled_not_sent(before_go_live, clerk, mowd, bar):
    (reminder,) = schedule(mowd, clerk, days=[30])
    court_actions.schedule_go_live(
        actor_id=clerk.pk, court=mowd, go_live=datetime(2018, 6, 1, 5, 0, tzinfo=UTC)
    )
    before_go_live.move_to(datetime(2018, 3, 25, tzinfo=UTC))
    assert actions.send_due_reminders() == []
    reminder.refresh_from_db()
    assert reminder.sent_at is None
    assert reminder.cancel_reason == (
        "The court's go-live date changed; the reminder no longer applies."
    )
    assert OutboundEmail.objects.count() == 0


def test_a_reminder_late_past_go_live_is_cancelled(before_go_live, clerk, mowd, bar):
    (reminder,) = schedule(mowd, clerk, days=[1])
    before_go_live.move_to(datetime(2018, 5, 1, tzinfo=UTC))  # the worker was down for weeks
    assert actions.send_due_reminders() == []
    reminder.refresh_from_db()
    assert reminder.cancel_reason == "The court went live before the reminder could be sent."


def test_the_same_day_cannot_be_scheduled_twice(before_go_live, clerk, mowd):
    schedule(mowd, clerk, days=[30, 7])
    with pytest.raises(ReminderAlreadyScheduled) as refused:
        schedule(mowd, clerk, days=[14, 7])
    assert refused.value.message == (
        "A reminder 7 days before go-live is already scheduled; choose other days or cancel "
        "it first."
    )
    assert BarNotice.objects.count() == 2


def test_a_cancelled_reminder_can_be_scheduled_again(before_go_live, clerk, mowd):
    (reminder,) = schedule(mowd, clerk, days=[7])
    actions.cancel_notice(court=mowd, actor_id=clerk.pk, notice_id=reminder.pk)
    (again,) = schedule(mowd, clerk, days=[7])
    assert again.pk != reminder.pk


def test_no_reminders_without_a_go_live_date(operator, courts):
    court = Court.objects.get(pk="ksb")
    assert court.nextgen_go_live is None
    with pytest.raises(NoGoLiveDate):
        schedule(court, operator)
    assert BarNotice.objects.count() == 0


def test_no_reminders_after_go_live(clerk, mowd):
    with pytest.raises(AlreadyLive) as refused:
        schedule(mowd, clerk)
    assert refused.value.message == (
        "W.D. Mo. is already live on NextGen CM/ECF: go-live reminders are for the days before "
        "go-live. Send a notice instead."
    )
    assert BarNotice.objects.count() == 0


def test_no_reminder_for_a_day_already_past(clerk, mowd):
    with (
        time_machine.travel(datetime(2018, 4, 20, tzinfo=UTC), tick=False),
        pytest.raises(ReminderDayPassed),
    ):
        schedule(mowd, clerk, days=[30, 1])
    assert BarNotice.objects.count() == 0


def test_a_scheduled_reminder_cannot_be_sent_by_hand(before_go_live, clerk, mowd):
    (reminder,) = schedule(mowd, clerk, days=[7])
    with pytest.raises(Exception) as refused:
        actions.send_notice(court=mowd, actor_id=clerk.pk, notice_id=reminder.pk)
    assert refused.value.message.startswith("A go-live reminder is sent on its scheduled day")
    reminder.refresh_from_db()
    assert reminder.sent_at is None


def test_the_clerk_schedules_on_the_page_and_through_the_api(signed_in, clerk, mowd, courts):
    ksd = Court.objects.get(pk="ksd")  # goes live in 60 days (demo)
    from openecf.courts.models import CourtStaff

    CourtStaff.objects.create(court=ksd, account=clerk, role="clerk")
    client = signed_in(clerk)
    response = client.post(
        "/ksd/clerk/notices/reminders/", {"days_before": "30 7", "audience": "attorneys"}
    )
    assert response.status_code == 302
    assert sorted(BarNotice.objects.values_list("days_before", flat=True)) == [7, 30]
    page = client.get("/ksd/clerk/notices/").content.decode()
    assert "30 days to go" in page
    response = client.post(
        "/api/v1/courts/ksd/notices/reminders",
        json.dumps({"days_before": [1]}),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert [r["days_before"] for r in response.json()] == [1]
    listed = client.get("/api/v1/courts/ksd/notices/scheduled").json()
    assert [r["days_before"] for r in listed] == [30, 7, 1]
    refused = client.post(
        "/api/v1/courts/mowd/notices/reminders",
        json.dumps({"days_before": [1]}),
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "already_live"
    cancelled = client.delete(f"/api/v1/courts/ksd/notices/{listed[0]['notice_id']}")
    assert cancelled.status_code == 200
    assert len(client.get("/api/v1/courts/ksd/notices/scheduled").json()) == 2


def test_a_refused_schedule_shows_the_reason_on_the_page(signed_in, clerk, mowd):
    response = signed_in(clerk).post(
        "/mowd/clerk/notices/reminders/", {"days_before": "30", "audience": "all"}
    )
    assert response.status_code == 400
    assert "W.D. Mo. is already live on NextGen CM/ECF" in response.content.decode()
