from datetime import UTC, datetime

import pytest

from openecf.core.clock import format_court_time


@pytest.mark.parametrize(
    ("moment", "zone", "expected"),
    [
        (
            datetime(2018, 4, 23, 5, 0, tzinfo=UTC),
            "America/Chicago",
            "April 23, 2018 at 12:00 a.m. Central",
        ),
        (
            datetime(2018, 7, 9, 18, 5, tzinfo=UTC),
            "America/Chicago",
            "July 9, 2018 at 1:05 p.m. Central",
        ),
        (
            datetime(2018, 1, 1, 17, 0, tzinfo=UTC),
            "America/New_York",
            "January 1, 2018 at 12:00 p.m. Eastern",
        ),
        (
            datetime(2018, 1, 1, 0, 0, tzinfo=UTC),
            "Pacific/Guam",
            "January 1, 2018 at 10:00 a.m. Chamorro",
        ),
    ],
)
def test_court_time_is_written_the_way_a_court_notice_writes_it(moment, zone, expected):
    assert format_court_time(moment, zone) == expected
