"""docket's tables as they stand after 0001-0005 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('docket', '0001_initial'), ('docket', '0002_entries_documents_drafts'), ('docket', '0003_case_openings'), ('docket', '0004_review_and_corrections'), ('docket', '0005_claim_amounts')]

    initial = True

    dependencies = [
        ('courts', '0001_squashed_0002_court_fees'),
        ('documents', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DocketEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('caseid', models.BigIntegerField()),
                ('entry_number', models.PositiveIntegerField()),
                ('docket_text', models.TextField()),
                ('filed_at', models.DateTimeField()),
                ('entered_at', models.DateTimeField()),
                ('filer_party_ids', models.JSONField(default=list)),
                ('against_party_ids', models.JSONField(default=list)),
                ('modifier', models.CharField(blank=True, max_length=20)),
                ('free_text', models.TextField(blank=True)),
                ('fee_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True)),
                ('fee_receipt', models.CharField(blank=True, max_length=40)),
                ('redaction_confirmed', models.BooleanField(default=False)),
                ('privacy_confirmed_reason', models.TextField(blank=True)),
                ('sealed', models.BooleanField(default=False)),
                ('restricted', models.BooleanField(default=False)),
                ('stricken_at', models.DateTimeField(blank=True, null=True)),
                ('modified_at', models.DateTimeField(blank=True, null=True)),
                ('review', models.CharField(choices=[('pending', 'Waiting for review'), ('accepted', 'Accepted'), ('deficient', 'Deficient')], default='accepted', max_length=10)),
                ('held', models.BooleanField(default=False)),
                ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                ('deficiency', models.TextField(blank=True)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
                ('entered_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('filed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('links', models.ManyToManyField(blank=True, related_name='linked_from', to='docket.docketentry')),
                ('modified_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['caseid', 'entry_number'],
            },
        ),
        migrations.CreateModel(
            name='ReviewSetting',
            fields=[
                ('court', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, primary_key=True, related_name='+', serialize=False, to='courts.court')),
                ('review_before', models.BooleanField(default=False)),
                ('changed_at', models.DateTimeField()),
            ],
        ),
        migrations.CreateModel(
            name='ClaimAmounts',
            fields=[
                ('entry', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, primary_key=True, related_name='claim_amounts', serialize=False, to='docket.docketentry')),
                ('amount_claimed', models.DecimalField(decimal_places=2, max_digits=14)),
                ('secured', models.DecimalField(decimal_places=2, default=0, max_digits=14)),
                ('priority', models.DecimalField(decimal_places=2, default=0, max_digits=14)),
            ],
        ),
        migrations.CreateModel(
            name='DocketTextRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('docket_text', models.TextField()),
                ('replaced_at', models.DateTimeField()),
                ('reason', models.TextField(blank=True)),
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='revisions', to='docket.docketentry')),
                ('replaced_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['entry', 'replaced_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Event',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=60)),
                ('name', models.CharField(max_length=120)),
                ('category', models.CharField(max_length=60)),
                ('template', models.CharField(max_length=300)),
                ('fee_kind', models.CharField(blank=True, max_length=40)),
                ('needs_link', models.BooleanField(default=False)),
                ('filers', models.CharField(choices=[('filers', 'Filers (attorneys and other e-filers)'), ('court', 'Court only')], default='filers', max_length=8)),
                ('asks_against', models.BooleanField(default=False)),
                ('may_be_sealed', models.BooleanField(default=False)),
                ('ends_case', models.BooleanField(default=False)),
                ('checks_minors', models.BooleanField(default=False)),
                ('text_only', models.BooleanField(default=False)),
                ('opens_case', models.BooleanField(default=False)),
                ('is_active', models.BooleanField(default=True)),
                ('position', models.PositiveIntegerField(default=0)),
                ('modified_at', models.DateTimeField(blank=True, null=True)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='events', to='courts.court')),
            ],
            options={
                'ordering': ['court', 'position', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='docketentry',
            name='event',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='docket.event'),
        ),
        migrations.CreateModel(
            name='FilingDraft',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('on_behalf_of_id', models.BigIntegerField(blank=True, null=True)),
                ('caseid', models.BigIntegerField(blank=True, null=True)),
                ('filer_party_ids', models.JSONField(default=list)),
                ('against_party_ids', models.JSONField(default=list)),
                ('links', models.JSONField(default=list)),
                ('modifier', models.CharField(blank=True, max_length=20)),
                ('free_text', models.TextField(blank=True)),
                ('sealed', models.BooleanField(default=False)),
                ('lead', models.BooleanField(default=False)),
                ('to_be_noticed', models.BooleanField(default=True)),
                ('claim', models.JSONField(blank=True, null=True)),
                ('fee_receipt', models.CharField(blank=True, max_length=40)),
                ('fee_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True)),
                ('opening', models.JSONField(blank=True, default=dict)),
                ('created_at', models.DateTimeField()),
                ('expires_at', models.DateTimeField()),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
                ('entry', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='draft', to='docket.docketentry')),
                ('event', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='docket.event')),
            ],
        ),
        migrations.CreateModel(
            name='DraftFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField()),
                ('kind', models.CharField(blank=True, max_length=40)),
                ('description', models.CharField(blank=True, max_length=120)),
                ('file_name', models.CharField(max_length=200)),
                ('path', models.CharField(max_length=300)),
                ('sha256', models.CharField(max_length=64)),
                ('page_count', models.PositiveIntegerField()),
                ('size', models.PositiveBigIntegerField()),
                ('draft', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='docket.filingdraft')),
            ],
            options={
                'ordering': ['draft', 'position'],
            },
        ),
        migrations.CreateModel(
            name='OpenedCase',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=80)),
                ('caseid', models.BigIntegerField()),
                ('opened_at', models.DateTimeField()),
                ('fee_arrangement', models.CharField(blank=True, max_length=12)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
                ('entry', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='opening', to='docket.docketentry')),
                ('opened_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='Document',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('doc_id', models.BigIntegerField()),
                ('attachment_number', models.PositiveSmallIntegerField()),
                ('kind', models.CharField(blank=True, max_length=40)),
                ('description', models.CharField(max_length=120)),
                ('file_name', models.CharField(max_length=200)),
                ('stamp', models.TextField()),
                ('sealed', models.BooleanField(default=False)),
                ('restricted', models.BooleanField(default=False)),
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='docket.docketentry')),
                ('stored_pdf', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='documents.storedpdf')),
            ],
            options={
                'ordering': ['entry', 'attachment_number'],
                'constraints': [models.UniqueConstraint(fields=('entry', 'attachment_number'), name='document_attachment_unique'), models.UniqueConstraint(fields=('doc_id', 'attachment_number'), name='document_number_unique')],
            },
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.UniqueConstraint(fields=('court', 'code'), name='event_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(('filers__in', ['filers', 'court'])), name='event_filers_valid'),
        ),
        migrations.AddIndex(
            model_name='docketentry',
            index=models.Index(fields=['court', 'review', 'filed_at'], name='entry_review_queue_idx'),
        ),
        migrations.AddConstraint(
            model_name='docketentry',
            constraint=models.UniqueConstraint(fields=('caseid', 'entry_number'), name='entry_number_unique'),
        ),
        migrations.AddConstraint(
            model_name='docketentry',
            constraint=models.CheckConstraint(condition=models.Q(('entry_number__gte', 1)), name='entry_number_positive'),
        ),
        migrations.AddIndex(
            model_name='filingdraft',
            index=models.Index(fields=['expires_at'], name='draft_expiry_idx'),
        ),
        migrations.AddConstraint(
            model_name='draftfile',
            constraint=models.UniqueConstraint(fields=('draft', 'position'), name='draft_file_unique'),
        ),
        migrations.AddConstraint(
            model_name='openedcase',
            constraint=models.UniqueConstraint(fields=('key',), name='opened_case_key_unique'),
        ),
    ]
