"""accounts' tables as they stand after 0001-0004 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.
"""

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('accounts', '0001_initial'), ('accounts', '0002_throttlecount_accounttoken'), ('accounts', '0003_delete_throttlecount'), ('accounts', '0004_registered_person')]

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='Account',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('password', models.CharField(max_length=128, verbose_name='password')),
                ('last_login', models.DateTimeField(blank=True, null=True, verbose_name='last login')),
                ('account_number', models.CharField(max_length=7, unique=True)),
                ('username', models.CharField(max_length=45, unique=True)),
                ('email', models.EmailField(max_length=254)),
                ('email_verified_at', models.DateTimeField(blank=True, null=True)),
                ('first_name', models.CharField(max_length=80)),
                ('last_name', models.CharField(max_length=80)),
                ('date_of_birth', models.DateField(blank=True, null=True)),
                ('phone', models.CharField(blank=True, max_length=40)),
                ('street', models.CharField(blank=True, max_length=200)),
                ('city', models.CharField(blank=True, max_length=80)),
                ('state', models.CharField(blank=True, max_length=2)),
                ('zip_code', models.CharField(blank=True, max_length=10)),
                ('county', models.CharField(blank=True, max_length=80)),
                ('kind', models.CharField(choices=[('individual', 'Individual'), ('shared', 'Shared (used by more than one person)'), ('administrative', 'PACER Administrative Account')], default='individual', max_length=16)),
                ('purpose', models.CharField(choices=[('attorney_filer', 'Attorney filer'), ('non_attorney_filer', 'Non-attorney filer'), ('case_search', 'PACER case search only')], default='case_search', max_length=24)),
                ('status', models.CharField(choices=[('pending_verification', 'E-mail not yet verified'), ('review_hold', 'Review registration hold'), ('active', 'Active'), ('inactive', 'Inactive'), ('disabled', 'Disabled by the PACER Service Center')], default='active', max_length=24)),
                ('is_upgraded', models.BooleanField(default=True)),
                ('is_operator', models.BooleanField(default=False)),
                ('created_at', models.DateTimeField()),
                ('upgraded_at', models.DateTimeField(blank=True, null=True)),
                ('password_changed_at', models.DateTimeField(blank=True, null=True)),
                ('last_active_at', models.DateTimeField(blank=True, null=True)),
                ('mfa_skips_used', models.PositiveSmallIntegerField(default=0)),
                ('filer_since', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'indexes': [models.Index(django.db.models.functions.text.Lower('email'), name='account_email_ci')],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('username'), name='account_username_unique_ci'), models.CheckConstraint(condition=models.Q(('account_number__regex', '^[0-9]{7}$')), name='account_number_seven_digits')],
            },
        ),
        migrations.CreateModel(
            name='SecurityAnswer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('question', models.CharField(max_length=200)),
                ('answer_hash', models.CharField(max_length=200)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='security_answers', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='AccountToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('purpose', models.CharField(choices=[('verify_email', 'Verify e-mail address'), ('change_email', 'Confirm a new e-mail address'), ('reset_password', 'Reset password'), ('reactivate', 'Reactivate account')], max_length=20)),
                ('token_digest', models.CharField(max_length=64, unique=True)),
                ('new_email', models.EmailField(blank=True, max_length=254)),
                ('created_at', models.DateTimeField()),
                ('expires_at', models.DateTimeField()),
                ('used_at', models.DateTimeField(blank=True, null=True)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tokens', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'indexes': [models.Index(fields=['account', 'purpose'], name='accounts_ac_account_2db0a3_idx')],
            },
        ),
        migrations.CreateModel(
            name='RegisteredPerson',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('person_key', models.CharField(max_length=64, unique=True)),
                ('account', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
    ]
