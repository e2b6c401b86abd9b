"""Every write to notices, by topic: notices to the bar (``bar``), Notices of Electronic
Filing (``filing``), their daily summaries (``summaries``) and free looks
(``free_looks``). Names are re-exported here, so
``from openecf.notices import actions`` keeps working."""

from openecf.notices.actions.bar import (
    cancel_notice,
    draft_notice,
    schedule_go_live_reminders,
    send_due_reminders,
    send_new_notice,
    send_notice,
)
from openecf.notices.actions.filing import notify_entry, save_noticing_settings
from openecf.notices.actions.free_looks import filer_free_look, use_free_look
from openecf.notices.actions.summaries import send_daily_summaries

__all__ = [
    "cancel_notice",
    "draft_notice",
    "filer_free_look",
    "notify_entry",
    "save_noticing_settings",
    "schedule_go_live_reminders",
    "send_daily_summaries",
    "send_due_reminders",
    "send_new_notice",
    "send_notice",
    "use_free_look",
]
