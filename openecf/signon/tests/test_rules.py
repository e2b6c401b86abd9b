"""Pure sign-on rules: lockout, TOTP window and replay, backup codes, MFA prompts, next URL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from openecf.signon import rules

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
NOW = datetime(2026, 3, 2, 15, 0, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("left", "shown"),
    [(timedelta(minutes=5), 5), (timedelta(minutes=4, seconds=1), 5), (timedelta(seconds=3), 1)],
)
def test_the_locked_message_rounds_minutes_up(left, shown):
    assert (
        rules.locked_message(locked_until=NOW + left, now=NOW)
        == f"Too many failed sign-in attempts. Try again in {shown} minutes."
    )


def test_the_current_totp_code_is_accepted_and_names_its_step():
    step = rules.totp_step(NOW)
    code = rules.totp_code(SECRET, step)
    assert rules.matching_totp_step(secret=SECRET, code=code, now=NOW, last_used_step=None) == step


def test_totp_matches_pyotp_rfc_6238():
    import pyotp

    assert rules.totp_code(SECRET, rules.totp_step(NOW)) == pyotp.TOTP(SECRET).at(NOW)


@pytest.mark.parametrize("offset", [-1, 1])
def test_a_code_one_step_early_or_late_is_accepted(offset):
    step = rules.totp_step(NOW) + offset
    code = rules.totp_code(SECRET, step)
    assert rules.matching_totp_step(secret=SECRET, code=code, now=NOW, last_used_step=None) == step


@pytest.mark.parametrize("offset", [-2, 2])
def test_a_code_two_steps_away_is_refused(offset):
    code = rules.totp_code(SECRET, rules.totp_step(NOW) + offset)
    assert rules.matching_totp_step(secret=SECRET, code=code, now=NOW, last_used_step=None) is None


def test_a_code_cannot_be_used_twice():
    step = rules.totp_step(NOW)
    code = rules.totp_code(SECRET, step)
    assert rules.matching_totp_step(secret=SECRET, code=code, now=NOW, last_used_step=step) is None


def test_an_earlier_step_cannot_be_used_after_a_later_one():
    step = rules.totp_step(NOW)
    early = rules.totp_code(SECRET, step - 1)
    assert rules.matching_totp_step(secret=SECRET, code=early, now=NOW, last_used_step=step) is None


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef"])
def test_malformed_totp_codes_are_refused(code):
    assert rules.matching_totp_step(secret=SECRET, code=code, now=NOW, last_used_step=None) is None


def test_spaces_in_a_totp_code_are_ignored():
    step = rules.totp_step(NOW)
    code = rules.totp_code(SECRET, step)
    spaced = f"{code[:3]} {code[3:]}"
    assert (
        rules.matching_totp_step(secret=SECRET, code=spaced, now=NOW, last_used_step=None) == step
    )


def test_ten_distinct_backup_codes_in_the_xxxx_xxxx_format():
    codes = rules.new_backup_codes()
    assert len(codes) == 10 == len(set(codes))
    for code in codes:
        assert len(code) == 9 and code[4] == "-"
        assert all(ch in rules.BACKUP_ALPHABET for ch in code.replace("-", ""))


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("ABCD-EFGH", "ABCDEFGH"),
        ("abcd efgh", "ABCDEFGH"),
        ("ABCDEFGH", "ABCDEFGH"),
        ("ABCD-EFG", None),
        ("ABCD-EFG0", None),  # 0 is not in the alphabet
        ("", None),
    ],
)
def test_backup_codes_are_read_leniently(typed, normal):
    assert rules.normalize_backup_code(typed) == normal


def test_backup_code_hash_is_salted_and_ignores_formatting():
    assert rules.backup_code_hash("abcd efgh", "s1") == rules.backup_code_hash("ABCD-EFGH", "s1")
    assert rules.backup_code_hash("ABCD-EFGH", "s1") != rules.backup_code_hash("ABCD-EFGH", "s2")


REQUIRED_FROM = date(2025, 12, 31)


@pytest.mark.parametrize(
    ("day", "required_from", "is_filer", "required"),
    [
        (date(2025, 12, 30), REQUIRED_FROM, True, False),  # the day before
        (date(2025, 12, 31), REQUIRED_FROM, True, True),  # the day itself
        (date(2026, 1, 1), REQUIRED_FROM, False, False),  # people who only search, never
        (date(2026, 1, 1), None, True, False),  # no date configured
    ],
)
def test_mfa_is_required_of_filers_from_the_configured_day(day, required_from, is_filer, required):
    assert (
        rules.mfa_required_on(day=day, required_from=required_from, is_filer=is_filer) is required
    )


@pytest.mark.parametrize(
    ("now", "day"),
    [
        # Central Standard Time is UTC-6: the PACER day starts at 06:00 UTC in winter...
        (datetime(2025, 12, 31, 5, 59, 59, tzinfo=UTC), date(2025, 12, 30)),
        (datetime(2025, 12, 31, 6, 0, tzinfo=UTC), date(2025, 12, 31)),
        # ...and at 05:00 UTC in summer (Central Daylight Time, UTC-5).
        (datetime(2026, 7, 1, 4, 59, 59, tzinfo=UTC), date(2026, 6, 30)),
        (datetime(2026, 7, 1, 5, 0, tzinfo=UTC), date(2026, 7, 1)),
    ],
)
def test_the_pacer_day_is_the_calendar_day_in_chicago(now, day):
    assert rules.pacer_day(now) == day


@pytest.mark.parametrize(
    ("is_filer", "enrolled", "skips_used", "today", "prompt"),
    [
        (False, False, 0, date(2026, 1, 5), rules.MfaPrompt.NONE),  # search-only: optional
        (True, False, 0, date(2025, 12, 30), rules.MfaPrompt.NONE),  # before the date
        (True, True, 3, date(2026, 1, 5), rules.MfaPrompt.NONE),  # enrolled
        (True, False, 0, date(2025, 12, 31), rules.MfaPrompt.OFFER_SKIP),
        (True, False, 2, date(2026, 1, 5), rules.MfaPrompt.OFFER_SKIP),
        (True, False, 3, date(2026, 1, 5), rules.MfaPrompt.REQUIRED),
    ],
)
def test_mfa_prompt_for_filers_from_the_date_with_three_skips(
    is_filer, enrolled, skips_used, today, prompt
):
    assert (
        rules.mfa_prompt(
            is_filer=is_filer,
            enrolled=enrolled,
            skips_used=skips_used,
            today=today,
            required_from=REQUIRED_FROM,
        )
        == prompt
    )


@pytest.mark.parametrize(("used", "left"), [(0, 3), (2, 1), (3, 0), (5, 0)])
def test_skips_left(used, left):
    assert rules.skips_left(used) == left


@pytest.mark.parametrize(
    ("state", "step"),
    [
        ({"has_mfa": True, "mfa_passed": False, "is_filer": True}, rules.Step.MFA_CODE),
        ({"has_mfa": True, "mfa_passed": True, "is_filer": True}, rules.Step.REDACTION),
        ({"has_mfa": False, "is_filer": True, "redaction_acknowledged": True}, rules.Step.DONE),
        (
            {
                "is_filer": True,
                "redaction_acknowledged": True,
                "prompt": rules.MfaPrompt.OFFER_SKIP,
            },
            rules.Step.MFA_PROMPT,
        ),
        (
            {
                "is_filer": True,
                "redaction_acknowledged": True,
                "prompt": rules.MfaPrompt.OFFER_SKIP,
                "prompt_answered": True,
            },
            rules.Step.DONE,
        ),
        ({"prompt": rules.MfaPrompt.REQUIRED}, rules.Step.DONE),  # the session is restricted
        ({}, rules.Step.DONE),
    ],
)
def test_next_sign_on_step(state, step):
    args = {
        "has_mfa": False,
        "mfa_passed": False,
        "is_filer": False,
        "redaction_acknowledged": False,
        "prompt": rules.MfaPrompt.NONE,
        "prompt_answered": False,
    }
    args.update(state)
    assert rules.next_sign_on_step(**args) == step


@pytest.mark.parametrize(
    ("target", "safe"),
    [
        ("/mowd/", "/mowd/"),
        ("/account/?tab=mfa", "/account/?tab=mfa"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("evil", "/"),
        ("", "/"),
        (None, "/"),
        ("/a\r\nSet-Cookie: x", "/"),
    ],
)
def test_next_is_honoured_only_for_same_site_relative_paths(target, safe):
    assert rules.safe_next(target) == safe


def test_restricted_paths():
    assert rules.path_allowed("/account/password/", rules.PASSWORD_CHANGE_PATHS)
    assert rules.path_allowed("/logout/", rules.PASSWORD_CHANGE_PATHS)
    assert not rules.path_allowed("/mowd/", rules.PASSWORD_CHANGE_PATHS)
    # A Legacy account changes its password by upgrading; programs use the API.
    assert rules.path_allowed("/account/upgrade/security/", rules.PASSWORD_CHANGE_PATHS)
    assert rules.path_allowed("/api/v1/me/password", rules.PASSWORD_CHANGE_PATHS)
    assert not rules.path_allowed("/api/v1/sessions", rules.PASSWORD_CHANGE_PATHS)
    assert rules.path_allowed("/api/v1/mfa/apps/start", rules.MFA_ENROLMENT_PATHS)
    assert not rules.path_allowed("/api/v1/sessions", rules.MFA_ENROLMENT_PATHS)


def test_tokens_are_128_characters_and_random():
    first, second = rules.new_cso_token(), rules.new_cso_token()
    assert len(first) == 128 and first != second
    assert rules.looks_like_token(first)
    assert not rules.looks_like_token(first[:-1])
