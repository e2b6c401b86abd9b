"""Test data for a court's CM/ECF logins and filing privileges, importable by any app's tests.

The one place that knows how to build a ``CourtLogin`` or a ``FilingPrivilege``: a new
required field is added here once, not in every app's tests.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import factory

from openecf.ecf.models import CourtFeeOwed, CourtLogin, FilingPrivilege
from openecf.tests_support.factories import hashed

# Every test court login's password, as the attorney typed it into the old CM/ECF.
COURT_PASSWORD = "Old-Ecf-Pass-7"
LINKED_AT = datetime(2018, 5, 1, tzinfo=UTC)


class CourtLoginFactory(factory.django.DjangoModelFactory):
    """An unlinked CM/ECF login of an attorney, as the court's old system holds it."""

    class Meta:
        model = CourtLogin

    login = factory.Sequence(lambda n: f"ecf{n:04d}")
    password = factory.LazyFunction(lambda: hashed(COURT_PASSWORD))
    first_name = "Eve"
    last_name = factory.Sequence(lambda n: f"Filer{n}")
    email = factory.LazyAttribute(lambda o: f"{o.login}@lawfirm.example")
    bar_id = factory.Sequence(lambda n: f"{50000 + n}")
    bar_state = "MO"
    role = CourtLogin.Role.ATTORNEY
    case_count = 12
    created_at = factory.LazyFunction(lambda: datetime(2015, 1, 5, tzinfo=UTC))


class FilingPrivilegeFactory(factory.django.DjangoModelFactory):
    """An attorney's right to file at a court, granted by an approved request."""

    class Meta:
        model = FilingPrivilege

    kind = FilingPrivilege.Kind.ATTORNEY
    source = FilingPrivilege.Source.APPROVED_REQUEST
    granted_at = factory.LazyFunction(lambda: LINKED_AT)


class LinkedCourtLoginFactory(CourtLoginFactory):
    """A login already linked to ``linked_account``, with the filing privilege linking gives.

    Pass ``linked_account=``; name, e-mail and court come with it unless given.
    ``LinkedCourtLoginFactory(court=mowd, linked_account=alice, privilege=None)`` links
    without the privilege.
    """

    class Meta:
        skip_postgeneration_save = True

    first_name = factory.LazyAttribute(lambda o: o.linked_account.first_name)
    last_name = factory.LazyAttribute(lambda o: o.linked_account.last_name)
    email = factory.LazyAttribute(lambda o: o.linked_account.email)
    linked_at = factory.LazyFunction(lambda: LINKED_AT)
    privilege = factory.RelatedFactory(
        FilingPrivilegeFactory,
        factory_related_name="court_login",
        court=factory.LazyAttribute(lambda p: p.court_login.court),
        account=factory.LazyAttribute(lambda p: p.court_login.linked_account),
        source=FilingPrivilege.Source.LINKED_LOGIN,
        granted_at=factory.LazyAttribute(lambda p: p.court_login.linked_at),
    )


class CourtFeeOwedFactory(factory.django.DjangoModelFactory):
    """A pro hac vice fee owed (pass ``court=`` and ``account=``), recorded Nov 30, 2026."""

    class Meta:
        model = CourtFeeOwed

    kind = CourtFeeOwed.Kind.PRO_HAC_VICE
    amount = Decimal("100.00")
    created_at = factory.LazyFunction(lambda: datetime(2026, 11, 30, 15, tzinfo=UTC))
    due_on = date(2026, 11, 30)
    reference = factory.Sequence(lambda n: f"registration:{n + 1}")
