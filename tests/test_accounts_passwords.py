"""Argon2id password hashes and tokens."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, extract_parameters

from data_access.accounts import passwords
from data_access.accounts.passwords import (
    WeakPassword,
    hash_password,
    needs_rehash,
    new_token,
    token_digest,
    verify_password,
)
from tests.accounts_helpers import PASSWORD


@pytest.fixture(autouse=True)
def production_hasher(monkeypatch):
    """These tests hash at the app's own cost, not the quick one the rest of the suite uses."""
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher.from_parameters(passwords.PARAMETERS))


def test_hashes_are_argon2id_at_rfc_9106s_second_recommendation_salted_and_verify():
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("$argon2id$v=19$m=65536,t=3,p=4$") and first != second
    used = extract_parameters(first)
    assert (used.memory_cost, used.time_cost, used.parallelism) == (64 * 1024, 3, 4)
    assert PASSWORD not in first
    assert verify_password(first, PASSWORD)
    assert not verify_password(first, PASSWORD + "x")
    assert not needs_rehash(first)


@pytest.mark.parametrize("broken", [None, "", "not a hash", "$argon2id$v=19$broken"])
def test_a_missing_or_broken_hash_never_matches(broken):
    assert not verify_password(broken, PASSWORD)


def test_a_missing_hash_still_costs_one_argon2_verification(monkeypatch):
    calls = []
    real = passwords.HASHER
    stored = hash_password(PASSWORD)

    class Spy:
        def verify(self, hash_, password):
            calls.append(hash_)
            return real.verify(hash_, password)

    dummy = passwords.dummy_hash()  # made with the real hasher, before the spy replaces it
    monkeypatch.setattr(passwords, "HASHER", Spy())
    assert not verify_password(None, PASSWORD)
    assert not verify_password(stored, "x" * 10_000)
    assert calls == [dummy, dummy]


@pytest.mark.parametrize("weak", ["", "short", "x" * 9, "x" * 257])
def test_passwords_outside_the_rules_are_refused_in_both_languages(weak):
    with pytest.raises(WeakPassword, match="Mật khẩu.*/ A password"):
        hash_password(weak)


def test_tokens_are_random_and_stored_only_as_sha256():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    token = tokens.pop()
    assert len(token) >= 43  # 32 random bytes, URL-safe base64
    digest = token_digest(token)
    assert len(digest) == 64 and token not in digest
