"""Sign-on test data any app's tests may import (factory_boy, never JSON fixtures).

``AuthenticatorAppFactory(account=attorney)`` enrols an account in MFA for real, so tests of
code that asks ``signon.facade.has_mfa`` go through the same branch as production.
"""

from __future__ import annotations

from datetime import UTC, datetime

import factory

from openecf.signon.models import AuthenticatorApp

# A well-known RFC 6238 test secret: ``rules.totp_code(SECRET, step)`` gives the app's codes.
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class AuthenticatorAppFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuthenticatorApp

    account = None  # pass the account: AuthenticatorAppFactory(account=attorney)
    name = "Phone"  # unique per account: name a second app
    secret = SECRET
    created_at = factory.LazyFunction(lambda: datetime(2025, 1, 6, 15, 0, tzinfo=UTC))
