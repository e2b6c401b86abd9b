"""'Remind the ones not ready': one personal checklist each, not again within 24 hours."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection, connections

from openecf.core import clock
from openecf.core.models import AuditEvent
from openecf.firms import facade as firms
from openecf.readiness import actions
from openecf.readiness.models import ReadinessReminder


def test_each_member_not_ready_gets_a_personal_checklist(
    signed_in, firm, team, django_capture_on_commit_callbacks
):
    alice, larry, uma = team
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(firm.paa).post("/firm/readiness/remind/", follow=True)
    assert "Reminded 2 members who are not ready" in response.content.decode()
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        [
            (larry.email, "NextGen CM/ECF: your readiness checklist from Jefferson & Clay LLP"),
            (uma.email, "NextGen CM/ECF: your readiness checklist from Jefferson & Clay LLP"),
        ]
    )
    to_larry = next(m for m in mail.outbox if m.to == [larry.email])
    assert "[ ] Upgraded PACER account (not Legacy)" in to_larry.body
    assert "1. Upgrade the Legacy PACER account" in to_larry.body
    to_uma = next(m for m in mail.outbox if m.to == [uma.email])
    assert "[x] Upgraded PACER account (not Legacy)" in to_uma.body
    assert "1. Link the CM/ECF login at W.D. Mo." in to_uma.body
    event = AuditEvent.objects.get(verb="readiness.reminders_sent")
    assert event.subject == f"firm:{firm.pk}"
    assert sorted(event.details["reminded"]) == sorted([larry.account_number, "3200003"])


def test_a_second_click_the_same_day_e_mails_nobody_again(
    signed_in, firm, team, django_capture_on_commit_callbacks
):
    client = signed_in(firm.paa)
    client.post("/firm/readiness/remind/")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        body = client.post("/api/v1/firm/readiness/remind").json()
    assert body["reminded"] == []
    assert sorted(body["already_reminded"]) == sorted(["3200003", team[1].account_number])
    assert body["ready"] == 1
    assert mail.outbox == []
    assert ReadinessReminder.objects.count() == 2
    assert AuditEvent.objects.filter(verb="readiness.reminders_sent").count() == 1


def test_a_day_later_they_can_be_reminded_again(signed_in, firm, team):
    signed_in(firm.paa).post("/firm/readiness/remind/")
    with time_machine.travel(clock.now() + timedelta(hours=25)):
        body = signed_in(firm.paa).post("/api/v1/firm/readiness/remind").json()
    assert sorted(body["reminded"]) == sorted(["3200003", team[1].account_number])
    assert ReadinessReminder.objects.count() == 4


def test_when_everyone_is_ready_nobody_is_e_mailed(signed_in, firm, ready_attorney):
    body = signed_in(firm.paa).post("/api/v1/firm/readiness/remind").json()
    assert body == {"reminded": [], "already_reminded": [], "ready": 1}
    assert not AuditEvent.objects.filter(verb="readiness.reminders_sent").exists()


def test_a_second_immediate_remind_through_the_action_sends_nothing(
    firm, team, django_capture_on_commit_callbacks
):
    summary = firms.firm_administered_by(firm.paa)
    with django_capture_on_commit_callbacks(execute=True):
        first = actions.remind_not_ready(firm=summary, actor_id=firm.paa_id)
        second = actions.remind_not_ready(firm=summary, actor_id=firm.paa_id)
    assert sorted(first.reminded) == sorted(["3200003", team[1].account_number])
    assert second.reminded == []
    assert sorted(second.already_reminded) == sorted(first.reminded)
    assert len(mail.outbox) == 2
    assert ReadinessReminder.objects.count() == 2


def _waiting_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0] > 0


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite runs one write transaction at a time (IMMEDIATE), so the clicks cannot overlap",
)
@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_the_same_moment_e_mail_each_member_once(firm, team, monkeypatch):
    """The first click is held inside its transaction while the second one runs."""
    summary = firms.firm_administered_by(firm.paa)
    inside, go = threading.Event(), threading.Event()
    queue = actions.queue_letter

    def held_queue_letter(*args, **kwargs):
        if threading.current_thread().name == "first" and not inside.is_set():
            inside.set()
            go.wait(timeout=10)
        return queue(*args, **kwargs)

    monkeypatch.setattr(actions, "queue_letter", held_queue_letter)
    results: dict[str, actions.Reminded] = {}

    def click(name: str) -> threading.Thread:
        def run() -> None:
            try:
                results[name] = actions.remind_not_ready(firm=summary, actor_id=firm.paa_id)
            finally:
                connections.close_all()

        thread = threading.Thread(target=run, name=name)
        thread.start()
        return thread

    first = click("first")
    assert inside.wait(timeout=10)
    second = click("second")
    while second.is_alive() and not _waiting_for_a_lock():
        second.join(timeout=0.01)
    go.set()
    first.join(timeout=10)
    second.join(timeout=10)

    assert sorted(results["first"].reminded) == sorted(["3200003", team[1].account_number])
    assert results["second"].reminded == []
    assert ReadinessReminder.objects.count() == 2
    assert len(mail.outbox) == 2
