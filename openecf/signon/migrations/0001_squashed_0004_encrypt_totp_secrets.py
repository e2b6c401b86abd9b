"""signon's tables as they stand after 0001-0004 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.

The old 0004's data step (encrypt plain TOTP secrets) is left out: it only ever runs here on
new, empty tables.
"""

import django.db.models.deletion
import openecf.core.encryption
from django.conf import settings
from django.db import migrations, models



class Migration(migrations.Migration):

    replaces = [('signon', '0001_initial'), ('signon', '0002_mfa_and_throttle'), ('signon', '0003_delete_signonthrottle'), ('signon', '0004_encrypt_totp_secrets')]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CentralSession',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token_digest', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField()),
                ('last_seen_at', models.DateTimeField()),
                ('ended_at', models.DateTimeField(blank=True, null=True)),
                ('ended_reason', models.CharField(blank=True, max_length=40)),
                ('client_code', models.CharField(blank=True, max_length=32)),
                ('redaction_acknowledged', models.BooleanField(default=False)),
                ('source_address', models.GenericIPAddressField(blank=True, null=True)),
                ('user_agent', models.CharField(blank=True, max_length=300)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='central_sessions', to=settings.AUTH_USER_MODEL)),
                ('must_enrol_mfa', models.BooleanField(default=False)),
            ],
            options={
                'indexes': [models.Index(fields=['account', 'ended_at'], name='signon_cent_account_9511bd_idx')],
            },
        ),
        migrations.CreateModel(
            name='BackupCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('salt', models.CharField(max_length=32)),
                ('code_hash', models.CharField(max_length=64)),
                ('created_at', models.DateTimeField()),
                ('used_at', models.DateTimeField(blank=True, null=True)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='backup_codes', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='PendingSignOn',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('id_digest', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField()),
                ('expires_at', models.DateTimeField()),
                ('client_code', models.CharField(blank=True, max_length=32)),
                ('next_url', models.CharField(blank=True, max_length=500)),
                ('source_address', models.GenericIPAddressField(blank=True, null=True)),
                ('user_agent', models.CharField(blank=True, max_length=300)),
                ('mfa_passed', models.BooleanField(default=False)),
                ('redaction_acknowledged', models.BooleanField(default=False)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='AppEnrolment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField()),
                ('expires_at', models.DateTimeField()),
                ('email_code_digest', models.CharField(max_length=64)),
                ('email_code_salt', models.CharField(max_length=32)),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('email_confirmed_at', models.DateTimeField(blank=True, null=True)),
                ('secret', openecf.core.encryption.EncryptedCharField(blank=True, max_length=255)),
                ('account', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='AuthenticatorApp',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=40)),
                ('secret', openecf.core.encryption.EncryptedCharField(max_length=255)),
                ('created_at', models.DateTimeField()),
                ('last_used_step', models.BigIntegerField(blank=True, null=True)),
                ('last_used_at', models.DateTimeField(blank=True, null=True)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='authenticator_apps', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('account', 'name'), name='authenticator_name_unique')],
            },
        ),
    ]
