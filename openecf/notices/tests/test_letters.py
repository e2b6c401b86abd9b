"""Notices to the bar as e-mailed, and the go-live reminder's text (pure: no database)."""

import pytest

from openecf.core.letters import Letter
from openecf.notices import letters


def test_a_notice_ends_with_who_sent_it_to_whom_and_the_archive():
    letter = letters.bar_notice(
        court_name="U.S. District Court for the Western District of Missouri",
        short_name="W.D. Mo.",
        subject="Clerk's office closed on Friday",
        body="The clerk's office is closed on Friday.",
        audience="not_linked",
        archive_url="https://ecf.example/mowd/notices/",
    )
    assert letter == Letter(
        "W.D. Mo.: Clerk's office closed on Friday",
        "The clerk's office is closed on Friday.\n\n--\n"
        "Notice to the bar from the Clerk's Office, U.S. District Court for the Western District "
        "of Missouri. Sent to filers whose CM/ECF login is not linked yet registered to file at "
        "this court.\nArchive of notices: https://ecf.example/mowd/notices/\n",
    )


@pytest.mark.parametrize(
    ("days", "subject"),
    [
        (1, "NextGen CM/ECF begins April 23, 2018: 1 day to go"),
        (30, "NextGen CM/ECF begins April 23, 2018: 30 days to go"),
    ],
)
def test_reminder_subjects_count_the_days(days, subject):
    reminder = letters.go_live_reminder(
        court_name="U.S. District Court for the Western District of Missouri",
        go_live_text="April 23, 2018 at 12:00 a.m. Central",
        go_live_day="April 23, 2018",
        days_before=days,
    )
    assert reminder.subject == subject
    assert reminder.text.startswith(
        "The U.S. District Court for the Western District of Missouri moves to NextGen CM/ECF "
        "with PACER Central Sign-On on April 23, 2018 at 12:00 a.m. Central."
    )
