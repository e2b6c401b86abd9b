"""What other apps use of the public-access reports: the one access rule of the record.

Any page, endpoint, feed or notice link that shows part of a case's record asks
``record_access`` (a frozen ``RecordAccess``: the case as the person may see it, whether they
are the court or a participant, and whether Fed. R. Civ. P. 5.2(c) limits them), and
``RecordAccess.may_open`` for each document.
"""

from __future__ import annotations

from openecf.reports.access import RecordAccess, record_access

__all__ = ["RecordAccess", "record_access"]
