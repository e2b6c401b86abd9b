import pytest

from openecf.firms.factories import FirmFactory
from openecf.firms.models import Firm


@pytest.fixture
def firm(office_manager):
    """Jefferson & Clay LLP; ``firm.paa`` is the ``office_manager`` persona."""
    return Firm.objects.get(paa=office_manager)


@pytest.fixture
def other_firm(db):
    return FirmFactory(name="Kessler Webb LLP")
