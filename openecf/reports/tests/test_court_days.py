"""The docket report's dates: ``sheet.CourtDays`` keeps the last court day's bounds, and the
day it writes is the court's, across a change of daylight saving time (also one at midnight),
for aware and naive (SQLite's) moments, in zones of whole and of half hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from openecf.reports.sheet import CourtDays


def _expected(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%m/%d/%Y")


@pytest.mark.parametrize(
    "zone",
    ["America/Chicago", "America/New_York", "Pacific/Guam", "Asia/Kolkata", "America/Havana"],
)
def test_every_quarter_hour_across_daylight_saving_changes(zone: str) -> None:
    court = ZoneInfo(zone)
    aware, naive = CourtDays(court), CourtDays(court)  # a stream's moments are all one kind
    for start in (datetime(2026, 3, 7, tzinfo=UTC), datetime(2026, 10, 31, tzinfo=UTC)):
        for quarter in range(4 * 24 * 3):
            moment = start + timedelta(minutes=15 * quarter)
            assert aware(moment) == _expected(moment, court), moment
            as_sqlite_gives_it = moment.replace(tzinfo=None)
            assert naive(as_sqlite_gives_it) == _expected(moment, court), moment


def test_a_moment_after_another_day_is_written_anew() -> None:
    days = CourtDays(ZoneInfo("America/Chicago"))
    moment = datetime(2026, 12, 1, 5, 10, tzinfo=UTC)
    assert days(moment) == "11/30/2026"  # 23:10 in Kansas City
    assert days(moment + timedelta(minutes=49)) == "11/30/2026"
    assert days(moment + timedelta(minutes=50)) == "12/01/2026"  # 00:00 in Kansas City
    assert days(moment - timedelta(days=3)) == "11/27/2026"  # newest first: back in time
    assert days(moment + timedelta(minutes=50)) == "12/01/2026"
