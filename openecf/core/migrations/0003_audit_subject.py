"""The audit log's subject gets typed columns (kind, id) so a history is one indexed query.

Existing rows take theirs from the ``subject`` string they were hashed with ("account:12" ->
"account", "12"; "courts" -> "courts", ""), so every old row still verifies.
"""

from django.db import migrations, models


def split_subjects(apps, schema_editor):
    AuditEvent = apps.get_model("core", "AuditEvent")
    subjects = AuditEvent.objects.order_by().values_list("subject", flat=True).distinct()
    for subject in list(subjects):
        kind, _, key = subject.partition(":")
        AuditEvent.objects.filter(subject=subject).update(subject_kind=kind, subject_id=key)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0002_throttle"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="subject_kind",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="subject_id",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.RunPython(split_subjects, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                fields=["subject_kind", "subject_id", "occurred_at"], name="audit_subject_history"
            ),
        ),
    ]
