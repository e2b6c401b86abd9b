"""The shared test helpers do what the suite relies on them for."""

from __future__ import annotations

import pytest

from openecf.tests_support.database import uses_database


def test_a_test_without_the_database_is_not_checked_after(request):
    assert uses_database(request) is False


def test_a_test_asking_for_the_database_is_checked_after(request, db):
    assert uses_database(request) is True


@pytest.mark.django_db
def test_a_test_marked_for_the_database_is_checked_after_with_the_database_open(request):
    from openecf.courts.models import Court

    assert uses_database(request) is True
    assert Court.objects.count() == 0  # the database answers: it was set up for the check


def test_each_seeded_court_fixture_is_the_court_of_its_name(mowd, mowb, ksd, ca8):
    assert [mowd.pk, mowb.pk, ksd.pk, ca8.pk] == ["mowd", "mowb", "ksd", "ca8"]
