"""notices' tables as they stand after 0001-0004 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('notices', '0001_initial'), ('notices', '0002_nef_and_free_looks'), ('notices', '0003_nef_summary_facts'), ('notices', '0004_court_noticing_addresses')]

    initial = True

    dependencies = [
        ('core', '0001_squashed_0005_outbox_bodies'),
        ('courts', '0001_squashed_0002_court_fees'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CourtNoticingAddress',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('court_id', models.CharField(max_length=16)),
                ('name', models.CharField(max_length=200)),
                ('email', models.EmailField(max_length=254)),
                ('judge_account_id', models.BigIntegerField(blank=True, null=True)),
                ('created_by_id', models.BigIntegerField()),
                ('created_at', models.DateTimeField()),
                ('ended_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'constraints': [models.UniqueConstraint(condition=models.Q(('ended_at__isnull', True)), fields=('court_id', 'email'), name='one_active_court_noticing_address')],
            },
        ),
        migrations.CreateModel(
            name='FreeLook',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token_digest', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField()),
                ('expires_at', models.DateTimeField()),
                ('used_at', models.DateTimeField(blank=True, null=True)),
                ('court_id', models.CharField(max_length=16)),
                ('caseid', models.BigIntegerField()),
                ('entry_id', models.BigIntegerField()),
                ('doc_id', models.CharField(max_length=16)),
                ('purpose', models.CharField(choices=[('notice', 'Notice of Electronic Filing'), ('filer', "Filer's receipt")], max_length=8)),
                ('used_by_account_id', models.BigIntegerField(blank=True, null=True)),
            ],
            options={
                'indexes': [models.Index(fields=['court_id', 'doc_id'], name='notices_fre_court_i_f5d70d_idx')],
            },
        ),
        migrations.CreateModel(
            name='DocumentView',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('account_id', models.BigIntegerField(blank=True, null=True)),
                ('viewed_at', models.DateTimeField()),
                ('free', models.BooleanField()),
                ('free_look', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='views', to='notices.freelook')),
            ],
        ),
        migrations.CreateModel(
            name='NoticeOfElectronicFiling',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('court_id', models.CharField(max_length=16)),
                ('caseid', models.BigIntegerField()),
                ('entry_id', models.BigIntegerField()),
                ('entry_number', models.PositiveIntegerField(blank=True, null=True)),
                ('case_number', models.CharField(max_length=40)),
                ('court_kind', models.CharField(default='district', max_length=12)),
                ('court_name', models.CharField(blank=True, max_length=200)),
                ('case_name', models.CharField(blank=True, max_length=400)),
                ('event', models.CharField(blank=True, max_length=200)),
                ('filed_on', models.DateField(blank=True, null=True)),
                ('docket_text', models.TextField(blank=True)),
                ('subject', models.CharField(max_length=255)),
                ('body_text', models.TextField()),
                ('body_html', models.TextField()),
                ('created_at', models.DateTimeField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('court_id', 'entry_id'), name='one_nef_per_entry')],
            },
        ),
        migrations.CreateModel(
            name='NoticingSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('court_id', models.CharField(max_length=16)),
                ('account_id', models.BigIntegerField()),
                ('secondary_emails', models.JSONField(blank=True, default=list)),
                ('daily_summary', models.BooleanField(default=False)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('court_id', 'account_id'), name='one_noticing_setting_per_court')],
            },
        ),
        migrations.CreateModel(
            name='BarNotice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('manual', 'Notice'), ('go_live_reminder', 'NextGen go-live reminder')], default='manual', max_length=16)),
                ('subject', models.CharField(max_length=200)),
                ('body', models.TextField()),
                ('audience', models.CharField(choices=[('all', 'All filers at the court'), ('not_linked', 'Filers whose CM/ECF login is not linked yet'), ('attorneys', 'Attorneys only')], max_length=10)),
                ('created_at', models.DateTimeField()),
                ('scheduled_for', models.DateTimeField(blank=True, null=True)),
                ('days_before', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('go_live_at', models.DateTimeField(blank=True, null=True)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('recipient_count', models.PositiveIntegerField(blank=True, null=True)),
                ('cancelled_at', models.DateTimeField(blank=True, null=True)),
                ('cancel_reason', models.CharField(blank=True, max_length=200)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='bar_notices', to='courts.court')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'indexes': [models.Index(fields=['court', 'sent_at'], name='notices_bar_court_i_21aa98_idx'), models.Index(fields=['scheduled_for', 'sent_at'], name='notices_bar_schedul_ea84aa_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('audience__in', ['all', 'not_linked', 'attorneys'])), name='bar_notice_audience_valid'), models.CheckConstraint(condition=models.Q(models.Q(('kind', 'manual'), ('scheduled_for__isnull', True)), models.Q(('days_before__isnull', False), ('go_live_at__isnull', False), ('kind', 'go_live_reminder'), ('scheduled_for__isnull', False)), _connector='OR'), name='bar_notice_reminder_complete'), models.CheckConstraint(condition=models.Q(models.Q(('recipient_count__isnull', True), ('sent_at__isnull', True)), models.Q(('recipient_count__isnull', False), ('sent_at__isnull', False)), _connector='OR'), name='bar_notice_sent_has_count'), models.CheckConstraint(condition=models.Q(('sent_at__isnull', True), ('cancelled_at__isnull', True), _connector='OR'), name='bar_notice_not_sent_and_cancelled'), models.UniqueConstraint(condition=models.Q(('cancelled_at__isnull', True), ('kind', 'go_live_reminder')), fields=('court', 'go_live_at', 'days_before'), name='one_go_live_reminder_per_day')],
            },
        ),
        migrations.CreateModel(
            name='NoticeRecipient',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('account_id', models.BigIntegerField(blank=True, null=True)),
                ('name', models.CharField(max_length=300)),
                ('address', models.CharField(blank=True, max_length=254)),
                ('postal_address', models.TextField(blank=True)),
                ('how', models.CharField(choices=[('emailed', 'Electronically mailed'), ('summary', 'In the daily summary'), ('paper', 'By other means')], max_length=8)),
                ('summarized_at', models.DateTimeField(blank=True, null=True)),
                ('email', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.outboundemail')),
                ('notice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recipients', to='notices.noticeofelectronicfiling')),
            ],
            options={
                'indexes': [models.Index(fields=['account_id'], name='notices_not_account_8c53b0_idx')],
            },
        ),
    ]
