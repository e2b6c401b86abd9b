"""Pure notice rules (no database)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from openecf.notices import rules
from openecf.notices.errors import (
    AlreadyLive,
    NoGoLiveDate,
    ReminderDayPassed,
)

CENTRAL = "America/Chicago"
GO_LIVE = datetime(2018, 4, 23, tzinfo=ZoneInfo(CENTRAL))


@pytest.mark.parametrize(
    ("subject", "body", "audience", "field", "message"),
    [
        ("", "Text", "all", "subject", "Enter a subject for the notice."),
        ("  ", "Text", "all", "subject", "Enter a subject for the notice."),
        ("Subject", " \n ", "all", "body", "Enter the text of the notice."),
        (
            "Subject",
            "Text",
            "everyone",
            "audience",
            "Choose who receives the notice: all, not_linked or attorneys (not 'everyone').",
        ),
        ("x" * 201, "Text", "all", "subject", "Keep the subject to 200 characters (it has 201)."),
    ],
)
def test_bad_notices_are_refused(subject, body, audience, field, message):
    problems = rules.notice_problems(subject=subject, body=body, audience=audience)
    assert {name: found for name, found in problems.items() if found} == {field: [message]}


def test_every_problem_of_a_notice_is_named_at_once():
    assert rules.notice_problems(subject=" ", body="", audience="everyone") == {
        "subject": ["Enter a subject for the notice."],
        "body": ["Enter the text of the notice."],
        "audience": [
            "Choose who receives the notice: all, not_linked or attorneys (not 'everyone')."
        ],
    }


def test_a_good_notice_is_tidied():
    assert rules.clean_notice(
        subject="  NextGen   begins ", body="Line\r\nTwo\n", audience="all"
    ) == (
        "NextGen begins",
        "Line\nTwo",
        "all",
    )


def test_reminders_go_out_at_8_a_m_court_time_n_days_before():
    assert rules.reminder_moment(GO_LIVE, 30, CENTRAL) == datetime(
        2018, 3, 24, 8, 0, tzinfo=ZoneInfo(CENTRAL)
    )
    assert rules.reminder_moment(GO_LIVE, 1, CENTRAL).astimezone(UTC) == datetime(
        2018, 4, 22, 13, 0, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ([], "Enter at least one number of days before go-live, e.g. 30 7 1."),
        ([0], "Days before go-live must be between 1 and 365 (not 0)."),
        (["soon"], "Enter the days before go-live as whole numbers, e.g. 30 7 1."),
    ],
)
def test_bad_days_are_refused(days, message):
    assert rules.days_problems(days) == [message]


def test_days_are_distinct_and_largest_first():
    assert rules.days_problems([1, 30, "7", 30]) == []
    assert rules.clean_days([1, 30, "7", 30]) == [30, 7, 1]


def test_no_go_live_date_no_reminders():
    with pytest.raises(NoGoLiveDate) as refused:
        rules.reminder_moments(
            go_live=None, days=[7], time_zone=CENTRAL, short_name="D. Kan.", now=GO_LIVE
        )
    assert refused.value.message == (
        "D. Kan. has no NextGen go-live date: schedule it in the court settings first."
    )


def test_no_reminders_once_live():
    with pytest.raises(AlreadyLive):
        rules.reminder_moments(
            go_live=GO_LIVE, days=[7], time_zone=CENTRAL, short_name="W.D. Mo.", now=GO_LIVE
        )


def test_a_reminder_day_already_past_is_refused():
    now = datetime(2018, 4, 20, tzinfo=UTC)
    with pytest.raises(ReminderDayPassed) as refused:
        rules.reminder_moments(
            go_live=GO_LIVE, days=[7, 1], time_zone=CENTRAL, short_name="W.D. Mo.", now=now
        )
    assert refused.value.message == (
        "The day 7 days before go-live (April 16, 2018) has already passed: choose fewer days."
    )
