"""A public user whose PACER bill is past due (the 2026Q3 invoice, unpaid in December)."""

from __future__ import annotations

from contextlib import contextmanager

import time_machine

from openecf.billing import actions
from openecf.billing.models import AccessCharge
from openecf.billing.tests.conftest import run_up


@contextmanager
def suspend(account):
    """Inside: the account is suspended; yields how many charges it had."""
    with time_machine.travel("2026-08-14T15:00:00Z", tick=False) as traveller:
        run_up(account, 45)
        traveller.move_to("2026-10-02T15:00:00Z")
        actions.close_quarter(quarter="2026Q3")
        traveller.move_to("2026-12-02T15:00:00Z")
        yield AccessCharge.objects.count()
