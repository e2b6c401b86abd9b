"""Stored secrets a database leak must not expose, encrypted with keys kept outside it.

TOTP secrets are the case: with one, anyone can make a person's second-factor codes. They are
stored as Fernet tokens (AES-128-CBC with HMAC-SHA256, ``cryptography``) under the keys of
``settings.OPENECF_ENCRYPTION_KEYS``: the first key encrypts, every key decrypts, so a new key
is added first, ``openecf encryption rotate`` re-encrypts every row with it, and the old key is
then dropped (docs/security.md). Models use ``EncryptedCharField``; nothing else reads tokens.
"""

from __future__ import annotations

import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models

TOKEN_PREFIX = "gAAAAA"  # every Fernet token starts so (version byte 0x80 and a timestamp)


class SecretUnreadable(Exception):
    """A stored secret was encrypted under a key that is not configured."""


@functools.cache
def _box(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _current() -> MultiFernet:
    return _box(tuple(settings.OPENECF_ENCRYPTION_KEYS))


def seal(text: str) -> str:
    """``text`` encrypted under the first configured key."""
    return _current().encrypt(text.encode()).decode()


def unseal(token: str) -> str:
    """The text of a token made by ``seal`` under any configured key."""
    try:
        return _current().decrypt(token.encode()).decode()
    except InvalidToken:
        raise SecretUnreadable(
            "A stored secret cannot be decrypted with OPENECF_ENCRYPTION_KEYS: the key it was "
            "encrypted with is missing (keep old keys after the new one until rotated)."
        ) from None


def is_sealed(value: str) -> bool:
    return value.startswith(TOKEN_PREFIX)


class EncryptedCharField(models.CharField):
    """Text stored encrypted: plain in Python, a Fernet token in the database ("" stays "").

    Tokens differ each time, so the field cannot be filtered on; compare in Python.
    """

    def from_db_value(self, value, expression, connection):
        return unseal(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return seal(value) if value else value


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    """Every (model, field name) stored with ``EncryptedCharField``."""
    from django.apps import apps

    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedCharField)
    ]


def reencrypt_all() -> int:
    """Re-encrypt every stored secret under the first key (after adding a key); how many."""
    from django.db import transaction

    count = 0
    for model, name in encrypted_fields():
        with transaction.atomic():
            rows = model._default_manager
            for pk, value in rows.exclude(**{name: ""}).values_list("pk", name):
                rows.filter(pk=pk).update(**{name: value})
                count += 1
    return count
