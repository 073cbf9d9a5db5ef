"""The steps of an entered period: save a draft, submit, return, approve, reopen.

Each step runs in one write transaction, checks its actor first (failing closed: an unknown
commune or a commune outside the actor's is refused) and records itself in entry_history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.accounts.clock import utc_now
from data_access.engine import write_transaction
from data_access.entry.checks import check_entries, entry_cells
from data_access.entry.queries import Place, fetch_period, fetch_stored_values, resolve_place
from data_access.entry.status import (
    APPROVED,
    DRAFT,
    EDITABLE,
    ENTERED,
    MAX_REASON_CHARS,
    REOPENED,
    RETURNED,
    SUBMITTED,
    EntryOutcome,
    EntryValue,
    rejected,
)
from data_access.importers.problems import Problem
from data_access.importers.writing import write_report_cells
from data_access.permissions import may_write, refused_communes

# Longest numerator or denominator stored as typed (entry_values' columns).
MAX_VALUE_CHARS = 64


def _refusal(
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


def _record(
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


def _set_status(
    connection: sa.Connection, actor: Actor, period_id: int, status: str, **values: object
) -> None:
    p = s.entry_periods
    connection.execute(
        p.update()
        .where(p.c.id == period_id)
        .values(status=status, updated_at=utc_now(), updated_by=actor.name[:100], **values)
    )


def _open(
    connection: sa.Connection,
    actor: Actor,
    commune_code: str,
    stage_code: str,
    *,
    approving: bool,
) -> tuple[Place | None, EntryOutcome | None]:
    refused = _refusal(connection, actor, commune_code, approving=approving)
    if refused is not None:
        return None, refused
    place = resolve_place(connection, commune_code, stage_code)
    if place is None:
        return None, rejected("entry.unknown_place", commune=commune_code, stage=stage_code)
    return place, None


def _indicator_ids(connection: sa.Connection, values: Sequence[EntryValue]) -> dict[str, int]:
    ind = s.indicators
    codes = [x.indicator_code for x in values]
    stmt = sa.select(ind.c.code, ind.c.id).where(ind.c.code.in_(codes))
    return {code: id_ for code, id_ in connection.execute(stmt)}


def _store_values(
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
        _record(connection, actor, period_id, ENTERED, indicator_id=indicator_id, old=old, new=new)


def save_draft(
    engine: sa.Engine,
    *,
    actor: Actor,
    commune_code: str,
    stage_code: str,
    as_of: date,
    values: Sequence[EntryValue],
    today: date | None = None,
) -> EntryOutcome:
    """Keep the values as typed (problems and all) and say what the checks found."""
    with write_transaction(engine) as connection:
        place, refused = _open(connection, actor, commune_code, stage_code, approving=False)
        if refused is not None:
            return refused
        period = fetch_period(connection, place, as_of)
        if period is not None and period["status"] not in EDITABLE:
            return rejected("entry.locked", status=period["status"])
        ids = _indicator_ids(connection, values)
        unknown = [v.indicator_code for v in values if v.indicator_code not in ids]
        if unknown:
            return EntryOutcome("rejected", [Problem("import.unknown_indicator", value=unknown[0])])
        if period is None:
            period_id = connection.execute(
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
        else:
            period_id = period["id"]
            _set_status(connection, actor, period_id, period["status"])
        _store_values(connection, actor, period_id, values, ids)
        by_indicator, other = check_entries(
            connection,
            commune_code=commune_code,
            as_of=as_of,
            values=values,
            stage_code=stage_code,
            today=today,
        )
    return EntryOutcome("saved", other, by_indicator)


def submit(
    engine: sa.Engine,
    *,
    actor: Actor,
    commune_code: str,
    stage_code: str,
    as_of: date,
    today: date | None = None,
) -> EntryOutcome:
    """Send the saved values for approval; refused while any of them has an error."""
    with write_transaction(engine) as connection:
        place, refused = _open(connection, actor, commune_code, stage_code, approving=False)
        if refused is not None:
            return refused
        period = fetch_period(connection, place, as_of)
        if period is None:
            return rejected("entry.nothing_entered")
        if period["status"] not in EDITABLE:
            return rejected("entry.locked", status=period["status"])
        values = [v for v in fetch_stored_values(connection, period["id"]) if v.filled]
        if not values:
            return rejected("entry.nothing_entered")
        by_indicator, other = check_entries(
            connection,
            commune_code=commune_code,
            as_of=as_of,
            values=values,
            stage_code=stage_code,
            today=today,
        )
        outcome = EntryOutcome(SUBMITTED, other, by_indicator)
        if outcome.errors:
            outcome.status = "rejected"
            return outcome
        _set_status(connection, actor, period["id"], SUBMITTED, comment=None)
        _record(connection, actor, period["id"], SUBMITTED)
    return outcome


def _reason(text: str | None, key: str) -> tuple[str, EntryOutcome | None]:
    cleaned = (text or "").strip()
    if not cleaned:
        return "", rejected(key)
    if len(cleaned) > MAX_REASON_CHARS:
        return "", rejected("entry.reason_too_long", limit=MAX_REASON_CHARS)
    return cleaned, None


def return_period(
    engine: sa.Engine,
    *,
    actor: Actor,
    commune_code: str,
    stage_code: str,
    as_of: date,
    comment: str,
) -> EntryOutcome:
    """Send a submitted period back to the commune with a comment the officer sees."""
    text, refused = _reason(comment, "entry.comment_needed")
    if refused is not None:
        return refused
    with write_transaction(engine) as connection:
        place, refused = _open(connection, actor, commune_code, stage_code, approving=True)
        if refused is not None:
            return refused
        period = fetch_period(connection, place, as_of)
        if period is None or period["status"] != SUBMITTED:
            return rejected("entry.not_submitted")
        _set_status(connection, actor, period["id"], RETURNED, comment=text)
        _record(connection, actor, period["id"], RETURNED, reason=text)
    return EntryOutcome(RETURNED)


def approve(
    engine: sa.Engine,
    *,
    actor: Actor,
    commune_code: str,
    stage_code: str,
    as_of: date,
    today: date | None = None,
) -> EntryOutcome:
    """Write a submitted period's values into the reports as one batch and lock the period."""
    with write_transaction(engine) as connection:
        place, refused = _open(connection, actor, commune_code, stage_code, approving=True)
        if refused is not None:
            return refused
        period = fetch_period(connection, place, as_of)
        if period is None or period["status"] != SUBMITTED:
            return rejected("entry.not_submitted")
        values = [v for v in fetch_stored_values(connection, period["id"]) if v.filled]
        written = write_report_cells(
            connection,
            entry_cells(commune_code, as_of, values),
            actor=actor,
            description=f"entry {commune_code} {stage_code} {as_of.isoformat()}",
            stage_code=stage_code,
            today=today,
        )
        if not written.ok:
            return EntryOutcome("rejected", written.problems)
        _set_status(connection, actor, period["id"], APPROVED, batch_id=written.batch_id)
        _record(connection, actor, period["id"], APPROVED)
    return EntryOutcome(APPROVED, written.warnings, batch_id=written.batch_id)


def reopen(
    engine: sa.Engine,
    *,
    actor: Actor,
    commune_code: str,
    stage_code: str,
    as_of: date,
    reason: str,
) -> EntryOutcome:
    """Unlock an approved period for a change, keeping the reason; its reports stay."""
    text, refused = _reason(reason, "entry.reason_needed")
    if refused is not None:
        return refused
    with write_transaction(engine) as connection:
        place, refused = _open(connection, actor, commune_code, stage_code, approving=True)
        if refused is not None:
            return refused
        period = fetch_period(connection, place, as_of)
        if period is None or period["status"] != APPROVED:
            return rejected("entry.not_approved")
        _set_status(connection, actor, period["id"], REOPENED)
        _record(connection, actor, period["id"], REOPENED, reason=text)
    return EntryOutcome(REOPENED)
