"""core's tables as they stand after 0001-0005 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.

The data steps of the old 0004 (a Message-ID and a due time for rows queued before it) and
0005 (each e-mail's content moved into its ``OutboundBody``) are left out: they only ever ran
on old rows, which a new database does not have.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('core', '0001_initial'), ('core', '0002_throttle'), ('core', '0003_audit_subject'), ('core', '0004_outbox_delivery'), ('core', '0005_outbox_bodies')]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AuditChain',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=32, unique=True)),
                ('last_sequence', models.PositiveBigIntegerField(default=0)),
                ('last_hash', models.CharField(default='', max_length=64)),
            ],
        ),
        migrations.CreateModel(
            name='FailureCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=255, unique=True)),
                ('failures', models.PositiveIntegerField(default=0)),
                ('last_failure_at', models.DateTimeField(blank=True, null=True)),
                ('locked_until', models.DateTimeField(blank=True, null=True)),
            ],
        ),
        migrations.CreateModel(
            name='OutboundBody',
            fields=[
                ('digest', models.CharField(max_length=64, primary_key=True, serialize=False)),
                ('text', models.TextField()),
                ('html', models.TextField(blank=True)),
            ],
        ),
        migrations.CreateModel(
            name='AttemptCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=255)),
                ('window_start', models.DateTimeField()),
                ('count', models.PositiveIntegerField(default=0)),
            ],
            options={
                'indexes': [models.Index(fields=['window_start'], name='core_attemp_window__7a3843_idx')],
                'constraints': [models.UniqueConstraint(fields=('key', 'window_start'), name='core_attempt_key_window')],
            },
        ),
        migrations.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('chain', models.CharField(max_length=32)),
                ('sequence', models.PositiveBigIntegerField()),
                ('occurred_at', models.DateTimeField()),
                ('court_id', models.CharField(blank=True, default='', max_length=16)),
                ('verb', models.CharField(max_length=64)),
                ('subject', models.CharField(max_length=200)),
                ('subject_kind', models.CharField(blank=True, default='', max_length=200)),
                ('subject_id', models.CharField(blank=True, default='', max_length=200)),
                ('details', models.JSONField(blank=True, default=dict)),
                ('prev_hash', models.CharField(max_length=64)),
                ('hash', models.CharField(max_length=64)),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['chain', 'sequence'],
                'indexes': [models.Index(fields=['court_id', 'occurred_at'], name='core_audite_court_i_80c6a1_idx'), models.Index(fields=['subject'], name='core_audite_subject_ece212_idx'), models.Index(fields=['subject_kind', 'subject_id', 'occurred_at'], name='audit_subject_history')],
                'constraints': [models.UniqueConstraint(fields=('chain', 'sequence'), name='audit_chain_sequence_unique')],
            },
        ),
        migrations.CreateModel(
            name='OutboundEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField()),
                ('to', models.JSONField()),
                ('from_email', models.CharField(max_length=254)),
                ('subject', models.CharField(max_length=255)),
                ('kind', models.CharField(max_length=64)),
                ('court_id', models.CharField(blank=True, default='', max_length=16)),
                ('account_id', models.BigIntegerField(blank=True, null=True)),
                ('message_id', models.CharField(max_length=255, unique=True)),
                ('status', models.CharField(choices=[('queued', 'Queued'), ('sending', 'Being sent'), ('sent', 'Sent'), ('failed', 'Failed (will be retried)'), ('undeliverable', 'Not delivered')], default='queued', max_length=16)),
                ('next_attempt_at', models.DateTimeField(blank=True, null=True)),
                ('lease_until', models.DateTimeField(blank=True, null=True)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('last_error', models.CharField(blank=True, max_length=500)),
                ('body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.outboundbody')),
            ],
            options={
                'indexes': [models.Index(fields=['status', 'created_at'], name='core_outbou_status_59d3ce_idx'), models.Index(fields=['status', 'next_attempt_at'], name='outbox_due'), models.Index(fields=['account_id'], name='core_outbou_account_241371_idx')],
            },
        ),
    ]
