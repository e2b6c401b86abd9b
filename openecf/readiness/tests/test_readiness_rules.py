"""Pure readiness rules: the next step, sorting and the CSV (no database)."""

import pytest

from openecf.readiness import rules

MOWD = rules.CourtFacts("mowd", "W.D. Mo.", True, "April 23, 2018 at 12:00 a.m. Central")
KSD = rules.CourtFacts("ksd", "D. Kan.", False, "January 24, 2027 at 12:00 a.m. Central")


def member(**changes):
    facts = {
        "account_id": 1,
        "first_name": "Alice",
        "last_name": "Attorney",
        "username": "aattorney1",
        "account_number": "3100001",
        "email": "a@example.com",
        "individual": True,
        "upgraded": True,
        "mfa": True,
        "court_status": {"mowd": rules.LINKED},
    }
    facts.update(changes)
    return rules.MemberFacts(**facts)


@pytest.mark.parametrize(
    ("linked", "privilege", "expected"),
    [
        (True, True, "linked"),
        (True, False, "linked"),
        (False, True, "privilege"),
        (False, False, "not_yet"),
    ],
)
def test_a_court_shows_linked_before_privilege(linked, privilege, expected):
    assert rules.court_status(linked=linked, has_privilege=privilege) == expected


def test_a_member_with_everything_is_ready():
    row = rules.Row(member(), rules.steps_for(member(), [MOWD]))
    assert row.ready is True
    assert row.next_step == "None: ready for NextGen."


@pytest.mark.parametrize(
    ("changes", "first_code"),
    [
        ({"individual": False, "upgraded": False, "mfa": False}, "individual_account"),
        ({"upgraded": False, "mfa": False, "court_status": {}}, "upgrade"),
        ({"mfa": False, "court_status": {}}, "mfa"),
        ({"court_status": {}}, "court:mowd"),
        ({"court_status": {"mowd": "privilege"}}, None),
    ],
)
def test_the_next_step_is_the_first_missing_one(changes, first_code):
    steps = rules.steps_for(member(**changes), [MOWD])
    assert (steps[0].code if steps else None) == first_code


def test_the_link_step_names_the_court():
    steps = rules.steps_for(member(court_status={}), [MOWD])
    assert steps[0].text == (
        "Link the CM/ECF login at W.D. Mo. to the PACER account (Utilities → Link a CM/ECF "
        "account to my PACER account), or, without a CM/ECF login there, request e-file "
        "registration in Manage My Account (Maintenance → Attorney Admissions / E-File "
        "Registration)."
    )


def test_before_go_live_the_step_is_to_know_the_court_login():
    steps = rules.steps_for(member(), [MOWD, KSD])
    assert [s.text for s in steps] == [
        "Know the CM/ECF login and password for D. Kan., and link it once the court goes live "
        "(January 24, 2027 at 12:00 a.m. Central)."
    ]


def rows():
    return rules.rows_for(
        [
            member(account_id=1),
            member(
                account_id=2,
                first_name="Larry",
                last_name="Legacy",
                username="LA1234",
                account_number="3100002",
                upgraded=False,
                mfa=False,
                court_status={},
            ),
            member(
                account_id=3,
                first_name="Uma",
                last_name="Unlinked",
                username="uunlinked",
                account_number="3100003",
                court_status={},
            ),
        ],
        [MOWD],
    )


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Attorney", "Legacy", "Unlinked"]),
        ("-name", ["Unlinked", "Legacy", "Attorney"]),
        ("username", ["Attorney", "Legacy", "Unlinked"]),
        ("-account_number", ["Unlinked", "Legacy", "Attorney"]),
        ("upgraded", ["Legacy", "Attorney", "Unlinked"]),
        ("mfa", ["Legacy", "Attorney", "Unlinked"]),
        ("ready", ["Legacy", "Unlinked", "Attorney"]),
        ("-ready", ["Attorney", "Legacy", "Unlinked"]),
        ("court:mowd", ["Attorney", "Legacy", "Unlinked"]),
        ("-court:mowd", ["Legacy", "Unlinked", "Attorney"]),
        ("next_step", ["Unlinked", "Attorney", "Legacy"]),
        ("court:nowhere", ["Attorney", "Legacy", "Unlinked"]),
        ("drop table", ["Attorney", "Legacy", "Unlinked"]),
    ],
)
def test_rows_sort_by_any_column(sort, expected):
    key, descending = rules.parse_sort(sort, ["mowd"])
    ordered = rules.sort_rows(rows(), key, descending)
    assert [r.member.last_name for r in ordered] == expected


def test_the_csv_has_one_line_per_member_and_a_column_per_court():
    assert rules.csv_text(rows(), [MOWD]) == (
        "Name,Username,Account number,Individual,Upgraded,MFA enrolled,mowd,Ready,Next step\r\n"
        "Alice Attorney,aattorney1,3100001,Yes,Yes,Yes,Linked,Yes,None: ready for NextGen.\r\n"
        "Larry Legacy,LA1234,3100002,Yes,No,No,Not yet,No,"
        "Upgrade the Legacy PACER account in Manage My Account (Settings → Account type → "
        "Upgrade).\r\n"
        "Uma Unlinked,uunlinked,3100003,Yes,Yes,Yes,Not yet,No,"
        '"Link the CM/ECF login at W.D. Mo. to the PACER account (Utilities → Link a CM/ECF '
        "account to my PACER account), or, without a CM/ECF login there, request e-file "
        "registration in Manage My Account (Maintenance → Attorney Admissions / E-File "
        'Registration)."\r\n'
    )


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Alice Attorney", "Alice Attorney"),
        ("O'Brien-Smith", "O'Brien-Smith"),
        ("", ""),
    ],
)
def test_a_cell_that_could_start_a_formula_is_shown_as_text(cell, shown):
    assert rules.spreadsheet_safe(cell) == shown


def test_the_csv_neutralises_formulas_in_names_and_usernames():
    evil = member(first_name="=cmd|' /C calc'!A0", last_name="X", username="@SUM(1+1)")
    row = rules.Row(evil, rules.steps_for(evil, [MOWD]))
    assert rules.csv_text([row], [MOWD]).splitlines()[1] == (
        "'=cmd|' /C calc'!A0 X,'@SUM(1+1),3100001,Yes,Yes,Yes,Linked,Yes,None: ready for NextGen."
    )
