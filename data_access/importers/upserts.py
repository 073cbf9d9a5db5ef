"""Write catalogue rows (register, campaign, indicators, populations …) with every change logged.

A dry run (the preview) validates and counts inside a read snapshot, so it never holds the
write lock; a real import validates again inside the one write transaction before writing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.engine import read_snapshot, refresh_statistics, write_transaction
from data_access.importers.batches import (
    ImportOutcome,
    content_sha256,
    find_committed_batch,
    finish_batch,
    insert_batch,
)
from data_access.importers.cells import check_cells, skip_unfilled
from data_access.importers.headers import map_headers
from data_access.importers.problems import Problem, sort_problems, without_repeats
from data_access.importers.reading import FileProblem, ReadLimits, read_table
from data_access.importers.rollback import encode_row
from data_access.meta import bump_data_version
from data_access.permissions import IMPORTED, audit_write, refusal

# The tables a catalogue file of each kind writes, when they are not named like the kind.
WRITTEN_TABLES: dict[str, tuple[str, ...]] = {"campaign": ("campaigns", "stages")}


@dataclass
class Counts:
    """Rows added, replaced and left as they were; with `dry_run` nothing is written."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    dry_run: bool = False


@dataclass
class Plan:
    """A validated catalogue file: problems, and a writer to call inside the transaction."""

    problems: list[Problem]
    frame: pd.DataFrame
    write: Callable[[sa.Connection, int, Counts], None] = field(default=lambda c, b, n: None)


def upsert_rows(
    connection: sa.Connection,
    table: sa.Table,
    batch_id: int,
    rows: list[dict[str, Any]],
    key: tuple[str, ...],
    counts: Counts,
) -> dict[tuple, int]:
    """Insert new rows and update changed ones by `key`, logging old values; returns key->id.

    In a dry run nothing is written and new rows get negative stand-in ids.
    """
    existing = {
        tuple(row[k] for k in key): dict(row)
        for row in connection.execute(sa.select(table)).mappings()
    }
    ids = {k: row["id"] for k, row in existing.items()}
    log = s.import_changes.insert()
    for row in rows:
        row_key = tuple(row[k] for k in key)
        old = existing.get(row_key)
        if old is None:
            counts.added += 1
            if counts.dry_run:
                ids[row_key] = -counts.added
                continue
            row_id = connection.execute(table.insert().returning(table.c.id), row).scalar_one()
            entry = {"row_id": row_id, "old_values": None}
        else:
            row_id = old["id"]
            changed = {c: v for c, v in row.items() if old[c] != v}
            if not changed:
                counts.unchanged += 1
                continue
            counts.replaced += 1
            if counts.dry_run:
                continue
            entry = {"row_id": row_id, "old_values": encode_row({c: old[c] for c in changed})}
            connection.execute(table.update().where(table.c.id == row_id).values(changed))
        connection.execute(log, {"batch_id": batch_id, "table_name": table.name, **entry})
        ids[row_key] = row_id
    return ids


class _NothingToWrite(Exception):
    """Raised to roll back the batch row of an import that changed nothing."""


def _run(
    connection: sa.Connection,
    frame: pd.DataFrame,
    outcome: ImportOutcome,
    *,
    kind: str,
    spec: dict[str, tuple[str, ...]],
    validate: Callable[[sa.Connection, pd.DataFrame], Plan],
    actor: Actor,
    file_name: str,
    dry_run: bool,
) -> None:
    """Validate `frame` on `connection`, then count (dry run) or write it as a batch."""
    plan = validate(connection, frame)
    outcome.problems = sort_problems(without_repeats(outcome.problems, plan.problems))
    if outcome.errors:
        return
    outcome.sha256 = content_sha256(plan.frame, [c for c in spec if c in plan.frame])
    earlier = find_committed_batch(connection, kind=kind, sha256=outcome.sha256)
    if earlier is not None:
        outcome.status, outcome.batch_id = "same_file", earlier
        return
    batch_id = 0
    if not dry_run:
        batch_id = insert_batch(
            connection, kind=kind, user=actor.name, file_name=file_name, sha256=outcome.sha256
        )
    counts = Counts(dry_run=dry_run)
    plan.write(connection, batch_id, counts)
    outcome.added, outcome.replaced, outcome.unchanged = (
        counts.added,
        counts.replaced,
        counts.unchanged,
    )
    if dry_run:
        outcome.status = "dry_run"
        return
    if counts.added + counts.replaced == 0:
        outcome.status = "nothing_new"
        raise _NothingToWrite
    finish_batch(connection, batch_id, added=counts.added, replaced=counts.replaced)
    bump_data_version(connection)
    details = {"kind": kind, "batch": batch_id, "file": file_name, "added": counts.added}
    audit_write(connection, actor, IMPORTED, {**details, "replaced": counts.replaced})
    outcome.status, outcome.batch_id = "committed", batch_id


def import_catalogue_file(
    engine: sa.Engine,
    data: bytes,
    file_name: str,
    *,
    kind: str,
    spec: dict[str, tuple[str, ...]],
    required: tuple[str, ...],
    validate: Callable[[sa.Connection, pd.DataFrame], Plan],
    actor: Actor,
    dry_run: bool = False,
    sheet: str | None = None,
    value_columns: tuple[str, ...] = (),
    limits: ReadLimits | None = None,
) -> ImportOutcome:
    """Read, validate and write a catalogue file of `kind` in one transaction, as `actor`."""
    refused = refusal(actor, kind)
    if refused is not None:
        return ImportOutcome("rejected", [refused])
    try:
        raw = read_table(data, file_name, sheet=sheet, limits=limits)
    except FileProblem as problem:
        return ImportOutcome("rejected", [problem.problem])
    frame, problems = map_headers(raw, spec, required)
    if problems:
        return ImportOutcome("rejected", problems)
    outcome = ImportOutcome("rejected", check_cells(frame, spec))
    frame, outcome.skipped = skip_unfilled(frame, value_columns)
    if frame.empty and not outcome.errors:
        outcome.status = "nothing_new"
        return outcome
    options = {
        "kind": kind,
        "spec": spec,
        "validate": validate,
        "actor": actor,
        "file_name": file_name,
        "dry_run": dry_run,
    }
    if dry_run or outcome.errors:  # a preview or a rejection never needs the write lock
        with read_snapshot(engine) as connection:
            _run(connection, frame, outcome, **options)
        return outcome
    try:
        with write_transaction(engine) as connection:
            _run(connection, frame, outcome, **options)
    except _NothingToWrite:
        pass
    if outcome.status == "committed":  # catalogue tables are small: refreshed every time
        refresh_statistics(engine, WRITTEN_TABLES.get(kind, (kind,)))
    return outcome
