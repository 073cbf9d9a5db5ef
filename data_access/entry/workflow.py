"""The steps of an entered period: save a draft, submit, return, approve, reopen.

Each step runs in one write transaction, checks its actor first (failing closed: an unknown
commune or a commune outside the actor's is refused) and records itself in entry_history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from data_access.accounts.actors import Actor
from data_access.engine import write_transaction
from data_access.entry.checks import check_entries, entry_cells
from data_access.entry.queries import fetch_period, fetch_stored_values
from data_access.entry.status import (
    APPROVED,
    EDITABLE,
    MAX_REASON_CHARS,
    REOPENED,
    RETURNED,
    SUBMITTED,
    EntryOutcome,
    EntryValue,
    rejected,
)
from data_access.entry.steps import (
    indicator_ids,
    new_period,
    open_place,
    record,
    set_status,
    store_values,
)
from data_access.importers.problems import Problem
from data_access.importers.writing import write_report_cells
from i18n import Term


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
        place, refused = open_place(connection, actor, commune_code, stage_code, approving=False)
        if refused is not None:
            return refused
        period = fetch_period(connection, place, as_of)
        if period is not None and period["status"] not in EDITABLE:
            return rejected("entry.locked", status=Term(f"entry.status.{period['status']}"))
        ids = indicator_ids(connection, values)
        unknown = [v.indicator_code for v in values if v.indicator_code not in ids]
        if unknown:
            return EntryOutcome("rejected", [Problem("import.unknown_indicator", value=unknown[0])])
        if period is None:
            period_id = new_period(connection, actor, place, as_of)
        else:
            period_id = period["id"]
            set_status(connection, actor, period_id, period["status"])
        store_values(connection, actor, period_id, values, ids)
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
        place, refused = open_place(connection, actor, commune_code, stage_code, approving=False)
        if refused is not None:
            return refused
        period = fetch_period(connection, place, as_of)
        if period is None:
            return rejected("entry.nothing_entered")
        if period["status"] not in EDITABLE:
            return rejected("entry.locked", status=Term(f"entry.status.{period['status']}"))
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
        set_status(connection, actor, period["id"], SUBMITTED, comment=None)
        record(connection, actor, period["id"], SUBMITTED)
    return outcome


def _reason(text: str | None, key: str) -> tuple[str, EntryOutcome | None]:
    cleaned = (text or "").strip()
    if not cleaned:
        return "", rejected(key)
    if len(cleaned) > MAX_REASON_CHARS:
        return "", rejected("entry.reason_too_long", limit=MAX_REASON_CHARS)
    return cleaned, None


def _move_with_reason(
    engine: sa.Engine,
    actor: Actor,
    commune_code: str,
    stage_code: str,
    as_of: date,
    reason: tuple[str, str],
    move: tuple[str, str, str],
) -> EntryOutcome:
    """A data officer's step that needs a text: `reason` is (text, key when empty), `move` is
    (status it must have, key when it has not, status it gets)."""
    text, refused = _reason(*reason)
    if refused is not None:
        return refused
    needed, wrong_key, target = move
    with write_transaction(engine) as connection:
        place, refused = open_place(connection, actor, commune_code, stage_code, approving=True)
        if refused is not None:
            return refused
        period = fetch_period(connection, place, as_of)
        if period is None or period["status"] != needed:
            return rejected(wrong_key)
        comment = {"comment": text} if target == RETURNED else {}
        set_status(connection, actor, period["id"], target, **comment)
        record(connection, actor, period["id"], target, reason=text)
    return EntryOutcome(target)


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
    return _move_with_reason(
        engine,
        actor,
        commune_code,
        stage_code,
        as_of,
        (comment, "entry.comment_needed"),
        (SUBMITTED, "entry.not_submitted", RETURNED),
    )


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
        place, refused = open_place(connection, actor, commune_code, stage_code, approving=True)
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
        set_status(connection, actor, period["id"], APPROVED, batch_id=written.batch_id)
        record(connection, actor, period["id"], APPROVED)
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
    return _move_with_reason(
        engine,
        actor,
        commune_code,
        stage_code,
        as_of,
        (reason, "entry.reason_needed"),
        (APPROVED, "entry.not_approved", REOPENED),
    )
