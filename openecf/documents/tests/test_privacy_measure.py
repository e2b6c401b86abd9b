"""Precision and recall of the privacy check on labelled generated pages, through real PDFs.

docs/documents.md reports the numbers; this holds the floor.
"""

from __future__ import annotations

from collections import Counter

import pytest

from openecf.documents import facade
from openecf.documents.tests import corpus, privacy_set

FLOOR = 0.95


@pytest.mark.parametrize("seed", [5, 11])
def test_precision_and_recall_on_the_labelled_pages_hold_the_floor(seed, court):
    labelled = privacy_set.pages(seed)
    data = corpus.saved(corpus.new_text_pdf([page.lines for page in labelled]))

    checked = facade.check_pdf(data, court_id="mowd", file_name="set.pdf", find_minors=True)
    found = [Counter[str]() for _ in labelled]
    for hit in checked.privacy_hits:
        found[hit.page - 1][hit.kind] += 1
    measured = privacy_set.measure(labelled, found)

    print(
        f"seed {seed}: {measured} precision {measured.precision:.3f} recall {measured.recall:.3f}"
    )
    assert measured.true_positives > 200
    assert measured.precision >= FLOOR
    assert measured.recall >= FLOOR
    facade.discard(checked)
