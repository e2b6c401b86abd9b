"""The fee an approved request records: the court's setting, the national schedule by default."""

from __future__ import annotations

from decimal import Decimal

import pytest

from openecf.courts.models import CourtFee
from openecf.registrations import queries


@pytest.mark.parametrize(
    ("court_id", "kind", "fee"),
    [
        ("mowd", "attorney_admission", ("attorney_admission", Decimal("199.00"))),
        ("mowd", "pro_hac_vice", ("pro_hac_vice", Decimal("100.00"))),
        ("mowd", "efile_registration", None),
        ("mowd", "pro_se", None),
        ("mowb", "efile_registration", None),
        ("mowb", "pro_hac_vice", None),
        ("ca8", "attorney_admission", None),
    ],
)
def test_the_fee_owed_on_approval_depends_on_the_court_kind(courts, court_id, kind, fee):
    assert queries.fee_owed(court_id, kind) == fee


def test_the_fee_owed_on_approval_is_the_courts_own_setting(mowd):
    CourtFee.objects.create(court=mowd, kind="pro_hac_vice", amount=Decimal("150.00"))
    CourtFee.objects.create(court=mowd, kind="attorney_admission", amount=Decimal("0"))

    assert queries.fee_owed("mowd", "pro_hac_vice") == ("pro_hac_vice", Decimal("150.00"))
    assert queries.fee_owed("mowd", "attorney_admission") is None
