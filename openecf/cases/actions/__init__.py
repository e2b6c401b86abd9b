"""The only writes of cases: opening (inside the filing's transaction), judges, the clerk's.

One module per topic; this package re-exports them, so ``from openecf.cases import actions``
works.
"""

from openecf.cases.actions.clerk import (
    add_attorney_of_record,
    add_pro_se_filer,
    close_case,
    end_case,
    reopen_case,
    set_case_sealed,
    terminate_attorney,
    terminate_party,
)
from openecf.cases.actions.judges import initials_of, set_judge_seat, transfer_judge
from openecf.cases.actions.opening import (
    check_opening,
    continue_numbering,
    court_offices,
    open_case,
)

__all__ = [
    "add_attorney_of_record",
    "add_pro_se_filer",
    "check_opening",
    "close_case",
    "continue_numbering",
    "court_offices",
    "end_case",
    "initials_of",
    "open_case",
    "reopen_case",
    "set_case_sealed",
    "set_judge_seat",
    "terminate_attorney",
    "terminate_party",
    "transfer_judge",
]
