"""Accounts: create, list, disable, set passwords. Every change is audited in its transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts import audit
from data_access.accounts.actors import AccountError, AccountExists, Actor, NoSuchAccount
from data_access.accounts.clock import utc_now
from data_access.accounts.passwords import hash_password
from data_access.engine import immediate_transaction
from data_access.frames import Bind, connected, read_frame

# Logins are short, typed on phones, and appear in the audit log: letters, digits and . _ - @
LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,99}$")
# Just enough to catch a typo ("name@", "name.example.org"); the SSO provider verifies e-mail.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class UserRecord:
    """One account as stored (without its password hash)."""

    id: int
    login: str
    display_name: str
    email: str | None
    disabled: bool
    is_demo: bool
    has_password: bool


def normalize_login(text: str) -> str:
    """A login as stored: trimmed and in lower case; raise AccountError when malformed."""
    login = text.strip().lower()
    if not LOGIN_PATTERN.match(login):
        raise AccountError(
            "Tên đăng nhập chỉ gồm chữ không dấu, số và . _ - @ (2–100 ký tự). "
            "/ A login has 2–100 letters, digits and . _ - @ only."
        )
    return login


def normalize_email(text: str | None) -> str | None:
    """An e-mail address as stored (lower case), None when empty; AccountError if malformed."""
    if text is None or not text.strip():
        return None
    email = text.strip().lower()
    if not EMAIL_PATTERN.match(email) or len(email) > 254:
        raise AccountError(f"Địa chỉ e-mail không hợp lệ. / Not an e-mail address: {email}")
    return email


def fetch_user(bind: Bind, login: str) -> UserRecord | None:
    """The account with this login (any case), None when there is none."""
    u = s.users.c
    stmt = sa.select(
        u.id, u.login, u.display_name, u.email, u.disabled, u.is_demo, u.password_hash
    ).where(u.login == login.strip().lower())
    with connected(bind) as connection:
        row = connection.execute(stmt).first()
    if row is None:
        return None
    return UserRecord(
        id=row.id,
        login=row.login,
        display_name=row.display_name,
        email=row.email,
        disabled=bool(row.disabled),
        is_demo=bool(row.is_demo),
        has_password=row.password_hash is not None,
    )


def user_id_for(connection: sa.Connection, login: str) -> int:
    """The id of the account with this login; raise NoSuchAccount."""
    user_id = connection.execute(
        sa.select(s.users.c.id).where(s.users.c.login == login.strip().lower())
    ).scalar_one_or_none()
    if user_id is None:
        raise NoSuchAccount(f"Không có tài khoản {login}. / No account {login}.")
    return user_id


def insert_user(
    connection: sa.Connection,
    *,
    login: str,
    display_name: str,
    email: str | None,
    password_hash: str | None,
    actor: Actor,
    is_demo: bool = False,
    now: datetime | None = None,
) -> int:
    """Add an account inside the caller's transaction and audit it; return its id."""
    login, email = normalize_login(login), normalize_email(email)
    u = s.users.c
    taken = sa.or_(u.login == login, *([u.email == email] if email else []))
    if connection.execute(sa.select(u.id).where(taken)).first() is not None:
        raise AccountExists(
            "Tên đăng nhập hoặc e-mail đã có người dùng. / That login or e-mail is taken."
        )
    user_id = connection.execute(
        s.users.insert().returning(u.id),
        {
            "login": login,
            "display_name": display_name.strip() or login,
            "email": email,
            "password_hash": password_hash,
            "is_demo": is_demo,
            "created_at": now or utc_now(),
        },
    ).scalar_one()
    audit.record_audit(
        connection,
        action=audit.USER_CREATED,
        actor=actor.name,
        user_id=actor.user_id,
        address=actor.address,
        details={"login": login, "email": email, "has_password": password_hash is not None},
        at=now,
    )
    return user_id


def create_user(
    engine: sa.Engine,
    *,
    login: str,
    display_name: str,
    actor: Actor,
    email: str | None = None,
    password: str | None = None,
) -> int:
    """Create an account (password None: single sign-on only); return its id."""
    actor.require("manage_users")
    password_hash = hash_password(password) if password is not None else None
    with immediate_transaction(engine) as connection:
        return insert_user(
            connection,
            login=login,
            display_name=display_name,
            email=email,
            password_hash=password_hash,
            actor=actor,
        )


def _revoke_all_sessions(connection: sa.Connection, user_id: int, now: datetime) -> int:
    sess = s.sessions.c
    return connection.execute(
        s.sessions.update()
        .where(sess.user_id == user_id, sess.revoked_at.is_(None))
        .values(revoked_at=now)
    ).rowcount


def set_password(engine: sa.Engine, login: str, password: str, *, actor: Actor) -> None:
    """Replace an account's password and end its sessions."""
    actor.require("manage_users")
    password_hash = hash_password(password)
    now = utc_now()
    with immediate_transaction(engine) as connection:
        user_id = user_id_for(connection, login)
        connection.execute(
            s.users.update().where(s.users.c.id == user_id).values(password_hash=password_hash)
        )
        ended = _revoke_all_sessions(connection, user_id, now)
        audit.record_audit(
            connection,
            action=audit.PASSWORD_RESET,
            actor=actor.name,
            user_id=actor.user_id,
            address=actor.address,
            details={"login": login.strip().lower(), "sessions_ended": ended},
            at=now,
        )


def set_disabled(engine: sa.Engine, login: str, disabled: bool, *, actor: Actor) -> None:
    """Disable (ending its sessions) or enable an account."""
    actor.require("manage_users")
    now = utc_now()
    with immediate_transaction(engine) as connection:
        user_id = user_id_for(connection, login)
        if actor.user_id == user_id and disabled:
            raise AccountError(
                "Không thể tự khoá tài khoản của mình. / You cannot disable your own account."
            )
        connection.execute(
            s.users.update().where(s.users.c.id == user_id).values(disabled=disabled)
        )
        ended = _revoke_all_sessions(connection, user_id, now) if disabled else 0
        audit.record_audit(
            connection,
            action=audit.USER_CHANGED,
            actor=actor.name,
            user_id=actor.user_id,
            address=actor.address,
            details={"login": login.strip().lower(), "disabled": disabled, "sessions_ended": ended},
            at=now,
        )


def fetch_users(bind: Bind) -> pd.DataFrame:
    """Every account with its grants, by login.

    Columns: id, login, display_name, email, disabled, is_demo, has_password, sso, grants
    (text such as "commune_officer 99/40001; department_head 99 CA").
    """
    u = s.users.c
    frame = read_frame(
        bind,
        sa.select(
            u.id,
            u.login,
            u.display_name,
            u.email,
            u.disabled,
            u.is_demo,
            u.password_hash.is_not(None).label("has_password"),
            u.oidc_subject.is_not(None).label("sso"),
        ).order_by(u.login),
    )
    g = s.grants.c
    stmt = sa.select(g.user_id, g.role, g.province_code, g.commune_code, g.agency_code).order_by(
        g.user_id, g.id
    )
    described: dict[int, list[str]] = {}
    with connected(bind) as connection:
        for user_id, role, province, commune, agency in connection.execute(stmt):
            place = "/".join(code for code in (province, commune) if code) or "*"
            text = " ".join(part for part in (role, place, agency) if part)
            described.setdefault(user_id, []).append(text)
    for column in ("disabled", "is_demo", "has_password", "sso"):
        frame[column] = frame[column].astype(bool)
    frame["grants"] = ["; ".join(described.get(i, [])) for i in frame["id"]]
    return frame
