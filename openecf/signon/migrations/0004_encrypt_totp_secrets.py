# Encrypt the TOTP secrets already stored in plain text (docs/security.md).

import openecf.core.encryption
from django.db import migrations

TABLES = ["signon_authenticatorapp", "signon_appenrolment"]


def _rewrite(schema_editor, change):
    """Rewrite each non-empty secret with ``change`` (raw SQL: the plain values are not
    tokens, so the encrypted field could not read them)."""
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"SELECT id, secret FROM {quote(table)} WHERE secret <> ''")
            for pk, value in cursor.fetchall():
                new = change(value)
                if new != value:
                    cursor.execute(
                        f"UPDATE {quote(table)} SET secret = %s WHERE id = %s", [new, pk]
                    )


def encrypt(apps, schema_editor):
    from openecf.core import encryption

    _rewrite(
        schema_editor,
        lambda value: value if encryption.is_sealed(value) else encryption.seal(value),
    )


def decrypt(apps, schema_editor):
    from openecf.core import encryption

    _rewrite(
        schema_editor,
        lambda value: encryption.unseal(value) if encryption.is_sealed(value) else value,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("signon", "0003_delete_signonthrottle"),
    ]

    operations = [
        migrations.AlterField(
            model_name="appenrolment",
            name="secret",
            field=openecf.core.encryption.EncryptedCharField(blank=True, max_length=255),
        ),
        migrations.AlterField(
            model_name="authenticatorapp",
            name="secret",
            field=openecf.core.encryption.EncryptedCharField(max_length=255),
        ),
        migrations.RunPython(encrypt, decrypt),
    ]
