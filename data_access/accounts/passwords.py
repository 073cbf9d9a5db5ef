"""Passwords hashed with Argon2id (argon2-cffi), and the random tokens of cookies and links."""

from __future__ import annotations

import functools
import hashlib
import secrets

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# RFC 9106's second recommendation (Argon2id, 64 MiB, 3 passes, 4 lanes), argon2-cffi's
# default: about 150 ms here, slow for a guesser and fine for a sign-in. Every hash goes through
# this one hasher (the tests swap in a cheap one, and check these parameters on their own).
PARAMETERS = profiles.RFC_9106_LOW_MEMORY
HASHER = PasswordHasher.from_parameters(PARAMETERS)
# Shorter passwords are refused: NIST SP 800-63B asks for at least 8; 10 keeps a little margin.
MIN_PASSWORD_LENGTH = 10
# Longer ones are refused too, so a huge form field cannot make the server hash megabytes.
MAX_PASSWORD_LENGTH = 256
# Bytes of randomness in a session or link token (256 bits, as token_urlsafe(32) gives).
TOKEN_BYTES = 32


@functools.cache
def dummy_hash() -> str:
    """Hashed against when the login is unknown or has no password, so such a sign-in takes
    as long as a wrong password and its timing does not tell whether the account exists.
    Made on first use: hashing costs 64 MiB, which a command that never signs in should not pay."""
    return HASHER.hash(secrets.token_urlsafe(16))


class WeakPassword(ValueError):
    """A password that is too short or too long."""


def check_password_rules(password: str) -> None:
    """Raise WeakPassword with a bilingual message when `password` breaks the rules."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự. "
            f"/ A password needs at least {MIN_PASSWORD_LENGTH} characters."
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPassword(
            f"Mật khẩu dài quá {MAX_PASSWORD_LENGTH} ký tự. "
            f"/ A password may have at most {MAX_PASSWORD_LENGTH} characters."
        )


def hash_password(password: str) -> str:
    """The Argon2id hash of `password` (checked against the rules first)."""
    check_password_rules(password)
    return HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; a missing or broken hash never matches (same cost)."""
    if len(password) > MAX_PASSWORD_LENGTH:
        password = password[:MAX_PASSWORD_LENGTH]  # still hashed, so it costs the same time
        password_hash = None
    try:
        HASHER.verify(password_hash or dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than HASHER's current ones."""
    try:
        return HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def new_token() -> str:
    """A new random token for a cookie or a link (URL-safe text)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    """The SHA-256 hex digest of a token: what the database stores instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
