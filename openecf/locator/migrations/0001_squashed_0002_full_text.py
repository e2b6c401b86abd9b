"""locator's tables as they stand after 0001-0002 (squashed). A database that applied those
migrations keeps them (``replaces``); a new database gets these tables in one step.

The last step is the old 0002's, kept whole: the database's own full-text index over
``IndexedName.words``, per vendor. PostgreSQL: a generated ``tsvector`` column (the 'simple'
configuration: names are not stemmed) with a GIN index; the database keeps it with each row.
SQLite: an FTS5 table over the same rows (external content, prefix indexes for wildcards) kept
by triggers. Either way the index changes in the transaction that changes the row.
"""

import django.db.models.deletion
from django.db import migrations, models


POSTGRES = [
    "ALTER TABLE locator_indexedname ADD COLUMN search tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED",
    "CREATE INDEX locator_name_search ON locator_indexedname USING GIN (search)",
]
POSTGRES_UNDO = [
    "DROP INDEX IF EXISTS locator_name_search",
    "ALTER TABLE locator_indexedname DROP COLUMN IF EXISTS search",
]
SQLITE = [
    "CREATE VIRTUAL TABLE locator_name_fts USING fts5(words, content='locator_indexedname', "
    "content_rowid='id', tokenize='unicode61', prefix='2 3 4')",
    "CREATE TRIGGER locator_name_ai AFTER INSERT ON locator_indexedname BEGIN "
    "INSERT INTO locator_name_fts(rowid, words) VALUES (new.id, new.words); END",
    "CREATE TRIGGER locator_name_ad AFTER DELETE ON locator_indexedname BEGIN "
    "INSERT INTO locator_name_fts(locator_name_fts, rowid, words) "
    "VALUES ('delete', old.id, old.words); END",
    "CREATE TRIGGER locator_name_au AFTER UPDATE ON locator_indexedname BEGIN "
    "INSERT INTO locator_name_fts(locator_name_fts, rowid, words) "
    "VALUES ('delete', old.id, old.words); "
    "INSERT INTO locator_name_fts(rowid, words) VALUES (new.id, new.words); END",
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS locator_name_au",
    "DROP TRIGGER IF EXISTS locator_name_ad",
    "DROP TRIGGER IF EXISTS locator_name_ai",
    "DROP TABLE IF EXISTS locator_name_fts",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise RuntimeError(f"The Case Locator needs PostgreSQL or SQLite, not {vendor}.")
        for sql in statements[vendor]:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):

    replaces = [('locator', '0001_initial'), ('locator', '0002_full_text')]

    initial = True

    dependencies = [
        ('courts', '0001_squashed_0002_court_fees'),
    ]

    operations = [
        migrations.CreateModel(
            name='IndexedCase',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('court_kind', models.CharField(max_length=10)),
                ('caseid', models.BigIntegerField()),
                ('case_number', models.CharField(max_length=24)),
                ('shown_number', models.CharField(max_length=40)),
                ('kind', models.CharField(max_length=2)),
                ('office_number', models.PositiveSmallIntegerField(default=0)),
                ('year', models.PositiveSmallIntegerField()),
                ('sequence', models.PositiveIntegerField()),
                ('title', models.CharField(max_length=400)),
                ('date_filed', models.DateField()),
                ('date_terminated', models.DateField(blank=True, null=True)),
                ('nature_of_suit', models.CharField(blank=True, max_length=8)),
                ('chapter', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('court', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courts.court')),
            ],
        ),
        migrations.CreateModel(
            name='IndexedName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=300)),
                ('role', models.CharField(max_length=20)),
                ('words', models.CharField(max_length=300)),
                ('word_count', models.PositiveSmallIntegerField()),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='names', to='locator.indexedcase')),
            ],
        ),
        migrations.AddIndex(
            model_name='indexedcase',
            index=models.Index(fields=['sequence', 'court'], name='locator_case_sequence'),
        ),
        migrations.AddIndex(
            model_name='indexedcase',
            index=models.Index(fields=['date_filed'], name='locator_case_filed'),
        ),
        migrations.AddIndex(
            model_name='indexedcase',
            index=models.Index(fields=['nature_of_suit', 'date_filed'], name='locator_case_nos'),
        ),
        migrations.AddIndex(
            model_name='indexedcase',
            index=models.Index(fields=['chapter', 'date_filed'], name='locator_case_chapter'),
        ),
        migrations.AddConstraint(
            model_name='indexedcase',
            constraint=models.UniqueConstraint(fields=('court', 'caseid'), name='locator_case_unique'),
        ),
        migrations.AddIndex(
            model_name='indexedname',
            index=models.Index(fields=['case'], name='locator_name_case'),
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_UNDO, "sqlite": SQLITE_UNDO}),
        ),
    ]
