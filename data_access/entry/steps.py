"""What every step of an entered period does first and last: check the actor, find the
period's place, store the values that changed and record each step in entry_history."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.accounts.clock import utc_now
from data_access.entry.queries import Place, fetch_stored_values, resolve_place
from data_access.entry.status import DRAFT, ENTERED, EntryOutcome, EntryValue, rejected
from data_access.permissions import may_write, refused_communes

# Longest numerator or denominator stored as typed (entry_values' columns).
MAX_VALUE_CHARS = 64


def refusal(
    connection: sa.Connection, actor: Actor, commune_code: str, *, approving: bool
) -> EntryOutcome | None:
    """Why `actor` may not take this step for the commune, else None."""
    if approving:
        allowed = actor.limits is None or actor.limits.may("import_reports")
    else:
        allowed = may_write(actor, "reports")
    if not allowed:
        return rejected("import.not_allowed", user=actor.name)
    if refused_communes(connection, actor, [commune_code]):
        return rejected("import.not_your_commune")
    return None


def record(
    connection: sa.Connection,
    actor: Actor,
    period_id: int,
    action: str,
    *,
    indicator_id: int | None = None,
    old: EntryValue | None = None,
    new: EntryValue | None = None,
    reason: str | None = None,
) -> None:
    def encode(value: EntryValue | None) -> str | None:
        if value is None:
            return None
        fields = {"numerator": value.numerator, "denominator": value.denominator}
        return json.dumps({**fields, "note": value.note}, ensure_ascii=False)

    connection.execute(
        s.entry_history.insert(),
        {
            "period_id": period_id,
            "indicator_id": indicator_id,
            "action": action,
            "user_id": actor.user_id,
            "user_name": actor.name[:100],
            "at": utc_now(),
            "old_value": encode(old),
            "new_value": encode(new),
            "reason": reason,
        },
    )


def set_status(
    connection: sa.Connection, actor: Actor, period_id: int, status: str, **values: object
) -> None:
    p = s.entry_periods
    connection.execute(
        p.update()
        .where(p.c.id == period_id)
        .values(status=status, updated_at=utc_now(), updated_by=actor.name[:100], **values)
    )


def open_place(
    connection: sa.Connection,
    actor: Actor,
    commune_code: str,
    stage_code: str,
    *,
    approving: bool,
) -> tuple[Place | None, EntryOutcome | None]:
    refused = refusal(connection, actor, commune_code, approving=approving)
    if refused is not None:
        return None, refused
    place = resolve_place(connection, commune_code, stage_code)
    if place is None:
        return None, rejected("entry.unknown_place", commune=commune_code, stage=stage_code)
    return place, None


def new_period(connection: sa.Connection, actor: Actor, place: Place, as_of: date) -> int:
    """Open a draft period for the place and date; return its id."""
    return connection.execute(
        s.entry_periods.insert().returning(s.entry_periods.c.id),
        {
            "locality_id": place.locality_id,
            "stage_id": place.stage_id,
            "as_of": as_of,
            "status": DRAFT,
            "updated_at": utc_now(),
            "updated_by": actor.name[:100],
        },
    ).scalar_one()


def indicator_ids(connection: sa.Connection, values: Sequence[EntryValue]) -> dict[str, int]:
    ind = s.indicators
    codes = [x.indicator_code for x in values]
    stmt = sa.select(ind.c.code, ind.c.id).where(ind.c.code.in_(codes))
    return {code: id_ for code, id_ in connection.execute(stmt)}


def store_values(
    connection: sa.Connection,
    actor: Actor,
    period_id: int,
    values: Sequence[EntryValue],
    ids: dict[str, int],
) -> None:
    """Write the values that changed, each change recorded old → new."""
    v = s.entry_values
    stored = {x.indicator_code: x for x in fetch_stored_values(connection, period_id)}
    for value in values:
        new = EntryValue(
            value.indicator_code,
            value.numerator.strip()[:MAX_VALUE_CHARS],
            value.denominator.strip()[:MAX_VALUE_CHARS],
            value.note.strip(),
        )
        old = stored.get(value.indicator_code)
        if old == new or (old is None and not new.filled):
            continue
        indicator_id = ids[new.indicator_code]
        row = {"numerator": new.numerator, "denominator": new.denominator, "note": new.note}
        if old is None:
            connection.execute(
                v.insert(), {"period_id": period_id, "indicator_id": indicator_id, **row}
            )
        else:
            key = sa.and_(v.c.period_id == period_id, v.c.indicator_id == indicator_id)
            connection.execute(v.update().where(key).values(**row))
        record(connection, actor, period_id, ENTERED, indicator_id=indicator_id, old=old, new=new)
