"""Sign-in sessions: a random token in the browser's cookie, its SHA-256 in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts import audit
from data_access.accounts.actors import Actor, NoSuchAccount
from data_access.accounts.clock import as_naive_utc, utc_now
from data_access.accounts.grants import fetch_grants
from data_access.accounts.passwords import new_token, token_digest
from data_access.accounts.roles import Limits, compute_limits
from data_access.engine import immediate_transaction
from data_access.frames import Bind, connected, read_frame
from data_access.settings import Settings, load_settings

# last_seen_at is written at most this often per session, so a dashboard's reruns do not
# turn every click into a database write; idle expiry is that much less exact.
TOUCH_INTERVAL = timedelta(minutes=1)
# A token of another length or alphabet is not one of ours: refused before any query.
TOKEN_MAX_LENGTH = 100
# Stored lengths of the request's address and browser description (longer ones are cut).
ADDRESS_MAX, USER_AGENT_MAX = 64, 300


@dataclass(frozen=True)
class SignedIn:
    """The person behind a session cookie, with what they may see and do."""

    user_id: int
    login: str
    display_name: str
    limits: Limits
    session_id: int


def create_session(
    connection: sa.Connection,
    user_id: int,
    *,
    now: datetime,
    address: str = "",
    user_agent: str = "",
    settings: Settings | None = None,
) -> str:
    """Start a session inside the caller's transaction; return the token for the cookie."""
    settings = settings or load_settings()
    token = new_token()
    now = as_naive_utc(now)
    connection.execute(
        s.sessions.insert(),
        {
            "token_sha256": token_digest(token),
            "user_id": user_id,
            "created_at": now,
            "last_seen_at": now,
            "expires_at": now + timedelta(hours=settings.session_max_hours),
            "address": address[:ADDRESS_MAX],
            "user_agent": user_agent[:USER_AGENT_MAX],
        },
    )
    return token


def _plausible(token: str | None) -> bool:
    return bool(token) and len(token) <= TOKEN_MAX_LENGTH and token.isascii()


def resolve_session(
    bind: Bind, token: str | None, *, now: datetime, settings: Settings | None = None
) -> SignedIn | None:
    """Who the cookie's token signs in, or None (unknown, revoked, expired, disabled account).

    Touches last_seen_at at most once a minute (TOUCH_INTERVAL), in its own write.
    """
    if not _plausible(token):
        return None
    settings = settings or load_settings()
    now = as_naive_utc(now)
    sess, u = s.sessions.c, s.users.c
    stmt = (
        sa.select(
            sess.id, sess.user_id, sess.last_seen_at, sess.expires_at, u.login, u.display_name
        )
        .join(s.users, u.id == sess.user_id)
        .where(
            sess.token_sha256 == token_digest(token),
            sess.revoked_at.is_(None),
            sess.expires_at > now,
            sa.not_(u.disabled),
        )
    )
    with connected(bind) as connection:
        row = connection.execute(stmt).first()
        if row is None or now - row.last_seen_at >= timedelta(
            minutes=settings.session_idle_minutes
        ):
            return None
        grants = fetch_grants(connection, row.user_id)
    if now - row.last_seen_at >= TOUCH_INTERVAL:
        engine = bind.engine if isinstance(bind, sa.Connection) else bind
        try:
            with immediate_transaction(engine) as writer:
                writer.execute(
                    s.sessions.update()
                    .where(sess.id == row.id, sess.last_seen_at < now)
                    .values(last_seen_at=now)
                )
        except sa.exc.DBAPIError:
            # A read-only database (a replica, maintenance) still lets people read: the
            # idle clock simply does not move until writes are possible again.
            pass
    limits = compute_limits(grants, heads_see_all_agencies=settings.heads_see_all_agencies)
    return SignedIn(row.user_id, row.login, row.display_name, limits, row.id)


def end_session(engine: sa.Engine, token: str | None, *, now: datetime, address: str = "") -> bool:
    """Sign out: revoke the session of this token and audit it; False when none was active."""
    if not _plausible(token):
        return False
    now = as_naive_utc(now)
    sess = s.sessions.c
    with immediate_transaction(engine) as connection:
        row = connection.execute(
            sa.select(sess.id, sess.user_id, s.users.c.login)
            .join(s.users, s.users.c.id == sess.user_id)
            .where(sess.token_sha256 == token_digest(token), sess.revoked_at.is_(None))
        ).first()
        if row is None:
            return False
        connection.execute(s.sessions.update().where(sess.id == row.id).values(revoked_at=now))
        audit.record_audit(
            connection,
            action=audit.SIGNOUT,
            actor=row.login,
            user_id=row.user_id,
            address=address,
            details={"session_id": row.id},
            at=now,
        )
    return True


def revoke_session(engine: sa.Engine, session_id: int, *, actor: Actor) -> None:
    """An administrator ends someone's session; raise NoSuchAccount when it is not active."""
    actor.require("manage_users")
    now = utc_now()
    sess = s.sessions.c
    with immediate_transaction(engine) as connection:
        row = connection.execute(
            sa.select(sess.user_id, s.users.c.login)
            .join(s.users, s.users.c.id == sess.user_id)
            .where(sess.id == session_id, sess.revoked_at.is_(None))
        ).first()
        if row is None:
            raise NoSuchAccount(
                f"Không có phiên {session_id} đang mở. / No active session {session_id}."
            )
        connection.execute(s.sessions.update().where(sess.id == session_id).values(revoked_at=now))
        audit.record_audit(
            connection,
            action=audit.SESSION_REVOKED,
            actor=actor.name,
            user_id=actor.user_id,
            address=actor.address,
            details={"session_id": session_id, "login": row.login},
            at=now,
        )


def fetch_sessions(
    bind: Bind,
    *,
    now: datetime,
    active_only: bool = True,
    limit: int = 500,
    settings: Settings | None = None,
) -> pd.DataFrame:
    """Sessions, newest first; active_only keeps those neither revoked nor expired.

    Columns: id, login, created_at, last_seen_at, expires_at, revoked_at, address,
    user_agent, active.
    """
    settings = settings or load_settings()
    now = as_naive_utc(now)
    sess = s.sessions.c
    idle_since = now - timedelta(minutes=settings.session_idle_minutes)
    active = sa.and_(
        sess.revoked_at.is_(None), sess.expires_at > now, sess.last_seen_at > idle_since
    )
    stmt = (
        sa.select(
            sess.id,
            s.users.c.login,
            sess.created_at,
            sess.last_seen_at,
            sess.expires_at,
            sess.revoked_at,
            sess.address,
            sess.user_agent,
            sa.case((active, True), else_=False).label("active"),
        )
        .join(s.users, s.users.c.id == sess.user_id)
        .order_by(sess.id.desc())
        .limit(limit)
    )
    if active_only:
        stmt = stmt.where(active)
    frame = read_frame(bind, stmt)
    frame["active"] = frame["active"].astype(bool)
    return frame
