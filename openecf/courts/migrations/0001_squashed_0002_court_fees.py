"""courts' tables as they stand after 0001-0002 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('courts', '0001_initial'), ('courts', '0002_court_fees')]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Court',
            fields=[
                ('id', models.CharField(max_length=16, primary_key=True, serialize=False)),
                ('name', models.CharField(max_length=200)),
                ('short_name', models.CharField(max_length=60)),
                ('kind', models.CharField(choices=[('appellate', 'Court of appeals'), ('district', 'District court'), ('bankruptcy', 'Bankruptcy court')], max_length=12)),
                ('state', models.CharField(max_length=2)),
                ('time_zone', models.CharField(max_length=40)),
                ('url', models.URLField(blank=True)),
                ('nextgen_go_live', models.DateTimeField(blank=True, null=True)),
                ('pdf_size_limit_mb', models.PositiveIntegerField(default=35)),
                ('clerk_phone', models.CharField(blank=True, max_length=40)),
                ('clerk_email', models.EmailField(blank=True, max_length=254)),
                ('clerk_help_text', models.TextField(blank=True)),
                ('dues_cycle_years', models.PositiveSmallIntegerField(default=0)),
                ('fee_before_privilege', models.BooleanField(default=False)),
            ],
            options={
                'ordering': ['id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['appellate', 'district', 'bankruptcy'])), name='court_kind_valid'), models.CheckConstraint(condition=models.Q(('pdf_size_limit_mb__gte', 1)), name='court_pdf_limit_positive'), models.CheckConstraint(condition=models.Q(('dues_cycle_years__lte', 10)), name='court_dues_cycle_valid')],
            },
        ),
        migrations.CreateModel(
            name='CourtFee',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=24)),
                ('amount', models.DecimalField(decimal_places=2, max_digits=9)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='fees', to='courts.court')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('court', 'kind'), name='court_fee_unique'), models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='court_fee_not_negative')],
            },
        ),
        migrations.CreateModel(
            name='CourtFeeChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('setting', models.CharField(max_length=24)),
                ('before', models.CharField(max_length=24)),
                ('after', models.CharField(max_length=24)),
                ('changed_at', models.DateTimeField()),
                ('changed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='fee_changes', to='courts.court')),
            ],
            options={
                'indexes': [models.Index(fields=['court', '-changed_at'], name='court_fee_change_recent')],
            },
        ),
        migrations.CreateModel(
            name='CourtStaff',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('clerk', "Clerk's office"), ('judge', 'Judge / chambers')], max_length=8)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='court_roles', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='staff', to='courts.court')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('court', 'account'), name='court_staff_unique')],
            },
        ),
        migrations.CreateModel(
            name='DivisionalOffice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField()),
                ('name', models.CharField(max_length=80)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='offices', to='courts.court')),
            ],
            options={
                'ordering': ['court', 'number'],
                'constraints': [models.UniqueConstraint(fields=('court', 'number'), name='office_number_unique')],
            },
        ),
    ]
