"""Simultaneous registrations of the same person: exactly one is not held for review.

Each thread reads the existing people before any of them writes (the worst interleaving, forced
with a barrier), so without the unique person key every one of them would see no duplicate.
Runs on SQLite and on PostgreSQL (CI runs the suite on both).
"""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connections
from django.test import Client

from openecf.accounts.actions import recovery, registration
from openecf.accounts.models import Account, RegisteredPerson
from openecf.accounts.tests.factories import registration_payload
from openecf.tests_support.concurrency import retry_while_locked

PARALLEL = 6


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_of_one_person_hold_all_but_one(monkeypatch):
    monkeypatch.setattr(recovery, "THROTTLE_PER_EMAIL", 1000)
    everyone_has_looked = threading.Barrier(PARALLEL)
    first_look = threading.local()
    people_like = registration._people_like

    def look_then_wait(key):
        # A thread's one look, kept when SQLite's "locked" makes it try again: on a file
        # database it would have waited for the write lock holding this same stale look.
        if not hasattr(first_look, "found"):
            first_look.found = people_like(key)
            everyone_has_looked.wait(timeout=30)
        return first_look.found

    monkeypatch.setattr(registration, "_people_like", look_then_wait)
    answers: list = [None] * PARALLEL

    def register(index: int) -> None:
        body = registration_payload(username=f"noranewcomer{index}", continue_if_may_exist=True)

        def post():
            return Client().post(
                "/api/v1/accounts",
                json.dumps(body),
                content_type="application/json",
                REMOTE_ADDR=f"10.20.0.{index}",
            )

        def registered():
            return retry_while_locked(
                Account.objects.filter(username=body["username"]).exists, done=lambda: False
            )

        try:
            answers[index] = retry_while_locked(post, done=registered)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(i,)) for i in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert all(answer is None or answer.status_code == 201 for answer in answers), answers
    statuses = list(Account.objects.order_by("username").values_list("status", flat=True))
    assert len(statuses) == PARALLEL
    assert statuses.count(Account.Status.REVIEW_HOLD) == PARALLEL - 1, statuses
    assert RegisteredPerson.objects.count() == 1


@pytest.mark.django_db
def test_a_registration_without_the_person_key_row_is_still_held_by_the_existing_account(client):
    first = client.post(
        "/api/v1/accounts", json.dumps(registration_payload()), content_type="application/json"
    )
    assert first.json()["held_for_review"] is False, first.content
    RegisteredPerson.objects.all().delete()  # an account from before the unique key existed
    again = client.post(
        "/api/v1/accounts",
        json.dumps(registration_payload(username="noranewcomer2", continue_if_may_exist=True)),
        content_type="application/json",
    )
    assert again.json()["held_for_review"] is True
