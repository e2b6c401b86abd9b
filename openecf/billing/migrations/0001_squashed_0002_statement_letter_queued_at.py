"""billing's tables as they stand after 0001-0002 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.

The old 0002's data step (statements issued before it count as e-mailed) is left out: it only
ever ran on old rows, which a new database does not have.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('billing', '0001_initial'), ('billing', '0002_statement_letter_queued_at')]

    initial = True

    dependencies = [
        ('courts', '0001_squashed_0002_court_fees'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AccessCharge',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('view_key', models.CharField(max_length=120, unique=True)),
                ('username', models.CharField(max_length=150)),
                ('at', models.DateTimeField()),
                ('quarter', models.CharField(max_length=6)),
                ('client_code', models.CharField(blank=True, max_length=32)),
                ('kind', models.CharField(choices=[('document', 'Document (PDF)'), ('docket_report', 'Docket report'), ('case_report', 'Case-specific report'), ('transcript', 'Transcript'), ('search', 'Search results'), ('report', 'Non-case report'), ('audio', 'Audio file'), ('opinion', 'Written opinion')], max_length=20)),
                ('description', models.CharField(max_length=200)),
                ('criteria', models.CharField(blank=True, max_length=500)),
                ('pages', models.PositiveIntegerField()),
                ('amount', models.DecimalField(decimal_places=2, max_digits=8)),
                ('free_reason', models.CharField(blank=True, choices=[('', 'Billed'), ('court_user', 'Court user'), ('free_look', 'Free look from a notice'), ('opinion', 'Written opinions are free'), ('exemption', 'Court-granted exemption')], max_length=12)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('billed_to', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
            ],
        ),
        migrations.CreateModel(
            name='BalanceMove',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('membership_id', models.PositiveBigIntegerField(unique=True)),
                ('at', models.DateTimeField()),
                ('recorded_at', models.DateTimeField()),
                ('firm_paa', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='Exemption',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.CharField(max_length=200)),
                ('scope', models.CharField(choices=[('all', 'Every document and report at the court'), ('documents', 'Documents only'), ('reports', 'Reports and searches only')], max_length=9)),
                ('ends_on', models.DateField()),
                ('enabled', models.BooleanField(default=True)),
                ('granted_at', models.DateTimeField()),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
                ('granted_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['court_id', '-ends_on'],
            },
        ),
        migrations.CreateModel(
            name='QuarterStatement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('quarter', models.CharField(max_length=6)),
                ('kind', models.CharField(choices=[('invoice', 'Invoice'), ('statement', 'Statement of account')], max_length=9)),
                ('quarter_charges', models.DecimalField(decimal_places=2, max_digits=12)),
                ('waived', models.BooleanField()),
                ('balance', models.DecimalField(decimal_places=2, max_digits=12)),
                ('issued_at', models.DateTimeField()),
                ('due_on', models.DateField()),
                ('letter_queued_at', models.DateTimeField(blank=True, null=True)),
                ('account', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-quarter', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='LedgerEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('charge', 'Access charge'), ('waiver', 'Quarter waived ($30.00 or less)'), ('payment', 'Payment'), ('moved_out', 'Balance moved to the firm'), ('moved_in', 'Balance moved from a member')], max_length=9)),
                ('quarter', models.CharField(max_length=6)),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12)),
                ('at', models.DateTimeField()),
                ('recorded_at', models.DateTimeField()),
                ('receipt_number', models.CharField(blank=True, max_length=40)),
                ('account', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('charge', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='ledger_entry', to='billing.accesscharge')),
                ('move', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='billing.balancemove')),
                ('statement', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='billing.quarterstatement')),
            ],
        ),
        migrations.CreateModel(
            name='SessionClientCode',
            fields=[
                ('session_id', models.PositiveBigIntegerField(primary_key=True, serialize=False)),
                ('client_code', models.CharField(blank=True, max_length=32)),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.AddIndex(
            model_name='accesscharge',
            index=models.Index(fields=['account', 'at'], name='billing_charge_account_at'),
        ),
        migrations.AddIndex(
            model_name='accesscharge',
            index=models.Index(fields=['billed_to', 'quarter'], name='billing_charge_billed_quarter'),
        ),
        migrations.AddConstraint(
            model_name='accesscharge',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='charge_not_negative'),
        ),
        migrations.AddIndex(
            model_name='quarterstatement',
            index=models.Index(condition=models.Q(('letter_queued_at__isnull', True)), fields=['id'], name='billing_statement_letter_due'),
        ),
        migrations.AddConstraint(
            model_name='quarterstatement',
            constraint=models.UniqueConstraint(fields=('account', 'quarter'), name='one_statement_per_quarter'),
        ),
        migrations.AddConstraint(
            model_name='quarterstatement',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('balance__gt', 0), ('kind', 'invoice')), models.Q(('balance__lte', 0), ('kind', 'statement')), _connector='OR'), name='invoice_only_for_balance_due'),
        ),
        migrations.AddIndex(
            model_name='ledgerentry',
            index=models.Index(fields=['account', 'quarter'], name='billing_ledger_account_q'),
        ),
        migrations.AddConstraint(
            model_name='ledgerentry',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'payment')), fields=('receipt_number',), name='one_ledger_row_per_receipt'),
        ),
        migrations.AddConstraint(
            model_name='ledgerentry',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'waiver')), fields=('account', 'quarter'), name='one_waiver_per_quarter'),
        ),
        migrations.AddConstraint(
            model_name='ledgerentry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'charge'), _negated=True), ('charge__isnull', False), _connector='OR'), name='charge_row_names_its_charge'),
        ),
    ]
