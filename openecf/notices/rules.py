"""Pure notice rules: input checks, reminder days and texts (no database, no clock)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from openecf.notices.errors import (
    AlreadyLive,
    NoGoLiveDate,
    ReminderDayPassed,
)

AUDIENCES = {
    "all": "all filers at the court",
    "not_linked": "filers whose CM/ECF login is not linked yet",
    "attorneys": "attorneys",
}
SUBJECT_MAX = 200
BODY_MAX = 20_000
DEFAULT_REMINDER_DAYS = (30, 7, 1)
REMINDER_TIME = time(8, 0)  # 8:00 a.m. court time
MAX_DAYS_BEFORE = 365


def clean_notice(*, subject: str, body: str, audience: str) -> tuple[str, str, str]:
    """The notice as it is kept: the subject on one line, the body without Windows newlines."""
    return " ".join((subject or "").split()), (body or "").strip().replace("\r\n", "\n"), audience


def notice_problems(*, subject: str, body: str, audience: str) -> dict[str, list[str]]:
    """Subject and body required and not too long; audience one of all, not_linked, attorneys."""
    subject, body, audience = clean_notice(subject=subject, body=body, audience=audience)
    problems: dict[str, list[str]] = {"subject": [], "body": [], "audience": []}
    if not subject:
        problems["subject"].append("Enter a subject for the notice.")
    elif len(subject) > SUBJECT_MAX:
        problems["subject"].append(
            f"Keep the subject to {SUBJECT_MAX} characters (it has {len(subject)})."
        )
    if not body:
        problems["body"].append("Enter the text of the notice.")
    elif len(body) > BODY_MAX:
        problems["body"].append(
            f"Keep the notice to {BODY_MAX:,} characters (it has {len(body):,})."
        )
    if audience not in AUDIENCES:
        problems["audience"].append(
            f"Choose who receives the notice: all, not_linked or attorneys (not {audience!r})."
        )
    return problems


def days_problems(days: Iterable[int]) -> list[str]:
    """Whole days, at least one, each 1 to 365."""
    try:
        chosen = {int(d) for d in days}
    except (TypeError, ValueError):
        return ["Enter the days before go-live as whole numbers, e.g. 30 7 1."]
    if not chosen:
        return ["Enter at least one number of days before go-live, e.g. 30 7 1."]
    bad = [d for d in sorted(chosen, reverse=True) if not 1 <= d <= MAX_DAYS_BEFORE]
    if bad:
        return [f"Days before go-live must be between 1 and {MAX_DAYS_BEFORE} (not {bad[0]})."]
    return []


def reminder_problems(*, days_before: Iterable[int], audience: str) -> dict[str, list[str]]:
    audience_problems = (
        []
        if audience in AUDIENCES
        else [
            f"Choose who receives the reminders: all, not_linked or attorneys (not {audience!r})."
        ]
    )
    return {"days_before": days_problems(days_before), "audience": audience_problems}


def clean_days(days: Iterable[int]) -> list[int]:
    """Distinct days, largest first (check ``days_problems`` first)."""
    return sorted({int(d) for d in days}, reverse=True)


def reminder_moment(go_live: datetime, days_before: int, time_zone: str) -> datetime:
    """8:00 a.m. court time on the day ``days_before`` days before the go-live day."""
    zone = ZoneInfo(time_zone)
    day: date = go_live.astimezone(zone).date() - timedelta(days=days_before)
    return datetime.combine(day, REMINDER_TIME, tzinfo=zone)


def reminder_moments(
    *, go_live: datetime | None, days: list[int], time_zone: str, short_name: str, now: datetime
) -> dict[int, datetime]:
    """When each reminder goes out; refuses a court with no go-live, or one already live."""
    if go_live is None:
        raise NoGoLiveDate(
            f"{short_name} has no NextGen go-live date: schedule it in the court settings first.",
            field="days_before",
        )
    if now >= go_live:
        raise AlreadyLive(
            f"{short_name} is already live on NextGen CM/ECF: go-live reminders are for the "
            "days before go-live. Send a notice instead.",
            field="days_before",
        )
    moments = {d: reminder_moment(go_live, d, time_zone) for d in days}
    passed = [d for d, moment in moments.items() if moment <= now]
    if passed:
        day = moments[passed[0]].astimezone(ZoneInfo(time_zone))
        raise ReminderDayPassed(
            f"The day {passed[0]} day{'' if passed[0] == 1 else 's'} before go-live "
            f"({day:%B} {day.day}, {day.year}) has "
            "already passed: choose fewer days.",
            field="days_before",
        )
    return moments
