"""Central Sign-On pages: sign in, sessions and MFA in Manage My Account.

One module per topic; this package re-exports the views the URLs name.
"""

from openecf.signon.views.mfa import (
    mfa_add,
    mfa_add_activate,
    mfa_add_email,
    mfa_backup_codes,
    mfa_page,
    mfa_remove_app,
    mfa_rename_app,
)
from openecf.signon.views.pages import (
    PENDING_COOKIE,
    set_session_cookie,
    source_address,
    user_agent,
)
from openecf.signon.views.sessions import (
    _account,
    end_one_session,
    end_other_sessions,
    sessions_page,
)
from openecf.signon.views.sign_in import (
    REDACTION_NOTICE,
    REDACTION_NOTICE_TITLE,
    login,
    login_continue,
    logout,
)

__all__ = [
    "PENDING_COOKIE",
    "REDACTION_NOTICE",
    "REDACTION_NOTICE_TITLE",
    "_account",
    "end_one_session",
    "end_other_sessions",
    "login",
    "login_continue",
    "logout",
    "mfa_add",
    "mfa_add_activate",
    "mfa_add_email",
    "mfa_backup_codes",
    "mfa_page",
    "mfa_remove_app",
    "mfa_rename_app",
    "sessions_page",
    "set_session_cookie",
    "source_address",
    "user_agent",
]
