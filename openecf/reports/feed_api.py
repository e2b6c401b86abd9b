"""The RSS feed's court setting in the JSON API: which event categories the feed carries."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.courts.access import clerk_court
from openecf.reports.feed import FeedChoice, choose_feed, feed_choice

router = Router(tags=["reports"])
FEED_SETTING = "RSS feed setting"


class FeedSettingOut(Schema):
    every_category: bool
    categories: list[str]  # when not every category: those the feed carries
    available: list[str]  # the court's event categories
    changed_at: datetime | None
    feed: str  # the feed's path


class FeedSettingIn(Schema):
    every_category: bool
    categories: list[str] = []


def _out(court_id: str, choice: FeedChoice) -> FeedSettingOut:
    return FeedSettingOut(
        every_category=choice.every_category,
        categories=list(choice.categories),
        available=list(choice.available),
        changed_at=choice.changed_at,
        feed=f"/{court_id}/cgi-bin/rss_outside.pl",
    )


@router.get(
    "/courts/{court_id}/rss-feed",
    auth=signed_in,
    response={200: FeedSettingOut, 401: ErrorOut, 404: ErrorOut},
    summary="Which event categories the court's RSS feed carries (the clerk's setting)",
)
def get_feed_setting(request: HttpRequest, court_id: str):
    court = clerk_court(request, court_id, what=FEED_SETTING)
    return _out(court.pk, feed_choice(court_id=court.pk))


@router.put(
    "/courts/{court_id}/rss-feed",
    auth=signed_in,
    response={200: FeedSettingOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Choose the event categories of the court's RSS feed (every one, or those named)",
)
def put_feed_setting(request: HttpRequest, court_id: str, body: FeedSettingIn):
    court = clerk_court(request, court_id, what=FEED_SETTING)
    choice = choose_feed(
        actor_id=request.auth.pk,
        court=court,
        every_category=body.every_category,
        categories=body.categories,
    )
    return _out(court.pk, choice)
