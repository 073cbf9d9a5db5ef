"""Presentation links: a read-only, expiring URL for the meeting-room computer.

The link's random token is shown once, at creation; the database keeps its SHA-256. A link
dies when it expires, is revoked, or its creator is disabled or no longer may make links.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts import audit
from data_access.accounts.actors import AccountError, Actor, NoSuchAccount, NotAllowed
from data_access.accounts.clock import as_naive_utc, utc_now
from data_access.accounts.grants import fetch_limits
from data_access.accounts.link_scope import LinkScope, link_limits, scope_within
from data_access.accounts.passwords import new_token, token_digest
from data_access.accounts.roles import Limits
from data_access.accounts.sessions import TOKEN_MAX_LENGTH
from data_access.engine import immediate_transaction
from data_access.frames import Bind, connected, read_frame
from data_access.settings import Settings, load_settings


@dataclass(frozen=True)
class LinkAccess:
    """What an open presentation link allows."""

    link_id: int
    label: str
    limits: Limits


def _scope_json(scope: LinkScope) -> str:
    data = asdict(scope)
    if scope.commune_codes is not None:
        data["commune_codes"] = sorted(scope.commune_codes)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _scope_from_json(text: str) -> LinkScope:
    data = json.loads(text)
    communes = data.get("commune_codes")
    return LinkScope(
        province_code=data.get("province_code"),
        commune_codes=None if communes is None else tuple(communes),
        agency_code=data.get("agency_code"),
        stage_code=data.get("stage_code"),
    )


def create_link(
    engine: sa.Engine,
    *,
    actor: Actor,
    scope: LinkScope,
    expires_at: datetime,
    as_of: date | None = None,
    label: str = "",
    settings: Settings | None = None,
) -> str:
    """Create a presentation link within the actor's own scope; return its token (once)."""
    settings = settings or load_settings()
    if actor.limits is None or actor.user_id is None:
        raise NotAllowed("Liên kết cần người tạo đã đăng nhập. / A link needs a signed-in creator.")
    actor.require("manage_links")
    if not scope_within(scope, actor.limits):
        raise NotAllowed(
            "Liên kết rộng hơn phạm vi của bạn. / The link would show more than you may see."
        )
    now = utc_now()
    expires_at = as_naive_utc(expires_at)
    if not now < expires_at <= now + timedelta(days=settings.link_max_days):
        raise AccountError(
            f"Hạn của liên kết phải trong {settings.link_max_days} ngày tới. "
            f"/ A link must expire within the next {settings.link_max_days} days."
        )
    token = new_token()
    with immediate_transaction(engine) as connection:
        link_id = connection.execute(
            s.presentation_links.insert().returning(s.presentation_links.c.id),
            {
                "token_sha256": token_digest(token),
                "created_by": actor.user_id,
                "created_at": now,
                "label": label.strip()[:200],
                "scope": _scope_json(scope),
                "as_of": as_of,
                "expires_at": expires_at,
            },
        ).scalar_one()
        audit.record_audit(
            connection,
            action=audit.LINK_CREATED,
            actor=actor.name,
            user_id=actor.user_id,
            address=actor.address,
            details={
                "link_id": link_id,
                "label": label,
                "scope": json.loads(_scope_json(scope)),
                "as_of": as_of,
                "expires_at": expires_at,
            },
            at=now,
        )
    return token


def resolve_link(bind: Bind, token: str | None, *, now: datetime) -> LinkAccess | None:
    """What a link's token allows now, or None (unknown, revoked, expired, creator gone)."""
    if not token or len(token) > TOKEN_MAX_LENGTH or not token.isascii():
        return None
    link = s.presentation_links.c
    stmt = sa.select(link.id, link.label, link.scope, link.as_of, link.created_by).where(
        link.token_sha256 == token_digest(token),
        link.revoked_at.is_(None),
        link.expires_at > as_naive_utc(now),
    )
    with connected(bind) as connection:
        row = connection.execute(stmt).first()
        if row is None:
            return None
        scope = _scope_from_json(row.scope)
        # The creator's own rights are read again: a link never outlives them.
        creator = fetch_limits(connection, row.created_by)
    if not (creator.may("manage_links") and scope_within(scope, creator)):
        return None
    return LinkAccess(row.id, row.label, link_limits(scope, frozen_as_of=row.as_of))


def revoke_link(engine: sa.Engine, link_id: int, *, actor: Actor) -> None:
    """Revoke a link (its creator or a user manager); raise NoSuchAccount when not active."""
    now = utc_now()
    link = s.presentation_links.c
    with immediate_transaction(engine) as connection:
        created_by = connection.execute(
            sa.select(link.created_by).where(link.id == link_id, link.revoked_at.is_(None))
        ).scalar_one_or_none()
        if created_by is None:
            raise NoSuchAccount(f"Không có liên kết {link_id}. / No active link {link_id}.")
        if actor.user_id != created_by:
            actor.require("manage_users")
        else:
            actor.require("manage_links")
        connection.execute(
            s.presentation_links.update().where(link.id == link_id).values(revoked_at=now)
        )
        audit.record_audit(
            connection,
            action=audit.LINK_REVOKED,
            actor=actor.name,
            user_id=actor.user_id,
            address=actor.address,
            details={"link_id": link_id},
            at=now,
        )


def fetch_links(bind: Bind) -> pd.DataFrame:
    """Presentation links, newest first.

    Columns: id, label, created_by (login), created_at, scope (dict), as_of, expires_at,
    revoked_at.
    """
    link = s.presentation_links.c
    stmt = (
        sa.select(
            link.id,
            link.label,
            s.users.c.login.label("created_by"),
            link.created_at,
            link.scope,
            link.as_of,
            link.expires_at,
            link.revoked_at,
        )
        .join(s.users, s.users.c.id == link.created_by)
        .order_by(link.id.desc())
    )
    frame = read_frame(bind, stmt, date_columns=["as_of"])
    frame["scope"] = [json.loads(text) for text in frame["scope"]]
    return frame
