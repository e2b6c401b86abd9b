"""juriscraper's PacerSession signs in against our /services/cso-auth unchanged."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from openecf.signon.sessions import session_for_token
from openecf.tests_support.factories import DEFAULT_PASSWORD, AccountFactory


@pytest.mark.django_db(transaction=True)
def test_juriscraper_pacer_session_logs_in_and_its_token_works(live_server):
    from juriscraper.pacer.http import PacerSession

    account = AccountFactory(purpose="attorney_filer")  # a filer: juriscraper sends redactFlag 1

    async def sign_in() -> str:
        session = PacerSession(
            username=account.username, password=DEFAULT_PASSWORD, client_code="jscraper"
        )
        async with session:
            await session.login(url=f"{live_server.url}/services/cso-auth")
            return session.cookies.get("NextGenCSO", domain=".uscourts.gov")

    token = asyncio.run(sign_in())
    assert len(token) == 128
    live = session_for_token(token)
    assert live is not None and live.account_id == account.pk
    assert live.redaction_acknowledged is True and live.client_code == "jscraper"
    answer = httpx.get(
        f"{live_server.url}/api/v1/sessions", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 200 and answer.json()[0]["current"] is True


@pytest.mark.django_db(transaction=True)
def test_juriscraper_reports_a_wrong_password(live_server):
    from juriscraper.pacer.http import PacerLoginException, PacerSession

    account = AccountFactory()

    async def sign_in() -> None:
        async with PacerSession(username=account.username, password="Wrong-Password-1!") as s:
            await s.login(url=f"{live_server.url}/services/cso-auth")

    with pytest.raises(PacerLoginException, match="Invalid username or password"):
        asyncio.run(sign_in())
