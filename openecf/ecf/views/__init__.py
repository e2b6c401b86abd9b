"""Court pages for filers and the clerk's office: court login, linking, filing, agents.

One module per topic; this package re-exports the views the URLs name.
"""

from openecf.ecf.access import COURT_COOKIE_SALT, court_cookie_name, court_login_of
from openecf.ecf.views.agents import agents_page, end_agent
from openecf.ecf.views.clerk import clerk_add_login, clerk_login_detail, clerk_logins
from openecf.ecf.views.court_login import login_page, logout_page
from openecf.ecf.views.fee_report import fee_report, refund_page
from openecf.ecf.views.fees import (
    court_fees_due,
    fees_due,
    pay_fee,
    pay_fee_cancel,
    pay_fee_return,
)
from openecf.ecf.views.filing import file_page
from openecf.ecf.views.linking import link_done, link_page, utilities
from openecf.ecf.views.pages import (
    LINK_TOKEN_MAX_AGE,
    LINK_TOKEN_SALT,
    address_of,
)

__all__ = [
    "COURT_COOKIE_SALT",
    "LINK_TOKEN_MAX_AGE",
    "LINK_TOKEN_SALT",
    "address_of",
    "agents_page",
    "clerk_add_login",
    "clerk_login_detail",
    "clerk_logins",
    "court_cookie_name",
    "court_login_of",
    "court_fees_due",
    "end_agent",
    "fee_report",
    "fees_due",
    "file_page",
    "link_done",
    "link_page",
    "login_page",
    "logout_page",
    "pay_fee",
    "pay_fee_cancel",
    "pay_fee_return",
    "refund_page",
    "utilities",
]
