"""Why a notice to the bar was refused."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError


class NoGoLiveDate(DomainError, code="no_go_live_date"): ...


class AlreadyLive(DomainError, code="already_live"): ...


class ReminderDayPassed(DomainError, code="reminder_day_passed"): ...


class ReminderAlreadyScheduled(Conflict, code="reminder_already_scheduled"): ...


class NoticeAlreadySent(Conflict, code="already_sent"): ...


class NoticeCancelled(Conflict, code="notice_cancelled"): ...


class AddressAlreadyListed(Conflict, code="address_already_listed"): ...
