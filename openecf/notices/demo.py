"""Demo notices: a notice to the bar sent at W.D. Mo. (to the logins not linked yet) and go-live
reminders scheduled at D. Kan., which goes live 60 days after the demo is loaded."""

from __future__ import annotations

import contextlib

from openecf.core.errors import DomainError
from openecf.courts.models import Court, CourtStaff
from openecf.notices import actions
from openecf.notices.models import BarNotice

LINK_SUBJECT = "NextGen CM/ECF is live: link your CM/ECF login to your PACER account"
LINK_BODY = (
    "The Western District of Missouri upgraded to NextGen CM/ECF on April 23, 2018.\n\n"
    "Attorneys cannot file until their CM/ECF account is linked to their upgraded individual "
    "PACER account. Sign in with your upgraded PACER account, then choose Utilities → Link a "
    "CM/ECF account to my PACER account, and enter your old CM/ECF login and password.\n\n"
    'If you do not know your CM/ECF password, use "Forgot your password" on the court\'s '
    "CM/ECF login page. Questions: jcgen@mow.uscourts.gov or (573) 636-4015."
)


LOGINS: list = []  # the W.D. Mo. clerk's login comes from the ecf demo


def _clerk_id() -> int | None:
    """The W.D. Mo. clerk the ecf demo creates (notices are sent in their name)."""
    return (
        CourtStaff.objects.filter(court_id="mowd", role=CourtStaff.Role.CLERK)
        .order_by("pk")
        .values_list("account_id", flat=True)
        .first()
    )


def load() -> list:
    clerk_id = _clerk_id()
    mowd = Court.objects.get(pk="mowd")
    if not BarNotice.objects.filter(court=mowd, subject=LINK_SUBJECT).exists():
        actions.send_new_notice(
            court=mowd,
            actor_id=clerk_id,
            subject=LINK_SUBJECT,
            body=LINK_BODY,
            audience="not_linked",
        )
    ksd = Court.objects.get(pk="ksd")
    # Already scheduled (the demo was loaded before), or the day has passed: nothing to do.
    with contextlib.suppress(DomainError):
        actions.schedule_go_live_reminders(
            court=ksd, actor_id=None, days_before=[30, 7, 1], audience="all"
        )
    return LOGINS
