"""Grants: which roles a user holds, where. Checked against the register when given."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts import audit
from data_access.accounts.actors import AccountError, Actor
from data_access.accounts.clock import utc_now
from data_access.accounts.roles import Grant, Limits, compute_limits, grant_problem
from data_access.accounts.users import user_id_for
from data_access.engine import immediate_transaction
from data_access.frames import Bind, connected
from data_access.settings import load_settings


def _locality(connection: sa.Connection, code: str, level: int) -> sa.Row | None:
    loc = s.localities
    parent = loc.alias("parent")
    return connection.execute(
        sa.select(loc.c.id, parent.c.code.label("parent_code"))
        .outerjoin(parent, parent.c.id == loc.c.parent_id)
        .where(loc.c.code == code, loc.c.level == level)
    ).first()


def checked_grant(connection: sa.Connection, grant: Grant) -> Grant:
    """The grant with its codes checked against the register; a commune's province filled in.

    Raise AccountError for an unknown role, code, or a commune outside the given province.
    """
    problem = grant_problem(grant)
    if problem:
        raise AccountError(f"Quyền không hợp lệ / Invalid grant: {problem}.")
    province = grant.province_code
    if province is not None and _locality(connection, province, s.LEVEL_PROVINCE) is None:
        raise AccountError(f"Không có tỉnh {province}. / No province {province} in the register.")
    if grant.commune_code is not None:
        commune = _locality(connection, grant.commune_code, s.LEVEL_COMMUNE)
        if commune is None:
            raise AccountError(
                f"Không có xã {grant.commune_code}. "
                f"/ No commune {grant.commune_code} in the register."
            )
        if province is not None and commune.parent_code != province:
            raise AccountError(
                f"Xã {grant.commune_code} không thuộc tỉnh {province}. "
                f"/ Commune {grant.commune_code} is not in province {province}."
            )
        province = commune.parent_code
    if grant.agency_code is not None:
        found = connection.execute(
            sa.select(s.agencies.c.id).where(s.agencies.c.code == grant.agency_code)
        ).first()
        if found is None:
            raise AccountError(
                f"Không có cơ quan {grant.agency_code}. / No agency {grant.agency_code}."
            )
    return Grant(grant.role, province, grant.commune_code, grant.agency_code)


def _matching(user_id: int, grant: Grant) -> sa.ColumnElement[bool]:
    g = s.grants.c
    return sa.and_(
        g.user_id == user_id,
        g.role == grant.role,
        *(
            column.is_(None) if value is None else column == value
            for column, value in (
                (g.province_code, grant.province_code),
                (g.commune_code, grant.commune_code),
                (g.agency_code, grant.agency_code),
            )
        ),
    )


def insert_grant(
    connection: sa.Connection,
    user_id: int,
    grant: Grant,
    *,
    actor: Actor,
    login: str,
    now: datetime | None = None,
) -> bool:
    """Give a checked grant inside the caller's transaction; False when it was already held."""
    grant = checked_grant(connection, grant)
    if connection.execute(sa.select(s.grants.c.id).where(_matching(user_id, grant))).first():
        return False
    now = now or utc_now()
    connection.execute(
        s.grants.insert(),
        {
            "user_id": user_id,
            "role": grant.role,
            "province_code": grant.province_code,
            "commune_code": grant.commune_code,
            "agency_code": grant.agency_code,
            "created_at": now,
        },
    )
    audit.record_audit(
        connection,
        action=audit.GRANT_ADDED,
        actor=actor.name,
        user_id=actor.user_id,
        address=actor.address,
        details={"login": login, **grant.__dict__},
        at=now,
    )
    return True


def add_grant(engine: sa.Engine, login: str, grant: Grant, *, actor: Actor) -> bool:
    """Give `grant` to the account; False when it already held it."""
    actor.require("manage_users")
    with immediate_transaction(engine) as connection:
        user_id = user_id_for(connection, login)
        return insert_grant(connection, user_id, grant, actor=actor, login=login.lower())


def revoke_grants(
    engine: sa.Engine,
    login: str,
    role: str,
    *,
    actor: Actor,
    province_code: str | None = None,
    commune_code: str | None = None,
    agency_code: str | None = None,
) -> int:
    """Remove the account's grants of `role` matching the codes given; return how many."""
    actor.require("manage_users")
    g = s.grants.c
    with immediate_transaction(engine) as connection:
        user_id = user_id_for(connection, login)
        where = [g.user_id == user_id, g.role == role]
        for column, value in (
            (g.province_code, province_code),
            (g.commune_code, commune_code),
            (g.agency_code, agency_code),
        ):
            if value is not None:
                where.append(column == value)
        removed = connection.execute(s.grants.delete().where(*where)).rowcount
        audit.record_audit(
            connection,
            action=audit.GRANT_REVOKED,
            actor=actor.name,
            user_id=actor.user_id,
            address=actor.address,
            details={
                "login": login.lower(),
                "role": role,
                "province_code": province_code,
                "commune_code": commune_code,
                "agency_code": agency_code,
                "removed": removed,
            },
        )
        return removed


def fetch_grants(bind: Bind, user_id: int) -> list[Grant]:
    """The grants an account holds."""
    g = s.grants.c
    stmt = (
        sa.select(g.role, g.province_code, g.commune_code, g.agency_code)
        .where(g.user_id == user_id)
        .order_by(g.id)
    )
    with connected(bind) as connection:
        return [Grant(*row) for row in connection.execute(stmt)]


def fetch_limits(bind: Bind, user_id: int) -> Limits:
    """The Limits of an account from its grants and the settings (nothing when disabled)."""
    with connected(bind) as connection:
        disabled = connection.execute(
            sa.select(s.users.c.disabled).where(s.users.c.id == user_id)
        ).scalar_one_or_none()
        if disabled is None or disabled:
            return Limits()
        grants = fetch_grants(connection, user_id)
    return compute_limits(grants, heads_see_all_agencies=load_settings().heads_see_all_agencies)
