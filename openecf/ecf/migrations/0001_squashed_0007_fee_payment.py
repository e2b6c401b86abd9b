"""ecf's tables as they stand after 0001-0007 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.

The data steps of the old 0003 (end the sessions stored with plain keys), 0006 (reset links
issued before it expire an hour after they were made) and 0007 (fees recorded before it fall
due on the court's date they were recorded) are left out: they only ever ran on old rows,
which a new database does not have.
"""

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('ecf', '0001_initial'), ('ecf', '0002_courtloginreset_courtloginsession_courtloginagent_and_more'), ('ecf', '0003_court_session_key_digest'), ('ecf', '0004_delete_courtloginfailure'), ('ecf', '0005_court_login_indexes'), ('ecf', '0006_courtloginreset_expires_at'), ('ecf', '0007_fee_payment')]

    initial = True

    dependencies = [
        ('courts', '0001_squashed_0002_court_fees'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CourtLogin',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('login', models.CharField(max_length=40)),
                ('password', models.CharField(max_length=200)),
                ('first_name', models.CharField(max_length=80)),
                ('last_name', models.CharField(max_length=80)),
                ('email', models.EmailField(max_length=254)),
                ('bar_id', models.CharField(blank=True, max_length=40)),
                ('bar_state', models.CharField(blank=True, max_length=2)),
                ('role', models.CharField(choices=[('attorney', 'Attorney'), ('trustee', 'Trustee'), ('creditor', 'Creditor'), ('filing_agent', 'Filing agent'), ('pro_se', 'Pro se filer'), ('court_user', 'Court user')], max_length=16)),
                ('case_count', models.PositiveIntegerField(default=0)),
                ('is_disabled', models.BooleanField(default=False)),
                ('created_at', models.DateTimeField()),
                ('linked_at', models.DateTimeField(blank=True, null=True)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='logins', to='courts.court')),
                ('linked_account', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='court_logins', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='CourtLoginAgent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField()),
                ('agent_login', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='principal_logins', to='ecf.courtlogin')),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
                ('principal_login', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agent_logins', to='ecf.courtlogin')),
            ],
        ),
        migrations.CreateModel(
            name='CourtLoginReset',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token_digest', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField()),
                ('expires_at', models.DateTimeField()),
                ('used_at', models.DateTimeField(blank=True, null=True)),
                ('court_login', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='resets', to='ecf.courtlogin')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='CourtLoginSession',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key_digest', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField()),
                ('expires_at', models.DateTimeField()),
                ('ended_at', models.DateTimeField(blank=True, null=True)),
                ('court_login', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sessions', to='ecf.courtlogin')),
            ],
        ),
        migrations.CreateModel(
            name='FilingAgentAssociation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField()),
                ('ended_at', models.DateTimeField(blank=True, null=True)),
                ('receives_notices', models.BooleanField(default=False)),
                ('agent', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='files_for', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='agent_links', to='courts.court')),
                ('principal', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='filing_agents', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='FilingPrivilege',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('attorney', 'Attorney'), ('pro_hac_vice', 'Attorney (pro hac vice)'), ('pro_se', 'Pro se filer'), ('trustee', 'Trustee'), ('creditor', 'Creditor'), ('filing_agent', 'Filing agent')], max_length=16)),
                ('source', models.CharField(choices=[('linked_login', 'Linked CM/ECF login'), ('approved_request', 'Approved e-file registration')], max_length=20)),
                ('case_number', models.CharField(blank=True, max_length=40)),
                ('granted_at', models.DateTimeField()),
                ('revoked_at', models.DateTimeField(blank=True, null=True)),
                ('revoked_reason', models.CharField(blank=True, max_length=300)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='filing_privileges', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='privileges', to='courts.court')),
                ('court_login', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='privileges', to='ecf.courtlogin')),
            ],
        ),
        migrations.CreateModel(
            name='CourtFeeOwed',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('attorney_admission', 'Attorney admission'), ('pro_hac_vice', 'Pro hac vice'), ('annual_dues', 'Annual dues')], max_length=20)),
                ('amount', models.DecimalField(decimal_places=2, max_digits=9)),
                ('created_at', models.DateTimeField()),
                ('due_on', models.DateField()),
                ('paid_at', models.DateTimeField(blank=True, null=True)),
                ('receipt_number', models.CharField(blank=True, max_length=32)),
                ('reference', models.CharField(blank=True, max_length=80)),
                ('period', models.CharField(blank=True, max_length=9)),
                ('reminded_at', models.DateTimeField(blank=True, null=True)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='court_fees_owed', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='fees_owed', to='courts.court')),
            ],
            options={
                'indexes': [models.Index(condition=models.Q(('paid_at__isnull', True)), fields=['account', 'court'], name='fee_unpaid_by_account')],
                'constraints': [models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='fee_amount_positive'), models.CheckConstraint(condition=models.Q(models.Q(('paid_at__isnull', True), ('receipt_number', '')), models.Q(('paid_at__isnull', False), models.Q(('receipt_number', ''), _negated=True)), _connector='OR'), name='fee_paid_with_receipt'), models.UniqueConstraint(condition=models.Q(('kind', 'annual_dues')), fields=('court', 'account', 'period'), name='fee_dues_once_per_cycle')],
            },
        ),
        migrations.AddIndex(
            model_name='courtlogin',
            index=models.Index(fields=['court', 'last_name', 'first_name', 'login'], name='court_login_by_name'),
        ),
        migrations.AddIndex(
            model_name='courtlogin',
            index=models.Index(models.F('court'), django.db.models.functions.text.Lower('email'), name='court_login_email_ci'),
        ),
        migrations.AddConstraint(
            model_name='courtlogin',
            constraint=models.UniqueConstraint(models.F('court'), django.db.models.functions.text.Lower('login'), name='court_login_unique_ci'),
        ),
        migrations.AddConstraint(
            model_name='courtlogin',
            constraint=models.UniqueConstraint(condition=models.Q(('linked_account__isnull', False)), fields=('court', 'linked_account'), name='one_linked_login_per_account_per_court'),
        ),
        migrations.AddConstraint(
            model_name='courtlogin',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('linked_account__isnull', True), ('linked_at__isnull', True)), models.Q(('linked_account__isnull', False), ('linked_at__isnull', False)), _connector='OR'), name='court_login_link_complete'),
        ),
        migrations.AddConstraint(
            model_name='courtloginagent',
            constraint=models.UniqueConstraint(fields=('principal_login', 'agent_login'), name='court_login_agent_unique'),
        ),
        migrations.AddConstraint(
            model_name='courtloginagent',
            constraint=models.CheckConstraint(condition=models.Q(('principal_login', models.F('agent_login')), _negated=True), name='court_login_agent_not_self'),
        ),
        migrations.AddConstraint(
            model_name='filingagentassociation',
            constraint=models.UniqueConstraint(condition=models.Q(('ended_at__isnull', True)), fields=('court', 'principal', 'agent'), name='one_live_agent_association'),
        ),
        migrations.AddConstraint(
            model_name='filingagentassociation',
            constraint=models.CheckConstraint(condition=models.Q(('principal', models.F('agent')), _negated=True), name='agent_is_not_principal'),
        ),
        migrations.AddIndex(
            model_name='filingprivilege',
            index=models.Index(fields=['court', 'account'], name='ecf_filingp_court_i_ac71a1_idx'),
        ),
        migrations.AddConstraint(
            model_name='filingprivilege',
            constraint=models.UniqueConstraint(condition=models.Q(('revoked_at__isnull', True)), fields=('court', 'account', 'kind', 'case_number'), name='one_live_privilege_per_kind'),
        ),
    ]
