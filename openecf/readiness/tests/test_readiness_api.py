"""Readiness as JSON."""

import json


def test_readiness_as_json(signed_in, firm, team):
    alice, larry, uma = team
    body = signed_in(firm.paa).get("/api/v1/firm/readiness").json()
    assert body["firm_name"] == "Jefferson & Clay LLP"
    assert body["courts"] == [
        {
            "court_id": "mowd",
            "short_name": "W.D. Mo.",
            "nextgen": True,
            "go_live": "April 23, 2018 at 12:00 a.m. Central",
        }
    ]
    assert (body["ready_count"], body["member_count"]) == (1, 3)
    assert body["members"][0] == {
        "name": "Alice Attorney",
        "username": alice.username,
        "account_number": alice.account_number,
        "individual": True,
        "upgraded": True,
        "mfa_enrolled": True,
        "courts": {"mowd": "linked"},
        "ready": True,
        "next_step": "None: ready for NextGen.",
        "steps": [],
    }
    assert [s["code"] for s in body["members"][1]["steps"]] == ["upgrade", "mfa", "court:mowd"]
    assert [s["code"] for s in body["members"][2]["steps"]] == ["court:mowd"]


def test_the_json_sorts_too(signed_in, firm, team):
    body = signed_in(firm.paa).get("/api/v1/firm/readiness?sort=-ready").json()
    assert [m["name"] for m in body["members"]] == [
        "Alice Attorney",
        "Larry Legacy",
        "Uma Unlinked",
    ]


def test_choose_courts_through_the_api(signed_in, firm, team):
    response = signed_in(firm.paa).put(
        "/api/v1/firm/readiness/courts",
        json.dumps({"court_ids": ["mowd", "ksd"]}),
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert [c["court_id"] for c in body["courts"]] == ["ksd", "mowd"]
    assert body["courts"][0]["nextgen"] is False
    alice = body["members"][0]
    assert alice["courts"] == {"ksd": "not_yet", "mowd": "linked"}
    assert alice["next_step"].startswith(
        "Know the CM/ECF login and password for D. Kan., and link it once the court goes live"
    )


def test_an_unknown_court_is_refused_through_the_api(signed_in, firm):
    response = signed_in(firm.paa).put(
        "/api/v1/firm/readiness/courts",
        json.dumps({"court_ids": ["nowhere"]}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {
        "error": {
            "code": "invalid_input",
            "message": "There is no court 'nowhere': use CM/ECF court ids such as mowd or mowb.",
            "fields": {
                "courts": [
                    "There is no court 'nowhere': use CM/ECF court ids such as mowd or mowb."
                ]
            },
        }
    }
    assert list(firm.readiness_courts.values_list("pk", flat=True)) == ["mowd"]
