"""Write catalogue rows (register, populations, indicators) with every change logged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.engine import write_transaction
from data_access.importers.batches import (
    ImportOutcome,
    content_sha256,
    find_committed_batch,
    finish_batch,
    insert_batch,
)
from data_access.importers.headers import map_headers
from data_access.importers.problems import Problem
from data_access.importers.reading import FileProblem, read_table
from data_access.importers.rollback import encode_row
from data_access.meta import bump_data_version


@dataclass
class Counts:
    """Rows added, replaced and left as they were."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0


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
    """Insert new rows and update changed ones by `key`, logging old values; returns key->id."""
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
            row_id = connection.execute(table.insert().returning(table.c.id), row).scalar_one()
            entry = {"row_id": row_id, "old_values": None}
            counts.added += 1
        else:
            row_id = old["id"]
            changed = {c: v for c, v in row.items() if old[c] != v}
            if not changed:
                counts.unchanged += 1
                continue
            entry = {"row_id": row_id, "old_values": encode_row({c: old[c] for c in changed})}
            connection.execute(table.update().where(table.c.id == row_id).values(changed))
            counts.replaced += 1
        connection.execute(log, {"batch_id": batch_id, "table_name": table.name, **entry})
        ids[row_key] = row_id
    return ids


class _DryRun(Exception):
    """Raised to roll back the transaction of a dry run after counting."""


def import_catalogue_file(
    engine: sa.Engine,
    data: bytes,
    file_name: str,
    *,
    kind: str,
    spec: dict[str, tuple[str, ...]],
    required: tuple[str, ...],
    validate: Callable[[sa.Connection, pd.DataFrame], Plan],
    user: str,
    dry_run: bool = False,
    sheet: str | None = None,
) -> ImportOutcome:
    """Read, validate and write a catalogue file of `kind` in one transaction."""
    try:
        raw = read_table(data, file_name, sheet=sheet)
    except FileProblem as problem:
        return ImportOutcome("rejected", [problem.problem])
    outcome = ImportOutcome("rejected")
    try:
        with write_transaction(engine) as connection:
            frame, problems = map_headers(raw, spec, required)
            if problems:
                outcome.problems = problems
                return outcome
            plan = validate(connection, frame)
            outcome.problems = plan.problems
            if outcome.errors:
                return outcome
            outcome.sha256 = content_sha256(plan.frame, [c for c in spec if c in plan.frame])
            earlier = find_committed_batch(connection, kind=kind, sha256=outcome.sha256)
            if earlier is not None:
                outcome.status, outcome.batch_id = "same_file", earlier
                return outcome
            batch_id = insert_batch(
                connection, kind=kind, user=user, file_name=file_name, sha256=outcome.sha256
            )
            counts = Counts()
            plan.write(connection, batch_id, counts)
            outcome.added, outcome.replaced, outcome.unchanged = (
                counts.added,
                counts.replaced,
                counts.unchanged,
            )
            if dry_run:
                outcome.status = "dry_run"
                raise _DryRun
            if counts.added + counts.replaced == 0:
                outcome.status = "nothing_new"
                raise _DryRun
            finish_batch(connection, batch_id, added=counts.added, replaced=counts.replaced)
            bump_data_version(connection)
            outcome.status, outcome.batch_id = "committed", batch_id
    except _DryRun:
        pass
    return outcome
