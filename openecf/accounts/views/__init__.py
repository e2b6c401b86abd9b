"""Account pages: registration, Manage My Account, legacy upgrade, forgotten credentials.

One module per topic; this package re-exports the views the URLs name.
"""

from openecf.accounts.views.manage import (
    contact,
    maintenance,
    password,
    security,
    settings_page,
    username,
)
from openecf.accounts.views.pages import (
    SAME_ANSWER,
    UPGRADE_CARRY_SECONDS,
    UPGRADE_SALT,
    _account,
    _show,
)
from openecf.accounts.views.recovery import (
    forgot_password,
    forgot_username,
    reactivate,
    reactivate_link,
    reset,
)
from openecf.accounts.views.registration import register, verify
from openecf.accounts.views.upgrade import (
    _carried,
    upgrade,
    upgrade_complete,
)

__all__ = [
    "SAME_ANSWER",
    "UPGRADE_CARRY_SECONDS",
    "UPGRADE_SALT",
    "_account",
    "_carried",
    "_show",
    "contact",
    "forgot_password",
    "forgot_username",
    "maintenance",
    "password",
    "reactivate",
    "reactivate_link",
    "register",
    "reset",
    "security",
    "settings_page",
    "upgrade",
    "upgrade_complete",
    "username",
    "verify",
]
