"""Firm test data, importable by any app's tests: a firm with its PACER Administrative Account
(the office manager signs in with it), and members."""

from __future__ import annotations

from datetime import UTC, datetime

import factory

from openecf.firms.models import Firm, FirmInvitation, FirmMembership
from openecf.tests_support.factories import AccountFactory


class PaaFactory(AccountFactory):
    kind = "administrative"
    first_name = "Olive"
    last_name = "Manager"
    username = factory.Sequence(lambda n: f"firmadmin{n:03d}")


class FirmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Firm

    name = factory.Sequence(lambda n: f"Jefferson & Clay {n} LLP")
    paa = factory.SubFactory(PaaFactory)
    contact_name = "Olive Manager"
    created_at = factory.LazyFunction(lambda: datetime(2018, 1, 15, tzinfo=UTC))


def pending_invitation(firm: Firm, account, *, remark: str = "x") -> FirmInvitation:
    """A pending invitation of ``account`` into ``firm``, sent when the firm registered."""
    return FirmInvitation.objects.create(
        firm=firm, account=account, remark=remark, created_at=firm.created_at
    )


def add_member(firm: Firm, account, *, joined_at: datetime | None = None) -> FirmMembership:
    """Link ``account`` to ``firm`` as if it had accepted an invitation."""
    when = joined_at or datetime(2018, 2, 1, tzinfo=UTC)
    invitation = FirmInvitation.objects.create(
        firm=firm,
        account=account,
        remark="Kansas City office",
        status=FirmInvitation.Status.ACCEPTED,
        created_at=when,
        decided_at=when,
    )
    return FirmMembership.objects.create(
        firm=firm, account=account, invitation=invitation, joined_at=when
    )
