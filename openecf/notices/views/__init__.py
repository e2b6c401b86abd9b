"""The pages of notices: notices to the bar (``bar``) and Notices of Electronic Filing
(``filing``). Names are re-exported here for ``urls.py``."""

from openecf.notices.views.bar import (
    archive,
    cancel,
    clerk_notices,
    notice_page,
    preview,
    schedule_reminders,
    send,
)
from openecf.notices.views.filing import (
    court_lists,
    end_court_list,
    my_notice,
    my_notices,
    noticing,
    undeliverable,
)

__all__ = [
    "archive",
    "cancel",
    "clerk_notices",
    "court_lists",
    "end_court_list",
    "my_notice",
    "my_notices",
    "notice_page",
    "noticing",
    "preview",
    "schedule_reminders",
    "send",
    "undeliverable",
]
