"""What other apps ask of the national Case Locator (central).

The court side keeps the index in step with its record: every change to a case's searchable
facts (opened; a party added, renamed or terminated; sealed or unsealed; closed or reopened;
transferred) calls ``index_case`` with the case as it now is, INSIDE the transaction making the
change, so the index commits or rolls back with it. A sealed case is taken out of the index.
The court side also registers a reader of its whole record (``read_record_with``) for
``openecf locator rebuild``. Only plain frozen dataclasses cross this boundary.
"""

from __future__ import annotations

from openecf.locator.indexing import index_case, read_record_with
from openecf.locator.records import CaseRecord, PartyName
from openecf.locator.rules import court_kind_of

__all__ = ["CaseRecord", "PartyName", "court_kind_of", "index_case", "read_record_with"]
