"""``one_or_none``: the row a unique key selects, or None, and never a silent pick of many."""

from __future__ import annotations

import pytest
from django.core.exceptions import MultipleObjectsReturned
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openecf.core.models import AuditChain
from openecf.core.records import one_or_none

pytestmark = pytest.mark.django_db


def test_the_row_a_unique_key_selects_is_read_without_an_order_by():
    chain = AuditChain.objects.create(name="central")

    with CaptureQueriesContext(connection) as captured:
        found = one_or_none(AuditChain.objects.filter(name="central"))

    assert found == chain
    assert "ORDER BY" not in captured.captured_queries[0]["sql"]


def test_no_row_is_none():
    assert one_or_none(AuditChain.objects.filter(name="nowhere")) is None


def test_more_than_one_row_is_an_error_not_a_pick():
    AuditChain.objects.create(name="mowd")
    AuditChain.objects.create(name="ksd")

    with pytest.raises(MultipleObjectsReturned):
        one_or_none(AuditChain.objects.all())
