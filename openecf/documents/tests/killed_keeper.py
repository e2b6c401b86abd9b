"""A filing process for test_keep: killed between the file write and the commit.

``keep``: create the documents tables in a fresh SQLite file, check and keep a PDF inside a
transaction, print ``written <name>`` once the file is written, then wait to be killed.
``sweep``: sweep with no grace period and print how many files went.
"""

from __future__ import annotations

import sys
from datetime import timedelta

import django

from openecf.tests_support.killing import wait_to_be_killed


def sweep_at_once() -> None:
    """Run the documents' sweep with no grace period and print how many files went."""
    from openecf.core import clock
    from openecf.documents import intake, store

    swept = store.sweep(
        now=clock.now() + timedelta(seconds=1),
        grace=timedelta(0),
        intake_folder=intake.intake_folder(),
    )
    print(f"swept {swept.files} file(s)", flush=True)


def main(what: str) -> None:
    django.setup()
    from django.apps import apps
    from django.db import connection, transaction

    from openecf.documents import facade, store
    from openecf.documents.tests import corpus

    if what == "sweep":
        sweep_at_once()
        return
    from openecf.courts.models import Court

    # The tables this needs: courts, documents', and every table that refers to a stored PDF
    # (the sweep asks them); SQLite accepts references to tables it does not have.
    needed = [Court, *apps.get_app_config("documents").get_models()]
    needed += [model for model, _ in store._referring_fields() if model not in needed]
    with connection.schema_editor() as editor:
        for model in needed:
            editor.create_model(model)
    Court.objects.create(
        id="mowd",
        name="W.D. Mo.",
        short_name="W.D. Mo.",
        kind="district",
        state="MO",
        time_zone="America/Chicago",
    )
    checked = facade.check_pdf(corpus.text_pdf(), court_id="mowd", file_name="m.pdf")
    real_write = store._write

    def write_then_wait(where, name, path):
        real_write(where, name, path)
        print(f"written {name}", flush=True)
        wait_to_be_killed()

    store._write = write_then_wait
    with transaction.atomic():
        facade.keep(checked)


if __name__ == "__main__":
    main(sys.argv[1])
