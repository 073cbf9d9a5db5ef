"""Import a report file: validate, then write every row or none in one transaction.

A dry run (the preview) checks inside a read snapshot and never holds the write lock; a real
import checks again inside the one write transaction, so what it replaces is what is stored.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.engine import BULK_ROWS, read_snapshot, refresh_statistics, write_transaction
from data_access.entry.files import submit_checked_rows, submits_files
from data_access.importers.batches import (
    ImportOutcome,
    content_sha256,
    find_committed_batch,
    finish_batch,
    insert_batch,
)
from data_access.importers.problems import Problem
from data_access.importers.reading import FileProblem, ReadLimits, read_table
from data_access.importers.reports import KEY, check_reports
from data_access.meta import bump_data_version
from data_access.permissions import IMPORTED, audit_write, refusal, refused_communes

# Rows per executemany round trip: large enough to be fast, small enough to bound memory.
CHUNK_ROWS = 20_000
HASHED_COLUMNS = ["commune_code", "indicator_code", "as_of", "numerator", "denominator", "note"]
# Warnings that block an import until confirmed (population gaps are only shown).
BLOCKING_WARNINGS = ("import.decrease",)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _or_none(value: object) -> object:
    """None for a missing value (pandas gives NaN for a NULL note or denominator)."""
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


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
    # NaN is no JSON value: PostgreSQL would get the text "NaN" back as the note on rollback.
    old_values = [
        json.dumps(
            {"numerator": n, "denominator": _or_none(d), "note": _or_none(t), "batch_id": b},
            ensure_ascii=False,
        )
        for n, d, t, b in zip(
            replaced["old_numerator"].astype(float),
            replaced["old_denominator"].astype(object),
            replaced["old_note"].astype(object),
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


def _check_and_write(
    connection: sa.Connection,
    raw: pd.DataFrame,
    *,
    stage_code: str | None,
    today: date | None,
    allow_decrease: bool,
    write: bool,
    actor: Actor,
    file_name: str,
) -> ImportOutcome:
    known = connection.execute(sa.select(s.stages.c.code)).scalars().all()
    if stage_code is not None and stage_code not in known:
        params = {"catalogue": "stage"}
        bad = Problem("import.unknown_code", column="stage", value=stage_code, params=params)
        return ImportOutcome("rejected", [bad])
    check = check_reports(connection, raw, stage_code=stage_code, today=today)
    check.problems += _outside_communes(connection, actor, check.rows)
    if check.errors:
        return ImportOutcome("rejected", check.problems, skipped=check.skipped)
    if check.rows.empty:
        return ImportOutcome("nothing_new", check.problems, skipped=check.skipped)
    blocking = [p for p in check.warnings if p.key in BLOCKING_WARNINGS]
    if blocking and not allow_decrease:
        return ImportOutcome("needs_confirmation", check.problems, skipped=check.skipped)
    rows = check.rows
    hashed = rows.assign(as_of=rows["as_of"].map(date.isoformat))
    sha256 = content_sha256(hashed, HASHED_COLUMNS)
    earlier = find_committed_batch(connection, kind="reports", sha256=sha256)
    if earlier is not None:
        return ImportOutcome(
            "same_file", check.problems, batch_id=earlier, sha256=sha256, skipped=check.skipped
        )
    plan = classify_rows(rows, check.stored)
    counts = plan["change"].value_counts()
    outcome = ImportOutcome(
        "dry_run",
        check.problems,
        added=int(counts.get("added", 0)),
        replaced=int(counts.get("replaced", 0)),
        unchanged=int(counts.get("unchanged", 0)),
        sha256=sha256,
        skipped=check.skipped,
        latest_as_of=max(rows["as_of"]),
    )
    if not write:
        return outcome
    if outcome.added + outcome.replaced == 0:
        outcome.status = "nothing_new"
        return outcome
    if submits_files(actor):  # a commune officer's file waits for a data officer's approval
        changed = plan[plan["change"] != "unchanged"]
        outcome.submitted, problems = submit_checked_rows(connection, actor, changed)
        outcome.problems += problems
        outcome.status = "rejected" if problems else "submitted"
        return outcome
    outcome.batch_id = insert_batch(
        connection, kind="reports", user=actor.name, file_name=file_name, sha256=sha256
    )
    _write(connection, plan, outcome.batch_id)
    finish_batch(connection, outcome.batch_id, added=outcome.added, replaced=outcome.replaced)
    bump_data_version(connection)
    audit_write(
        connection,
        actor,
        IMPORTED,
        {
            "kind": "reports",
            "batch": outcome.batch_id,
            "file": file_name,
            "added": outcome.added,
            "replaced": outcome.replaced,
        },
    )
    outcome.status = "committed"
    return outcome


def write_report_cells(
    connection: sa.Connection,
    raw: pd.DataFrame,
    *,
    actor: Actor,
    description: str,
    stage_code: str | None = None,
    today: date | None = None,
) -> ImportOutcome:
    """Check and write report rows given as cells (columns as a file's, plus `row`) in the
    caller's write transaction: the same checks, batch, audit and data version as a file.

    Approved form entries come through here, so dashboards and rollback treat them as an import.
    """
    return _check_and_write(
        connection,
        raw,
        stage_code=stage_code,
        today=today,
        allow_decrease=True,
        write=True,
        actor=actor,
        file_name=description,
    )


def _outside_communes(connection: sa.Connection, actor: Actor, rows: pd.DataFrame) -> list:
    """A row-level problem for each row of a commune the actor may not report for."""
    if rows.empty:
        return []
    refused = refused_communes(connection, actor, rows["commune_code"].unique())
    return [
        Problem("import.not_your_commune", row=int(r.row), column="commune_code", value=r.code)
        for r in rows.loc[rows["commune_code"].isin(refused), ["row", "commune_code"]]
        .rename(columns={"commune_code": "code"})
        .itertuples()
    ]


def import_reports(
    engine: sa.Engine,
    data: bytes,
    file_name: str,
    *,
    actor: Actor,
    dry_run: bool = False,
    allow_decrease: bool = False,
    sheet: str | None = None,
    stage_code: str | None = None,
    today: date | None = None,
    limits: ReadLimits | None = None,
) -> ImportOutcome:
    """Validate and import a report file as `actor`; nothing is written unless every row is
    valid and the actor may report for every commune in it."""
    refused = refusal(actor, "reports")
    if refused is not None:
        return ImportOutcome("rejected", [refused])
    try:
        raw = read_table(data, file_name, sheet=sheet, limits=limits)
    except FileProblem as problem:
        return ImportOutcome("rejected", [problem.problem])
    options = {
        "stage_code": stage_code,
        "today": today,
        "allow_decrease": allow_decrease,
        "actor": actor,
        "file_name": file_name,
    }
    if dry_run:
        with read_snapshot(engine) as connection:
            return _check_and_write(connection, raw, write=False, **options)
    with write_transaction(engine) as connection:
        outcome = _check_and_write(connection, raw, write=True, **options)
    if outcome.status == "committed" and outcome.added + outcome.replaced >= BULK_ROWS:
        refresh_statistics(engine, ("reports", "import_changes"))
    return outcome
