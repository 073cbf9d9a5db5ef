"""Password sign-in with throttling per login and per address.

Every answer to a failed sign-in is the same, whether the login exists, is disabled, has no
password or the password is wrong; and an unknown login is throttled like a known one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts import audit, passwords
from data_access.accounts.clock import as_naive_utc
from data_access.accounts.passwords import needs_rehash, verify_password
from data_access.accounts.sessions import create_session
from data_access.engine import immediate_transaction
from data_access.meta import fetch_is_demo
from data_access.settings import Settings, load_settings

OK, WRONG, THROTTLED = "ok", "wrong", "throttled"
# What a person is told, Vietnamese then English; {minutes} is filled in when throttled.
MESSAGES: dict[str, tuple[str, str]] = {
    WRONG: (
        "Tên đăng nhập hoặc mật khẩu không đúng.",
        "Wrong login or password.",
    ),
    THROTTLED: (
        "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
        "Too many failed sign-ins. Please try again in {minutes} minutes.",
    ),
}
# Key of the PostgreSQL advisory lock that orders sign-in bookkeeping (count, then record),
# so concurrent guesses cannot all pass the count before any is recorded. Any fixed number
# not used elsewhere; SQLite needs none (its IMMEDIATE transactions are already one at a time).
SIGNIN_LOCK_KEY = 4_711_2025
LOGIN_MAX = 100  # the column's size: longer typed logins are cut before they are counted


@dataclass(frozen=True)
class SignInResult:
    """The outcome of one sign-in: `token` for the cookie when ok, else a message."""

    outcome: str
    token: str | None = None
    user_id: int | None = None
    retry_after_minutes: int = 0

    @property
    def ok(self) -> bool:
        """True when the person is signed in."""
        return self.outcome == OK

    def message(self, lang: str = "vi") -> str:
        """What to tell the person, in `lang` ("vi" or "en"); empty when ok."""
        if self.ok:
            return ""
        vi, en = MESSAGES[self.outcome]
        return (vi if lang == "vi" else en).format(minutes=self.retry_after_minutes)


def _throttled_for(
    connection: sa.Connection, login: str, address: str, now: datetime, settings: Settings
) -> int:
    """Minutes until this login and address may try again (0: they may try now)."""
    a = s.signin_attempts.c
    window = timedelta(minutes=settings.signin_window_minutes)
    start = now - window
    connection.execute(s.signin_attempts.delete().where(a.at < start))
    last_success = connection.execute(
        sa.select(sa.func.max(a.at)).where(a.login == login, a.succeeded, a.at > start)
    ).scalar_one_or_none()
    since = max(start, last_success) if last_success else start
    waits: list[datetime] = []
    for where, most in (
        ((a.login == login, a.at > since), settings.signin_max_failures),
        ((a.address == address, a.at > start), settings.signin_max_failures_per_address),
    ):
        count, oldest = connection.execute(
            sa.select(sa.func.count(), sa.func.min(a.at)).where(sa.not_(a.succeeded), *where)
        ).one()
        if count >= most:
            waits.append(oldest + window)
    if not waits:
        return 0
    return max(1, math.ceil((max(waits) - now).total_seconds() / 60))


def _begin_attempt(
    engine: sa.Engine, login: str, address: str, now: datetime, settings: Settings
) -> tuple[int, int | None, sa.Row | None]:
    """Count, then record the attempt as failed until proven otherwise (one transaction)."""
    with immediate_transaction(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(SIGNIN_LOCK_KEY)))
        wait = _throttled_for(connection, login, address, now, settings)
        if wait:
            audit.record_audit(
                connection,
                action=audit.SIGNIN_THROTTLED,
                actor=login,
                address=address,
                details={"retry_after_minutes": wait},
                at=now,
            )
            return wait, None, None
        attempt_id = connection.execute(
            s.signin_attempts.insert().returning(s.signin_attempts.c.id),
            {"at": now, "login": login, "address": address, "succeeded": False},
        ).scalar_one()
        u = s.users.c
        user = connection.execute(
            sa.select(u.id, u.password_hash, u.disabled, u.is_demo).where(u.login == login)
        ).first()
        return 0, attempt_id, user


def sign_in(
    engine: sa.Engine,
    login: str,
    password: str,
    *,
    now: datetime,
    address: str = "",
    user_agent: str = "",
    settings: Settings | None = None,
) -> SignInResult:
    """Check a login and password; on success start a session and return its token."""
    settings = settings or load_settings()
    now = as_naive_utc(now)
    login = login.strip().lower()[:LOGIN_MAX]
    wait, attempt_id, user = _begin_attempt(engine, login, address, now, settings)
    if wait:
        return SignInResult(THROTTLED, retry_after_minutes=wait)
    # Argon2 runs outside any transaction: SQLite's one write lock is not held for ~50 ms.
    matches = verify_password(user.password_hash if user else None, password)
    reason = None
    if user is None:
        reason = "unknown_login"
    elif not matches:
        reason = "wrong_password"
    elif user.disabled:
        reason = "disabled"
    elif user.is_demo and not fetch_is_demo(engine):
        reason = "demo_account_outside_demo"  # published password, real data: never
    with immediate_transaction(engine) as connection:
        if reason:
            audit.record_audit(
                connection,
                action=audit.SIGNIN_FAILED,
                actor=login,
                user_id=user.id if user else None,
                address=address,
                details={"reason": reason},
                at=now,
            )
            return SignInResult(WRONG)
        connection.execute(
            s.signin_attempts.update()
            .where(s.signin_attempts.c.id == attempt_id)
            .values(succeeded=True)
        )
        if needs_rehash(user.password_hash):
            connection.execute(
                s.users.update()
                .where(s.users.c.id == user.id)
                .values(password_hash=passwords.HASHER.hash(password))
            )
        token = create_session(
            connection, user.id, now=now, address=address, user_agent=user_agent, settings=settings
        )
        audit.record_audit(
            connection, action=audit.SIGNIN, actor=login, user_id=user.id, address=address, at=now
        )
    return SignInResult(OK, token=token, user_id=user.id)
