"""Tokens and their stored digests: the digest of a token never changes, so sessions and links
issued before this module existed keep working (pure: no database)."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from openecf.core import tokens

# A Central Sign-On session token (128 characters), a court-local session key and an e-mailed
# link token, with the digest each app stored before core.tokens existed.
ISSUED_BEFORE = [
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("A" * 128, hashlib.sha256(b"A" * 128).hexdigest()),
    (
        "q1ZgH3vZk9bW6Jw4d2u1YJbCk6aH8n0pYfT3xR5sLmE",
        hashlib.sha256(b"q1ZgH3vZk9bW6Jw4d2u1YJbCk6aH8n0pYfT3xR5sLmE").hexdigest(),
    ),
]


@pytest.mark.parametrize(("token", "stored"), ISSUED_BEFORE)
def test_the_digest_is_the_hex_sha256_stored_before(token, stored):
    assert tokens.digest(token) == stored


def test_a_known_token_has_a_known_digest():
    assert tokens.digest("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_new_tokens_are_random_url_safe_and_never_stored_as_themselves():
    first, second = tokens.new_token(), tokens.new_token()
    assert first != second
    assert len(first) == 43
    assert set(first) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert len(tokens.digest(first)) == 64
    assert tokens.digest(first) != first


def test_a_token_matches_only_its_own_digest():
    token = tokens.new_token()
    assert tokens.matches(token, tokens.digest(token))
    assert not tokens.matches(token + "x", tokens.digest(token))
    assert not tokens.matches("", tokens.digest(token))


T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("expires_in", "used_at", "live"),
    [
        (timedelta(minutes=1), None, True),
        (timedelta(seconds=1), None, True),
        (timedelta(0), None, False),  # it stops working at its expiry
        (-timedelta(seconds=1), None, False),
        (timedelta(minutes=55), T0 - timedelta(minutes=5), False),  # used once already
    ],
)
def test_a_single_use_link_works_once_until_its_expiry(expires_in, used_at, live):
    assert tokens.link_is_live(expires_at=T0 + expires_in, used_at=used_at, now=T0) is live
