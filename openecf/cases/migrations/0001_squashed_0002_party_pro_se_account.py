"""cases' tables as they stand after 0001-0002 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.
"""

import django.db.models.deletion
import openecf.core.encryption
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('cases', '0001_initial'), ('cases', '0002_party_pro_se_account')]

    initial = True

    dependencies = [
        ('courts', '0001_squashed_0002_court_fees'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Case',
            fields=[
                ('caseid', models.BigAutoField(primary_key=True, serialize=False)),
                ('kind', models.CharField(choices=[('cv', 'Civil'), ('cr', 'Criminal'), ('mc', 'Miscellaneous'), ('mj', 'Magistrate judge'), ('bk', 'Bankruptcy'), ('ap', 'Adversary proceeding'), ('ca', 'Appeal')], max_length=2)),
                ('office_number', models.PositiveSmallIntegerField(default=0)),
                ('year', models.PositiveSmallIntegerField()),
                ('sequence', models.PositiveIntegerField()),
                ('case_number', models.CharField(max_length=24)),
                ('title', models.CharField(max_length=400)),
                ('short_title', models.CharField(max_length=120)),
                ('nature_of_suit', models.CharField(blank=True, max_length=8)),
                ('cause', models.CharField(blank=True, max_length=200)),
                ('jurisdiction', models.CharField(blank=True, choices=[('us_plaintiff', 'U.S. Government Plaintiff'), ('us_defendant', 'U.S. Government Defendant'), ('federal_question', 'Federal Question'), ('diversity', 'Diversity')], max_length=20)),
                ('jury_demand', models.CharField(choices=[('none', 'None'), ('plaintiff', 'Plaintiff'), ('defendant', 'Defendant'), ('both', 'Both')], default='none', max_length=10)),
                ('demand_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True)),
                ('cover_sheet', models.JSONField(blank=True, default=dict)),
                ('chapter', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('joint_petition', models.BooleanField(default=False)),
                ('judge_initials', models.CharField(blank=True, max_length=4)),
                ('referred_initials', models.CharField(blank=True, max_length=4)),
                ('date_filed', models.DateField()),
                ('date_terminated', models.DateField(blank=True, null=True)),
                ('sealed', models.BooleanField(default=False)),
                ('origin_court_id', models.CharField(blank=True, max_length=16)),
                ('origin_caseid', models.BigIntegerField(blank=True, null=True)),
                ('origin_case_number', models.CharField(blank=True, max_length=40)),
                ('origin_entry_number', models.PositiveIntegerField(blank=True, null=True)),
                ('opened_at', models.DateTimeField()),
                ('last_entry_number', models.PositiveIntegerField(blank=True, null=True)),
                ('last_entry_text', models.TextField(blank=True)),
                ('last_entry_at', models.DateTimeField(blank=True, null=True)),
                ('assigned_judge', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.courtstaff')),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cases', to='courts.court')),
                ('lead_case', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='adversaries', to='cases.case')),
                ('opened_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('referred_judge', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.courtstaff')),
            ],
            options={
                'ordering': ['court', '-year', 'case_number'],
            },
        ),
        migrations.CreateModel(
            name='CaseNumberSequence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('series', models.CharField(max_length=2)),
                ('office_number', models.PositiveSmallIntegerField()),
                ('year', models.PositiveSmallIntegerField()),
                ('last', models.PositiveIntegerField(default=0)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='courts.court')),
            ],
        ),
        migrations.CreateModel(
            name='JudgeAssignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('referred', models.BooleanField(default=False)),
                ('how', models.CharField(choices=[('draw', 'Random draw'), ('transfer', 'Transfer'), ('chosen', 'Assigned by the clerk')], max_length=10)),
                ('deck', models.JSONField(blank=True, default=list)),
                ('roll', models.FloatField(blank=True, null=True)),
                ('reason', models.CharField(blank=True, max_length=300)),
                ('at', models.DateTimeField()),
                ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='cases.case')),
                ('judge', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.courtstaff')),
            ],
            options={
                'ordering': ['case', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='JudgeSeat',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('initials', models.CharField(max_length=4)),
                ('weight', models.PositiveSmallIntegerField(default=1)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='courts.court')),
                ('judge', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='courts.courtstaff')),
            ],
        ),
        migrations.CreateModel(
            name='Party',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=300)),
                ('role', models.CharField(choices=[('plaintiff', 'Plaintiff'), ('defendant', 'Defendant'), ('petitioner', 'Petitioner'), ('respondent', 'Respondent'), ('debtor', 'Debtor'), ('joint_debtor', 'Joint Debtor'), ('trustee', 'Trustee'), ('creditor', 'Creditor'), ('us_trustee', 'U.S. Trustee'), ('appellant', 'Appellant'), ('appellee', 'Appellee'), ('intervenor', 'Intervenor'), ('interested_party', 'Interested Party'), ('movant', 'Movant')], max_length=20)),
                ('aliases', models.JSONField(blank=True, default=list)),
                ('defendant_number', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('tax_id', openecf.core.encryption.EncryptedCharField(blank=True, max_length=200)),
                ('tax_id_last_four', models.CharField(blank=True, max_length=4)),
                ('added_on', models.DateField()),
                ('terminated_on', models.DateField(blank=True, null=True)),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='parties', to='cases.case')),
                ('pro_se_account', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['case', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='AttorneyOfRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('lead', models.BooleanField(default=False)),
                ('to_be_noticed', models.BooleanField(default=True)),
                ('pro_hac_vice', models.BooleanField(default=False)),
                ('added_on', models.DateField()),
                ('terminated_on', models.DateField(blank=True, null=True)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('party', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attorneys', to='cases.party')),
            ],
            options={
                'ordering': ['party', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['court', 'sequence'], name='case_court_sequence'),
        ),
        migrations.AddConstraint(
            model_name='case',
            constraint=models.UniqueConstraint(fields=('court', 'case_number'), name='case_number_unique'),
        ),
        migrations.AddConstraint(
            model_name='case',
            constraint=models.UniqueConstraint(fields=('court', 'kind', 'office_number', 'year', 'sequence'), name='case_sequence_unique'),
        ),
        migrations.AddConstraint(
            model_name='case',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['cv', 'cr', 'mc', 'mj', 'bk', 'ap', 'ca'])), name='case_kind_valid'),
        ),
        migrations.AddConstraint(
            model_name='case',
            constraint=models.CheckConstraint(condition=models.Q(('chapter__isnull', True), ('chapter__in', [7, 11, 12, 13]), _connector='OR'), name='case_chapter_valid'),
        ),
        migrations.AddConstraint(
            model_name='case',
            constraint=models.CheckConstraint(condition=models.Q(('date_terminated__isnull', True), ('date_terminated__gte', models.F('date_filed')), _connector='OR'), name='case_terminated_after_filed'),
        ),
        migrations.AddConstraint(
            model_name='casenumbersequence',
            constraint=models.UniqueConstraint(fields=('court', 'series', 'office_number', 'year'), name='case_series_unique'),
        ),
        migrations.AddConstraint(
            model_name='judgeseat',
            constraint=models.CheckConstraint(condition=models.Q(('weight__lte', 100)), name='judge_weight_max'),
        ),
        migrations.AddConstraint(
            model_name='party',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['plaintiff', 'defendant', 'petitioner', 'respondent', 'debtor', 'joint_debtor', 'trustee', 'creditor', 'us_trustee', 'appellant', 'appellee', 'intervenor', 'interested_party', 'movant'])), name='party_role_valid'),
        ),
        migrations.AddConstraint(
            model_name='party',
            constraint=models.UniqueConstraint(fields=('case', 'defendant_number'), name='party_defendant_number_unique'),
        ),
        migrations.AddIndex(
            model_name='attorneyofrecord',
            index=models.Index(fields=['account', 'party'], name='attorney_account'),
        ),
        migrations.AddConstraint(
            model_name='attorneyofrecord',
            constraint=models.UniqueConstraint(condition=models.Q(('terminated_on__isnull', True)), fields=('party', 'account'), name='attorney_of_record_live_unique'),
        ),
    ]
