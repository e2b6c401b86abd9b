"""A court password reset link stores its expiry, as every single-use link does (SingleUseLink).

Existing links keep their hour: expires_at = created_at + 1 hour. The digest column takes the
shared name (token_digest); the digests themselves are unchanged.
"""

from datetime import timedelta

from django.db import migrations, models
from django.db.models import F


def expire_an_hour_after_creation(apps, schema_editor):
    CourtLoginReset = apps.get_model("ecf", "CourtLoginReset")
    CourtLoginReset.objects.update(expires_at=F("created_at") + timedelta(hours=1))


class Migration(migrations.Migration):
    dependencies = [
        ("ecf", "0005_court_login_indexes"),
    ]

    operations = [
        migrations.RenameField(
            model_name="courtloginreset", old_name="token_hash", new_name="token_digest"
        ),
        migrations.AddField(
            model_name="courtloginreset",
            name="expires_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(expire_an_hour_after_creation, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="courtloginreset",
            name="expires_at",
            field=models.DateTimeField(),
        ),
    ]
