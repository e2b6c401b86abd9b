"""The outbox keeps what delivery needs: a fixed Message-ID per e-mail, when it is next due,
the lease of the worker sending it, and the "undeliverable" and "being sent" states.

Rows queued before this get ``<outbox-<id>@openecf>`` and are due at once.
"""

from django.db import migrations, models
from django.db.models import F


def fill(apps, schema_editor):
    OutboundEmail = apps.get_model("core", "OutboundEmail")
    for pk in OutboundEmail.objects.values_list("pk", flat=True):
        OutboundEmail.objects.filter(pk=pk).update(message_id=f"<outbox-{pk}@openecf>")
    OutboundEmail.objects.exclude(status="sent").update(next_attempt_at=F("created_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_squashed_0003_audit_subject"),
    ]

    operations = [
        migrations.AddField(
            model_name="outboundemail",
            name="message_id",
            field=models.CharField(max_length=255, null=True),
        ),
        migrations.AddField(
            model_name="outboundemail",
            name="next_attempt_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="outboundemail",
            name="lease_until",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="outboundemail",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Queued"),
                    ("sending", "Being sent"),
                    ("sent", "Sent"),
                    ("failed", "Failed (will be retried)"),
                    ("undeliverable", "Not delivered"),
                ],
                default="queued",
                max_length=16,
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outboundemail",
            name="message_id",
            field=models.CharField(max_length=255, unique=True),
        ),
        migrations.AddIndex(
            model_name="outboundemail",
            index=models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
        ),
    ]
