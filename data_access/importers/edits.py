"""One-row edits of the catalogue, each recorded as a batch that `rollback` undoes exactly.

The Administration page calls these: rename an agency, move a stage's deadline or change its
reporting period, retire an indicator from a stage (remove its province-wide target there).
They run the same checks as the file imports and return an ImportOutcome like them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import sqlalchemy as sa

from campaign.text import normalize_name
from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.engine import write_transaction
from data_access.importers.batches import ImportOutcome, finish_batch, insert_batch
from data_access.importers.cells import CONTROL_CHARACTERS
from data_access.importers.parsing import FIRST_DATE, LAST_DATE
from data_access.importers.problems import Problem
from data_access.importers.rollback import DELETED_MARKER, encode_row
from data_access.importers.upserts import Counts, upsert_rows
from data_access.meta import bump_data_version
from data_access.permissions import IMPORTED, audit_write, refusal

# Batch kind of a one-row edit, so the history tells edits from file imports.
EDIT_KIND = "edit"
# An edit changes rows through this: (connection, batch_id, counts) -> None.
Change = Callable[[sa.Connection, int, Counts], None]


def _upsert_one(table: sa.Table, row: dict[str, Any]) -> Change:
    def change(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
        upsert_rows(connection, table, batch_id, [row], ("code",), counts)

    return change


def _apply(
    engine: sa.Engine,
    description: str,
    actor: Actor,
    prepare: Callable[[sa.Connection], tuple[list[Problem], Change | None]],
) -> ImportOutcome:
    """Check, then write one edit as its own batch (nothing when it changes nothing)."""
    refused = refusal(actor, EDIT_KIND)
    if refused is not None:
        return ImportOutcome("rejected", [refused])
    with write_transaction(engine) as connection:
        problems, change = prepare(connection)
        if problems or change is None:
            return ImportOutcome("rejected", problems)
        trial = Counts(dry_run=True)
        change(connection, 0, trial)
        if trial.added + trial.replaced == 0:
            return ImportOutcome("nothing_new", unchanged=trial.unchanged)
        digest = hashlib.sha256(f"{description}|{actor.name}".encode()).hexdigest()
        batch_id = insert_batch(
            connection, kind=EDIT_KIND, user=actor.name, file_name=description, sha256=digest
        )
        counts = Counts()
        change(connection, batch_id, counts)
        finish_batch(connection, batch_id, added=counts.added, replaced=counts.replaced)
        bump_data_version(connection)
        audit_write(
            connection, actor, IMPORTED, {"kind": EDIT_KIND, "batch": batch_id, "edit": description}
        )
    return ImportOutcome(
        "committed", batch_id=batch_id, added=counts.added, replaced=counts.replaced
    )


def _clean_name(value: str | None, limit: int) -> tuple[str | None, list[Problem]]:
    if value is None:
        return None, []
    text = normalize_name(value.strip())
    if not text:
        return None, [Problem("edit.empty_name")]
    if CONTROL_CHARACTERS.search(text) or len(text) > limit:
        return None, [Problem("edit.bad_text", params={"limit": limit})]
    return text, []


def rename_agency(
    engine: sa.Engine,
    code: str,
    *,
    actor: Actor,
    name_vi: str | None = None,
    name_en: str | None = None,
) -> ImportOutcome:
    """Give an agency a new Vietnamese and/or English name."""
    table = s.agencies

    def prepare(connection: sa.Connection) -> tuple[list[Problem], Change | None]:
        found = connection.execute(sa.select(table.c.id).where(table.c.code == code)).first()
        if found is None:
            return [Problem("edit.unknown", params={"code": code, "catalogue": "agencies"})], None
        row: dict[str, Any] = {"code": code}
        problems: list[Problem] = []
        for column, value in (("name_vi", name_vi), ("name_en", name_en)):
            text, found_problems = _clean_name(value, table.c[column].type.length)
            problems += found_problems
            if text is not None:
                row[column] = text
        return problems, _upsert_one(table, row)

    return _apply(engine, f"rename agency {code}", actor, prepare)


def change_stage(
    engine: sa.Engine,
    stage_code: str,
    *,
    actor: Actor,
    deadline: date | None = None,
    period_days: int | None = None,
) -> ImportOutcome:
    """Move a stage's deadline (extend or shorten it) and/or change its reporting period."""
    table = s.stages

    def prepare(connection: sa.Connection) -> tuple[list[Problem], Change | None]:
        stage = (
            connection.execute(sa.select(table).where(table.c.code == stage_code))
            .mappings()
            .first()
        )
        if stage is None:
            return [
                Problem("edit.unknown", params={"code": stage_code, "catalogue": "stages"})
            ], None
        row: dict[str, Any] = {"code": stage_code}
        problems: list[Problem] = []
        if deadline is not None:
            start = stage["start_date"]
            start = date.fromisoformat(str(start)[:10]) if not isinstance(start, date) else start
            if deadline < start or not FIRST_DATE <= deadline <= LAST_DATE:
                params = {"deadline": deadline.isoformat(), "start": start.isoformat()}
                problems.append(Problem("edit.deadline_before_start", params=params))
            row["deadline"] = deadline
        if period_days is not None:
            if not isinstance(period_days, int) or period_days <= 0:
                problems.append(Problem("edit.bad_period"))
            row["period_days"] = period_days
        return problems, _upsert_one(table, row)

    return _apply(engine, f"change stage {stage_code}", actor, prepare)


def extend_stage_deadline(
    engine: sa.Engine, stage_code: str, deadline: date, *, actor: Actor
) -> ImportOutcome:
    """Give a stage a new deadline."""
    return change_stage(engine, stage_code, actor=actor, deadline=deadline)


def retire_indicator_from_stage(
    engine: sa.Engine, indicator_code: str, stage_code: str, *, actor: Actor
) -> ImportOutcome:
    """Remove an indicator's province-wide target for a stage (its reports stay)."""
    tgt, ind, st = s.targets, s.indicators, s.stages

    def prepare(connection: sa.Connection) -> tuple[list[Problem], Change | None]:
        stmt = (
            sa.select(tgt)
            .join(ind, ind.c.id == tgt.c.indicator_id)
            .join(st, st.c.id == tgt.c.stage_id)
            .where(ind.c.code == indicator_code, st.c.code == stage_code)
            .where(tgt.c.locality_id.is_(None))
        )
        target = connection.execute(stmt).mappings().first()
        if target is None:
            params = {"indicator": indicator_code, "stage": stage_code}
            return [Problem("edit.no_target", params=params)], None

        def remove(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
            counts.replaced += 1
            if counts.dry_run:
                return
            old = json.loads(encode_row(dict(target)))
            connection.execute(
                s.import_changes.insert(),
                {
                    "batch_id": batch_id,
                    "table_name": tgt.name,
                    "row_id": target["id"],
                    "old_values": json.dumps({DELETED_MARKER: old}, ensure_ascii=False),
                },
            )
            connection.execute(tgt.delete().where(tgt.c.id == target["id"]))

        return [], remove

    return _apply(engine, f"retire {indicator_code} from {stage_code}", actor, prepare)
