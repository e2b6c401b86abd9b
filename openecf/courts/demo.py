"""The letter's courts: W.D. Mo. district (2018-04-23) and bankruptcy (2018-07-09), the
Eighth Circuit live, and one court whose go-live is still ahead."""

from __future__ import annotations

from datetime import date, timedelta

from openecf.core import clock
from openecf.courts import actions, rules
from openecf.courts.models import Court, DivisionalOffice

LOGINS: list = []

# A court still on its own logins, so the pre-go-live state can be seen.
FUTURE_COURT = "ksd"


def load() -> list:
    actions.seed_courts()
    plan = {
        "mowd": date(2018, 4, 23),
        "mowb": date(2018, 7, 9),
        "ca8": date(2016, 1, 1),
    }
    for court_id, day in plan.items():
        court = Court.objects.get(pk=court_id)
        moment = rules.go_live_moment(day, court.time_zone)
        if court.nextgen_go_live != moment:
            actions.schedule_go_live(actor_id=None, court=court, go_live=moment)
    future = Court.objects.get(pk=FUTURE_COURT)
    if future.nextgen_go_live is None or future.nextgen_go_live <= clock.now():
        day = clock.in_zone(clock.now(), future.time_zone).date() + timedelta(days=60)
        actions.schedule_go_live(
            actor_id=None, court=future, go_live=rules.go_live_moment(day, future.time_zone)
        )
    contacts = {
        "mowd": (
            "(573) 636-4015",
            "jcgen@mow.uscourts.gov",
            "Questions regarding attorney password accounts may be e-mailed to the District Court.",
        ),
        "mowb": ("(816) 512-1838", "", "Bankruptcy Clerk's Office."),
    }
    for court_id, (phone, email, help_text) in contacts.items():
        court = Court.objects.get(pk=court_id)
        if (court.clerk_phone, court.clerk_email, court.clerk_help_text) != (
            phone,
            email,
            help_text,
        ):
            actions.update_court_settings(
                actor_id=None,
                court=court,
                nextgen_go_live=court.nextgen_go_live,
                pdf_size_limit_mb=court.pdf_size_limit_mb,
                clerk_phone=phone,
                clerk_email=email,
                clerk_help_text=help_text,
            )
    for number, name in [
        (2, "Central Division (Jefferson City)"),
        (3, "Southwestern Division (Joplin)"),
        (4, "Western Division (Kansas City)"),
        (5, "St. Joseph Division"),
        (6, "Southern Division (Springfield)"),
    ]:
        DivisionalOffice.objects.get_or_create(
            court_id="mowd", number=number, defaults={"name": name}
        )
    return LOGINS
