"""The whole demo: the office manager's page shows one ready, one legacy, one not linked."""

import pytest

from openecf.accounts.models import Account


@pytest.mark.django_db
def test_the_demo_firm_readiness_is_the_letters_story(signed_in):
    from openecf.web import demo

    demo.load()
    paa = Account.objects.get(username="jcofficemgr")
    body = signed_in(paa).get("/api/v1/firm/readiness").json()
    assert [
        (m["username"], m["ready"], m["steps"][0]["code"] if m["steps"] else None)
        for m in body["members"]
    ] == [
        ("aattorney1", True, None),
        ("bbarrister2", False, "court:mowd"),
        ("LA1234", False, "upgrade"),
    ]
