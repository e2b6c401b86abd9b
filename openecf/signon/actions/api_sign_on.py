"""The PACER Authentication API's sign-on (``/services/cso-auth``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from openecf.accounts import facade as accounts
from openecf.core.transactions import durable_action
from openecf.signon import queries, rules
from openecf.signon.actions.pending import skip_mfa_enrolment
from openecf.signon.actions.sign_in import check_password, verify_second_factor
from openecf.signon.errors import (
    RedactionNotAcknowledged,
    SecondFactorRequired,
    SignOnRefused,
)
from openecf.signon.sessions import StartedSession, start_session


@dataclass(frozen=True)
class ApiSignOn:
    started: StartedSession
    warning: str


def sign_on_by_api(
    *,
    login_id: str,
    password: str,
    client_code: str,
    redact_flag: str,
    otp_code: str,
    source_address: str | None,
    user_agent: str,
    now: datetime,
) -> ApiSignOn:
    """``/services/cso-auth``: every web step in one request, or a refusal saying which failed."""
    account = check_password(
        username=login_id, password=password, source_address=source_address, now=now
    )
    if accounts.is_filer(account) and redact_flag != "1":
        raise RedactionNotAcknowledged(
            'This account can file: send "redactFlag": "1" to acknowledge the IMPORTANT '
            "NOTICE OF REDACTION RESPONSIBILITY (redact Social Security and taxpayer numbers, "
            "dates of birth, names of minor children, financial account numbers and, in criminal "
            "cases, home addresses)."
        )
    mfa_used = False
    if queries.has_mfa(account.pk):
        if not (otp_code or "").strip():
            raise SecondFactorRequired(
                "This account uses multi-factor authentication: send the current code from "
                'your authenticator app (or a backup code) as "otpCode".'
            )
        verify_second_factor(account=account, code=otp_code, source_address=source_address, now=now)
        mfa_used = True
    if accounts.password_expired(account, now):
        raise SignOnRefused(
            "Your password is more than 180 days old. Sign in at /login/ and change it at "
            "/account/password/, then try again."
        )
    with durable_action():
        prompt = queries.mfa_prompt_for(account, now)
        warning = ""
        if prompt == rules.MfaPrompt.OFFER_SKIP:
            left = skip_mfa_enrolment(account=account)  # each API sign-on uses one skip
            warning = (
                "Pending action on your account: multi-factor authentication is required for "
                "filers. Add an authenticator app at /account/mfa/ or with /api/v1/mfa "
                f"(this sign-on used a skip: {left} skip{'' if left == 1 else 's'} left)."
            )
        elif prompt == rules.MfaPrompt.REQUIRED:
            warning = (
                "Multi-factor authentication is required for filers and this account has no "
                "skips left: until you add an authenticator app (with /api/v1/mfa, or at "
                "/account/mfa/ on the web), this session can only enrol or sign out."
            )
        started = start_session(
            account_id=account.pk,
            client_code=client_code[:32],
            redaction_acknowledged=redact_flag == "1",
            source_address=source_address,
            user_agent=user_agent,
            must_enrol_mfa=prompt == rules.MfaPrompt.REQUIRED,
            details={"mfa": mfa_used, "via": "cso-auth"},
        )
    return ApiSignOn(started=started, warning=warning)
