"""Import a report file: validate, then write every row or none in one transaction."""

from __future__ import annotations

import json
from datetime import date
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
from data_access.importers.problems import Problem
from data_access.importers.reading import FileProblem, read_table
from data_access.importers.reports import KEY, check_reports
from data_access.meta import bump_data_version

# Rows per executemany round trip: large enough to be fast, small enough to bound memory.
CHUNK_ROWS = 20_000
HASHED_COLUMNS = ["commune_code", "indicator_code", "as_of", "numerator", "denominator", "note"]
# Warnings that block an import until confirmed (population gaps are only shown).
BLOCKING_WARNINGS = ("import.decrease",)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _chunks(connection: sa.Connection, stmt: sa.Executable, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK_ROWS):
        connection.execute(stmt, rows[start : start + CHUNK_ROWS])


def classify_rows(rows: pd.DataFrame, stored: pd.DataFrame) -> pd.DataFrame:
    """`rows` with report_id, old values and `change`: "added", "replaced" or "unchanged"."""
    old = stored[[*KEY, "report_id", "numerator", "denominator", "note", "batch_id"]].rename(
        columns={c: f"old_{c}" for c in ("numerator", "denominator", "note", "batch_id")}
    )
    merged = rows.merge(old, on=KEY, how="left")
    same = (
        (merged["numerator"] == merged["old_numerator"])
        & (
            (merged["denominator"] == merged["old_denominator"])
            | (merged["denominator"].isna() & merged["old_denominator"].isna())
        )
        & (merged["note"].fillna("") == merged["old_note"].fillna(""))
    )
    merged["change"] = "added"
    merged.loc[merged["report_id"].notna(), "change"] = "replaced"
    merged.loc[merged["report_id"].notna() & same, "change"] = "unchanged"
    return merged


def _write(connection: sa.Connection, plan: pd.DataFrame, batch_id: int) -> None:
    r = s.reports
    added = plan.loc[plan["change"] == "added", [*KEY, "numerator", "denominator", "note"]]
    _chunks(connection, r.insert(), _records(added.assign(batch_id=batch_id)))
    replaced = plan.loc[plan["change"] == "replaced"]
    if replaced.empty:
        return
    old_values = [
        json.dumps({"numerator": n, "denominator": d, "note": t, "batch_id": b})
        for n, d, t, b in zip(
            replaced["old_numerator"],
            replaced["old_denominator"].astype(object).where(replaced["old_denominator"].notna()),
            replaced["old_note"],
            replaced["old_batch_id"].astype(int),
            strict=True,
        )
    ]
    changes = pd.DataFrame(
        {
            "batch_id": batch_id,
            "table_name": "reports",
            "row_id": replaced["report_id"].astype(int).to_numpy(),
            "previous_batch_id": replaced["old_batch_id"].astype(int).to_numpy(),
            "old_values": old_values,
        }
    )
    _chunks(connection, s.import_changes.insert(), _records(changes))
    update = (
        r.update()
        .where(r.c.id == sa.bindparam("report_id"))
        .values(
            numerator=sa.bindparam("numerator"),
            denominator=sa.bindparam("denominator"),
            note=sa.bindparam("note"),
            batch_id=batch_id,
        )
    )
    values = replaced[["report_id", "numerator", "denominator", "note"]]
    _chunks(connection, update, _records(values.assign(report_id=values["report_id"].astype(int))))


def import_reports(
    engine: sa.Engine,
    data: bytes,
    file_name: str,
    *,
    user: str,
    dry_run: bool = False,
    allow_decrease: bool = False,
    sheet: str | None = None,
    stage_code: str | None = None,
    today: date | None = None,
) -> ImportOutcome:
    """Validate and import a report file; nothing is written unless every row is valid."""
    try:
        raw = read_table(data, file_name, sheet=sheet)
    except FileProblem as problem:
        return ImportOutcome("rejected", [problem.problem])
    with write_transaction(engine) as connection:
        known = connection.execute(sa.select(s.stages.c.code)).scalars().all()
        if stage_code is not None and stage_code not in known:
            params = {"catalogue": "stage"}
            bad = Problem("import.unknown_code", column="stage", value=stage_code, params=params)
            return ImportOutcome("rejected", [bad])
        check = check_reports(connection, raw, stage_code=stage_code, today=today)
        if check.errors:
            return ImportOutcome("rejected", check.problems)
        blocking = [p for p in check.warnings if p.key in BLOCKING_WARNINGS]
        if blocking and not allow_decrease:
            return ImportOutcome("needs_confirmation", check.problems)
        rows = check.rows
        hashed = rows.assign(as_of=rows["as_of"].map(date.isoformat))
        sha256 = content_sha256(hashed, HASHED_COLUMNS)
        earlier = find_committed_batch(connection, kind="reports", sha256=sha256)
        if earlier is not None:
            return ImportOutcome("same_file", check.problems, batch_id=earlier, sha256=sha256)
        plan = classify_rows(rows, check.stored)
        counts = plan["change"].value_counts()
        outcome = ImportOutcome(
            "dry_run",
            check.problems,
            added=int(counts.get("added", 0)),
            replaced=int(counts.get("replaced", 0)),
            unchanged=int(counts.get("unchanged", 0)),
            sha256=sha256,
        )
        if dry_run:
            return outcome
        if outcome.added + outcome.replaced == 0:
            outcome.status = "nothing_new"
            return outcome
        outcome.batch_id = insert_batch(
            connection, kind="reports", user=user, file_name=file_name, sha256=sha256
        )
        _write(connection, plan, outcome.batch_id)
        finish_batch(connection, outcome.batch_id, added=outcome.added, replaced=outcome.replaced)
        bump_data_version(connection)
        outcome.status = "committed"
    return outcome
