import pytest

from openecf.firms.tests.factories import FirmFactory


@pytest.fixture
def firm(db):
    return FirmFactory(name="Jefferson & Clay LLP")


@pytest.fixture
def paa(firm):
    """The firm's PACER Administrative Account: the office manager signs in with it."""
    return firm.paa


@pytest.fixture
def other_firm(db):
    return FirmFactory(name="Kessler Webb LLP")
