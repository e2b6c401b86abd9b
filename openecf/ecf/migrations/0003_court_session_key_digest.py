"""Court-local sessions keep only a SHA-256 digest of their key.

The sessions already stored held plain keys; they last 8 hours at most, so they are ended by
deleting them (their holders sign in again at the court).
"""

from django.db import migrations, models


def delete_plain_key_sessions(apps, schema_editor):
    apps.get_model("ecf", "CourtLoginSession").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ecf", "0002_courtloginreset_courtloginsession_courtloginagent_and_more"),
    ]

    operations = [
        migrations.RunPython(delete_plain_key_sessions, migrations.RunPython.noop),
        migrations.RemoveField(model_name="courtloginsession", name="key"),
        migrations.AddField(
            model_name="courtloginsession",
            name="key_digest",
            field=models.CharField(default="", max_length=64, unique=True),
            preserve_default=False,
        ),
    ]
