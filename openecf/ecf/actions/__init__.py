"""The only writes of the court side: links, privileges, court logins, agents.

Each action is keyword-only, runs in one transaction, writes one audit row on the court's chain
and queues its e-mail to be sent after commit. One module per topic; this package re-exports
them all, so ``from openecf.ecf import actions`` keeps working.
"""

from openecf.ecf.actions.agents import _live_association, associate_filing_agent, end_filing_agent
from openecf.ecf.actions.clerk import (
    add_court_login,
    clerk_reset_court_password,
    set_court_login_disabled,
)
from openecf.ecf.actions.court_logins import (
    COURT_SESSION_LIFETIME,
    WRONG_PASSWORD,
)
from openecf.ecf.actions.fees import (
    PaidFee,
    begin_court_fee_checkout,
    complete_court_fee_checkout,
    heal_paid_fees,
    pay_court_fee,
    record_dues_owed,
    record_fee_owed,
    remind_unpaid_dues,
)
from openecf.ecf.actions.linking import (
    link_court_login,
    link_refusal_before_password,
    link_verified_court_login,
    preview_link,
    undo_link,
)
from openecf.ecf.actions.passwords import (
    request_court_password_reset,
    reset_court_password,
)
from openecf.ecf.actions.privileges import _live_privilege, grant_privilege, revoke_privilege
from openecf.ecf.actions.sign_in import (
    _burn_time,
    sign_in_court_login,
    sign_out_court_login,
    verify_court_password,
)

__all__ = [
    "COURT_SESSION_LIFETIME",
    "WRONG_PASSWORD",
    "PaidFee",
    "_burn_time",
    "_live_association",
    "_live_privilege",
    "add_court_login",
    "associate_filing_agent",
    "clerk_reset_court_password",
    "end_filing_agent",
    "grant_privilege",
    "heal_paid_fees",
    "pay_court_fee",
    "begin_court_fee_checkout",
    "complete_court_fee_checkout",
    "record_dues_owed",
    "remind_unpaid_dues",
    "link_court_login",
    "link_refusal_before_password",
    "link_verified_court_login",
    "preview_link",
    "record_fee_owed",
    "request_court_password_reset",
    "reset_court_password",
    "revoke_privilege",
    "set_court_login_disabled",
    "sign_in_court_login",
    "sign_out_court_login",
    "undo_link",
    "verify_court_password",
]
