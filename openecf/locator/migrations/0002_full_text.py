"""The database's own full-text index over ``IndexedName.words``, per vendor.

PostgreSQL: a generated ``tsvector`` column (the 'simple' configuration: names are not
stemmed) with a GIN index; the database keeps it with each row. SQLite: an FTS5 table over the
same rows (external content, prefix indexes for wildcards) kept by triggers. Either way the
index changes in the transaction that changes the row.
"""

from django.db import migrations

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
    dependencies = [("locator", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_UNDO, "sqlite": SQLITE_UNDO}),
        )
    ]
