"""TOTP secrets are stored encrypted under keys kept outside the database, and can be rotated."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from openecf import config
from openecf.core import encryption
from openecf.signon.models import AuthenticatorApp
from openecf.signon.tests.factories import SECRET, add_app

pytestmark = pytest.mark.django_db


def stored(app) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM signon_authenticatorapp WHERE id = %s", [app.pk])
        return cursor.fetchone()[0]


def test_a_totp_secret_is_not_in_the_database_in_plain_text(public_user):
    app = add_app(public_user)
    raw = stored(app)
    assert SECRET not in raw
    assert encryption.is_sealed(raw)
    assert AuthenticatorApp.objects.get(pk=app.pk).secret == SECRET


def test_a_new_key_first_then_rotate_then_the_old_key_can_go(public_user, settings):
    old = settings.OPENECF_ENCRYPTION_KEYS[0]
    new = config.new_encryption_key()
    app = add_app(public_user)
    settings.OPENECF_ENCRYPTION_KEYS = (new, old)
    assert AuthenticatorApp.objects.get(pk=app.pk).secret == SECRET  # old rows still read
    call_command("encryption", "rotate", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.OPENECF_ENCRYPTION_KEYS = (new,)
    assert AuthenticatorApp.objects.get(pk=app.pk).secret == SECRET


def test_dropping_a_key_before_rotating_says_what_is_wrong(public_user, settings):
    app = add_app(public_user)
    settings.OPENECF_ENCRYPTION_KEYS = (config.new_encryption_key(),)
    with pytest.raises(encryption.SecretUnreadable, match="OPENECF_ENCRYPTION_KEYS"):
        AuthenticatorApp.objects.get(pk=app.pk)


def test_development_keeps_a_key_file_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENECF_ENCRYPTION_KEYS", raising=False)
    keys = config.encryption_keys(False, tmp_path)
    assert (tmp_path / "encryption_keys").read_text().split() == list(keys)
    assert (tmp_path / "encryption_keys").stat().st_mode & 0o777 == 0o600
    assert config.encryption_keys(False, tmp_path) == keys


def test_production_needs_the_keys_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENECF_ENCRYPTION_KEYS", raising=False)
    with pytest.raises(config.SettingsError, match="OPENECF_ENCRYPTION_KEYS is not set"):
        config.encryption_keys(True, tmp_path)
    monkeypatch.setenv("OPENECF_ENCRYPTION_KEYS", "not-a-key")
    with pytest.raises(config.SettingsError, match="not 32 bytes"):
        config.encryption_keys(True, tmp_path)
    key = config.new_encryption_key()
    monkeypatch.setenv("OPENECF_ENCRYPTION_KEYS", f"{key}, {config.new_encryption_key()}")
    assert config.encryption_keys(True, tmp_path)[0] == key
