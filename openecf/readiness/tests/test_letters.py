"""The readiness checklist as e-mailed, byte for byte (pure: no database)."""

from openecf.readiness import letters
from openecf.readiness.tests.test_readiness_rules import KSD, MOWD, rows


def _text(courts):
    return letters.checklist(
        rows()[1],
        courts,
        firm_name="Jefferson & Clay LLP",
        account_url="https://ecf.example/account/",
    ).text


def _checklist():
    larry = rows()[1]  # Larry Legacy: a Legacy account, no MFA, not linked at W.D. Mo.
    return letters.checklist(
        larry,
        [MOWD],
        firm_name="Jefferson & Clay LLP",
        account_url="https://ecf.example/account/",
    )


def test_the_checklist_letter_says_it_all_byte_for_byte():
    letter = _checklist()
    assert letter.subject == "NextGen CM/ECF: your readiness checklist from Jefferson & Clay LLP"
    assert letter.text == (
        "Dear Larry Legacy,\n\n"
        "Jefferson & Clay LLP is making sure every attorney can file with PACER Central Sign-On "
        "at the courts where the firm files. Here is where your PACER account (3100002, "
        "username LA1234) stands:\n\n"
        "[x] Individual PACER account (not shared)\n"
        "[ ] Upgraded PACER account (not Legacy)\n"
        "[ ] Multi-factor authentication enrolled\n"
        "[ ] W.D. Mo. (on NextGen CM/ECF since April 23, 2018 at 12:00 a.m. Central): not "
        "linked yet\n\n"
        "What to do, in this order:\n"
        "1. Upgrade the Legacy PACER account in Manage My Account (Settings → Account type → "
        "Upgrade).\n"
        "2. Enrol in multi-factor authentication in Manage My Account (Settings → Manage "
        "multi-factor authentication (MFA)).\n"
        "3. Link the CM/ECF login at W.D. Mo. to the PACER account (Utilities → Link a CM/ECF "
        "account to my PACER account), or, without a CM/ECF login there, request e-file "
        "registration in Manage My Account (Maintenance → Attorney Admissions / E-File "
        "Registration).\n\n"
        "W.D. Mo. already uses NextGen CM/ECF: sign in there with your PACER account.\n\n"
        "Manage My Account: https://ecf.example/account/\n"
    )


def test_the_checklist_ticks_what_is_done_and_lists_what_is_left():
    text = _text([MOWD])
    assert "[x] Individual PACER account (not shared)" in text
    assert "[ ] Upgraded PACER account (not Legacy)" in text
    assert "[ ] Multi-factor authentication enrolled" in text
    assert (
        "[ ] W.D. Mo. (on NextGen CM/ECF since April 23, 2018 at 12:00 a.m. Central): not "
        "linked yet" in text
    )
    assert "1. Upgrade the Legacy PACER account" in text
    assert "3. Link the CM/ECF login at W.D. Mo." in text


def test_the_checklist_speaks_of_each_courts_actual_state():
    live_only = _text([MOWD])
    assert "once the courts move" not in live_only  # W.D. Mo. is live since 2018
    assert "before it goes live" not in live_only
    assert "W.D. Mo. already uses NextGen CM/ECF: sign in there with your PACER account." in (
        live_only
    )
    both = _text([MOWD, KSD])
    assert "D. Kan. (goes live January 24, 2027 at 12:00 a.m. Central)" in both
    assert 'password at D. Kan., use "Forgot your password"' in both
    assert "before it goes live" in both
