"""An e-mail's content is kept once per letter (``OutboundBody``), not in every copy: a
notice to 200 people was 200 copies of its text and HTML, and every claim and "sent" mark
rewrote them. Existing rows get the body of their content."""

import hashlib

import django.db.models.deletion
from django.db import migrations, models


def _digest(text, html):  # as outbox_rules.body_digest (a migration keeps its own copy)
    return hashlib.sha256(f"{len(text)}\n{text}{html}".encode()).hexdigest()


def to_bodies(apps, schema_editor):
    OutboundEmail = apps.get_model("core", "OutboundEmail")
    OutboundBody = apps.get_model("core", "OutboundBody")
    rows = OutboundEmail.objects.values_list("pk", "body_text", "body_html").order_by("pk")
    for pk, text, html in rows.iterator(chunk_size=500):
        digest = _digest(text, html)
        OutboundBody.objects.get_or_create(digest=digest, defaults={"text": text, "html": html})
        OutboundEmail.objects.filter(pk=pk).update(body_id=digest)


def from_bodies(apps, schema_editor):
    OutboundEmail = apps.get_model("core", "OutboundEmail")
    for email in OutboundEmail.objects.select_related("body").iterator(chunk_size=500):
        OutboundEmail.objects.filter(pk=email.pk).update(
            body_text=email.body.text, body_html=email.body.html
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0004_outbox_delivery")]

    operations = [
        migrations.CreateModel(
            name="OutboundBody",
            fields=[
                ("digest", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("text", models.TextField()),
                ("html", models.TextField(blank=True)),
            ],
        ),
        migrations.AddField(
            model_name="outboundemail",
            name="body",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.outboundbody",
            ),
        ),
        migrations.AlterField(
            model_name="outboundemail",
            name="body_text",
            field=models.TextField(default=""),
        ),
        migrations.AlterField(
            model_name="outboundemail",
            name="body_html",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(to_bodies, from_bodies),
        migrations.RemoveField(model_name="outboundemail", name="body_text"),
        migrations.RemoveField(model_name="outboundemail", name="body_html"),
        migrations.AlterField(
            model_name="outboundemail",
            name="body",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.outboundbody",
            ),
        ),
    ]
