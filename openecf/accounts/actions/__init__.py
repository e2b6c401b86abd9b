"""Every write to PACER accounts: one transaction, one audit row, e-mail after commit.

One module per topic (as Zulip's ``zerver/actions/``); this package re-exports them all, so
``from openecf.accounts import actions`` keeps working.
"""

from openecf.accounts.actions.input import (
    US_STATES,
    Address,
    SecurityQuestion,
    _subject,
)
from openecf.accounts.actions.legacy_import import LegacyAccountRow, import_legacy_accounts
from openecf.accounts.actions.profile import (
    change_password,
    change_username,
    check_contact,
    confirm_email_change,
    current_password_key,
    request_email_change,
    update_contact,
    use_email_link,
)
from openecf.accounts.actions.recovery import (
    THROTTLE_PER_EMAIL,
    THROTTLE_PER_SOURCE,
    THROTTLE_WINDOW,
    count_request,
    purge_throttle_counts,
    reactivate_account,
    reset_link_account,
    reset_password,
    send_password_reset,
    send_reactivation_link,
    send_username_reminder,
)
from openecf.accounts.actions.registration import (
    Registration,
    create_administrative_account,
    issue_email_verification,
    register_account,
    save_with_new_account_number,
    verify_email,
)
from openecf.accounts.actions.service_center import (
    deactivate_unused_account,
    deactivate_unused_accounts,
    mark_as_filer,
    reactivate_by_service_center,
    release_registration_hold,
)
from openecf.accounts.actions.upgrade import (
    USER_TYPES,
    check_address,
    check_upgrade_person,
    upgrade_legacy_account,
)

__all__ = [
    "Address",
    "LegacyAccountRow",
    "Registration",
    "SecurityQuestion",
    "THROTTLE_PER_EMAIL",
    "THROTTLE_PER_SOURCE",
    "THROTTLE_WINDOW",
    "USER_TYPES",
    "US_STATES",
    "_subject",
    "change_password",
    "change_username",
    "check_address",
    "check_contact",
    "check_upgrade_person",
    "confirm_email_change",
    "count_request",
    "current_password_key",
    "deactivate_unused_account",
    "deactivate_unused_accounts",
    "import_legacy_accounts",
    "create_administrative_account",
    "issue_email_verification",
    "mark_as_filer",
    "purge_throttle_counts",
    "reactivate_account",
    "reactivate_by_service_center",
    "register_account",
    "save_with_new_account_number",
    "release_registration_hold",
    "request_email_change",
    "reset_link_account",
    "reset_password",
    "send_password_reset",
    "send_reactivation_link",
    "send_username_reminder",
    "update_contact",
    "upgrade_legacy_account",
    "use_email_link",
    "verify_email",
]
