"""A court's CM/ECF status is derived from its go-live moment in the court's own time zone."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from openecf.courts import rules

CENTRAL = "America/Chicago"


def test_midnight_go_live_is_midnight_court_time():
    moment = rules.go_live_moment(date(2018, 4, 23), CENTRAL)
    assert moment.astimezone(UTC) == datetime(2018, 4, 23, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("utc_now", "expected"),
    [
        # 23:59:59 Central on April 22 = 04:59:59 UTC April 23: still legacy.
        (datetime(2018, 4, 23, 4, 59, 59, tzinfo=UTC), "legacy"),
        # Already April 23 in UTC, but not yet in Missouri.
        (datetime(2018, 4, 23, 0, 30, tzinfo=UTC), "legacy"),
        (datetime(2018, 4, 23, 5, 0, 0, tzinfo=UTC), "nextgen"),
        (datetime(2019, 1, 1, tzinfo=UTC), "nextgen"),
    ],
)
def test_status_turns_nextgen_at_midnight_in_the_courts_zone(utc_now, expected):
    go_live = rules.go_live_moment(date(2018, 4, 23), CENTRAL)
    assert rules.cmecf_status(go_live, utc_now) == expected


def test_the_same_date_goes_live_earlier_in_guam_than_in_missouri():
    guam = rules.go_live_moment(date(2018, 4, 23), "Pacific/Guam")
    missouri = rules.go_live_moment(date(2018, 4, 23), CENTRAL)
    assert missouri - guam == timedelta(hours=15)
    between = guam + timedelta(hours=1)
    assert rules.cmecf_status(guam, between) == "nextgen"
    assert rules.cmecf_status(missouri, between) == "legacy"


def test_an_unscheduled_court_is_legacy():
    assert rules.cmecf_status(None, datetime(2030, 1, 1, tzinfo=UTC)) == "legacy"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-04-23", datetime(2018, 4, 23, 0, 0, tzinfo=ZoneInfo(CENTRAL))),
        ("2018-04-23T08:30", datetime(2018, 4, 23, 8, 30, tzinfo=ZoneInfo(CENTRAL))),
        ("2018-04-23 08:30", datetime(2018, 4, 23, 8, 30, tzinfo=ZoneInfo(CENTRAL))),
        ("2018-04-23T13:00+00:00", datetime(2018, 4, 23, 13, 0, tzinfo=UTC)),
    ],
)
def test_go_live_text_is_read_as_court_time(text, expected):
    assert rules.parse_go_live(text, CENTRAL) == expected


@pytest.mark.parametrize("text", ["", "23/04/2018", "2018-13-01", "tomorrow"])
def test_go_live_text_that_is_not_a_date_says_how_to_write_it(text):
    with pytest.raises(ValueError, match="write the go-live date as YYYY-MM-DD"):
        rules.parse_go_live(text, CENTRAL)


@pytest.mark.parametrize(
    ("text", "offices"),
    [
        (
            "4 Western Division\n2 Central Division",
            [(2, "Central Division"), (4, "Western Division")],
        ),
        ("\n 6 — Southern Division (Springfield) \n\n", [(6, "Southern Division (Springfield)")]),
        ("", []),
    ],
)
def test_divisional_offices_are_read_one_per_line(text, offices):
    assert rules.parse_offices(text) == offices


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Western Division", "Line 1: start with the office number, one digit 0-9"),
        ("4 Western\n12 Other", "Line 2: start with the office number, one digit 0-9"),
        ("4", "Line 1: give the office a name after its number."),
        ("4 A\n4 B", "Line 2: office 4 is listed twice."),
    ],
)
def test_bad_office_lines_say_which_line_to_fix(text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        rules.parse_offices(text)
