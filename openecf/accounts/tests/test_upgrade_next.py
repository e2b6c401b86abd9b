"""After the upgrade the page offers the next step, or returns to where the person was going."""

import re

from openecf.accounts.tests.factories import GOOD_PASSWORD
from openecf.accounts.tests.test_upgrade import _carried


def _upgrade(client, query: str = ""):
    person = client.get(f"/account/upgrade/{query}")
    carried_next = re.findall(r'name="next" value="([^"]*)"', person.content.decode())
    address = client.post(
        "/account/upgrade/",
        {"step": "person", "date_of_birth": "1966-10-02", "user_type": "individual",
         **({"next": carried_next[0]} if carried_next else {})},
    )  # fmt: skip
    security = client.post(
        "/account/upgrade/",
        {"step": "address", "carried": _carried(address), "street": "200 Walnut Street",
         "city": "Kansas City", "state": "MO", "zip": "64106", "county": "Clay",
         **dict(re.findall(r'name="(next)" value="([^"]*)"', address.content.decode()))},
    )  # fmt: skip
    return client.post(
        "/account/upgrade/",
        {"step": "security", "carried": _carried(security), "username": "larry.filer",
         "password": GOOD_PASSWORD, "password_again": GOOD_PASSWORD,
         "question_1": "What was the name of your first pet?", "answer_1": "Rex",
         "question_2": "In what city were you born?", "answer_2": "Joplin",
         **dict(re.findall(r'name="(next)" value="([^"]*)"', security.content.decode()))},
    )  # fmt: skip


def test_the_upgrade_returns_to_next_through_every_step(legacy_attorney, signed_in):
    client = signed_in(legacy_attorney)
    done = _upgrade(client, "?next=/mowd/utilities/link/")
    assert done["Location"] == "/account/upgrade/complete/?next=/mowd/utilities/link/"
    page = client.get(done["Location"]).content.decode()
    assert (
        '<a class="usa-button" href="/mowd/utilities/link/">Continue where you were going' in page
    )


def test_without_next_the_upgrade_offers_the_courts_and_their_next_steps(
    legacy_attorney, signed_in
):
    client = signed_in(legacy_attorney)
    done = _upgrade(client)
    assert done["Location"] == "/account/upgrade/complete/"
    page = client.get(done["Location"]).content.decode()
    assert 'href="/account/courts/">Next: see what each of your courts needs' in page


def test_a_next_pointing_at_another_site_is_not_followed(legacy_attorney, signed_in):
    client = signed_in(legacy_attorney)
    done = _upgrade(client, "?next=//evil.example/")
    assert done["Location"] == "/account/upgrade/complete/"
