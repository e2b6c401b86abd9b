"""Every write of Central Sign-On: sign-in steps, throttling, MFA methods, API sign-on.

One module per topic; this package re-exports them all, so ``from openecf.signon import
actions`` keeps working.
"""

from openecf.signon.actions.api_sign_on import ApiSignOn, sign_on_by_api
from openecf.signon.actions.mfa_methods import (
    EMAIL_CODE_INTERVAL,
    activate_app,
    confirm_enrolment_email,
    regenerate_backup_codes,
    remove_app,
    rename_app,
    start_app_enrolment,
)
from openecf.signon.actions.pending import (
    PENDING_LIFETIME,
    StartedPending,
    acknowledge_pending_redaction,
    begin_pending,
    finish_pending,
    next_step,
    pass_pending_mfa,
    pending_for,
    skip_mfa_enrolment,
)
from openecf.signon.actions.sign_in import (
    WRONG_CODE,
    _subject,
    check_password,
    verify_second_factor,
)
from openecf.signon.actions.throttling import (
    throttle_keys,
)

__all__ = [
    "ApiSignOn",
    "EMAIL_CODE_INTERVAL",
    "PENDING_LIFETIME",
    "StartedPending",
    "WRONG_CODE",
    "_subject",
    "acknowledge_pending_redaction",
    "activate_app",
    "begin_pending",
    "check_password",
    "confirm_enrolment_email",
    "finish_pending",
    "next_step",
    "pass_pending_mfa",
    "pending_for",
    "regenerate_backup_codes",
    "remove_app",
    "rename_app",
    "sign_on_by_api",
    "skip_mfa_enrolment",
    "start_app_enrolment",
    "throttle_keys",
    "verify_second_factor",
]
