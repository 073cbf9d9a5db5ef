"""Roll back an import batch: remove what it added and restore what it replaced."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.engine import write_transaction
from data_access.importers.problems import Problem
from data_access.meta import bump_data_version
from data_access.permissions import ROLLED_BACK, audit_write, may_write

TABLES = {table.name: table for table in s.metadata.sorted_tables}
# Key of import_changes.old_values holding a whole row a batch deleted (a one-row edit that
# retired a target); rollback inserts it back with its id.
DELETED_MARKER = "deleted_row"


class RollbackRefused(RuntimeError):
    """The batch cannot be rolled back; carries the Problem to show."""

    def __init__(self, key: str, **params: object) -> None:
        self.problem = Problem(key, params=params)
        super().__init__(self.problem.bilingual())


def _decode(table: sa.Table, values: dict[str, Any]) -> dict[str, Any]:
    """JSON values back to column types (dates were stored as ISO text)."""
    decoded = {}
    for name, value in values.items():
        column_type = table.c[name].type
        if value is not None and isinstance(column_type, sa.DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column_type, sa.Date):
            value = date.fromisoformat(value)
        decoded[name] = value
    return decoded


def encode_row(values: dict[str, Any]) -> str:
    """A row's values as JSON (dates as ISO text), for import_changes.old_values."""
    return json.dumps(
        {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()},
        ensure_ascii=False,
    )


def _later_batch(connection: sa.Connection, batch_id: int) -> int | None:
    """A later committed batch that changed rows this batch wrote, if any."""
    ch, later, b = s.import_changes, s.import_changes.alias("later"), s.import_batches
    over_reports = (
        sa.select(sa.func.min(ch.c.batch_id))
        .join(b, b.c.id == ch.c.batch_id)
        .where(ch.c.previous_batch_id == batch_id, b.c.status == "committed")
    )
    over_rows = (
        sa.select(sa.func.min(later.c.batch_id))
        .select_from(ch)
        .join(
            later,
            sa.and_(later.c.table_name == ch.c.table_name, later.c.row_id == ch.c.row_id),
        )
        .join(b, b.c.id == later.c.batch_id)
        .where(ch.c.batch_id == batch_id, later.c.batch_id > batch_id, b.c.status == "committed")
    )
    found = [connection.execute(q).scalar_one_or_none() for q in (over_reports, over_rows)]
    found = [f for f in found if f is not None]
    return min(found) if found else None


def _undo_changes(connection: sa.Connection, batch_id: int) -> tuple[int, int]:
    """Undo the batch's logged changes, newest first; returns (deleted, restored)."""
    ch = s.import_changes
    changes = connection.execute(
        sa.select(ch.c.table_name, ch.c.row_id, ch.c.old_values)
        .where(ch.c.batch_id == batch_id)
        .order_by(ch.c.id.desc())
    ).all()
    deleted = restored = 0
    # Grouped by the columns they restore: one executemany needs the same columns in every row
    # (a rename and a kind change of another row restore different ones).
    updates: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for table_name, row_id, old_values in changes:
        table = TABLES[table_name]
        if old_values is None:
            connection.execute(table.delete().where(table.c.id == row_id))
            deleted += 1
        elif DELETED_MARKER in (decoded := json.loads(old_values)):
            connection.execute(table.insert(), _decode(table, decoded[DELETED_MARKER]))
            restored += 1
        else:
            values = _decode(table, json.loads(old_values))
            group = (table_name, tuple(sorted(values)))
            updates.setdefault(group, []).append({"row_id_": row_id, **values})
            restored += 1
    for (table_name, names), rows in updates.items():
        table = TABLES[table_name]
        stmt = (
            table.update()
            .where(table.c.id == sa.bindparam("row_id_"))
            .values({n: sa.bindparam(n) for n in names})
        )
        connection.execute(stmt, rows)
    return deleted, restored


def may_roll_back(actor: Actor, kind: str) -> bool:
    """Reports: whoever may roll back imports (data officers); any other kind: whoever may
    write that kind (e.g. an administrator undoing a register change)."""
    if actor.limits is None:
        return True
    if kind == "reports":
        return actor.limits.may("rollback")
    return kind != "reports" and may_write(actor, kind)


def rollback_batch(engine: sa.Engine, batch_id: int, *, actor: Actor) -> dict[str, int]:
    """Undo a committed batch in one transaction, as `actor`, and mark it rolled_back."""
    b, r, ch = s.import_batches, s.reports, s.import_changes
    try:
        with write_transaction(engine) as connection:
            batch = connection.execute(sa.select(b).where(b.c.id == batch_id)).mappings().first()
            if batch is None:
                raise RollbackRefused("rollback.unknown", batch=batch_id)
            if batch["status"] == "rolled_back":
                raise RollbackRefused("rollback.already", batch=batch_id)
            if batch["kind"] == "seed":
                raise RollbackRefused("rollback.seed", batch=batch_id)
            if not may_roll_back(actor, batch["kind"]):
                raise RollbackRefused("rollback.not_allowed", batch=batch_id, user=actor.name)
            later = _later_batch(connection, batch_id)
            if later is not None:
                raise RollbackRefused("rollback.later", batch=batch_id, later=later)
            replaced_ids = sa.select(ch.c.row_id).where(
                ch.c.batch_id == batch_id, ch.c.table_name == "reports"
            )
            added = connection.execute(
                r.delete().where(r.c.batch_id == batch_id, r.c.id.not_in(replaced_ids))
            ).rowcount
            deleted, restored = _undo_changes(connection, batch_id)
            connection.execute(b.update().where(b.c.id == batch_id).values(status="rolled_back"))
            audit_write(
                connection,
                actor,
                ROLLED_BACK,
                {"kind": batch["kind"], "batch": batch_id, "deleted": added + deleted},
            )
            bump_data_version(connection)
    except sa.exc.IntegrityError as error:
        raise RollbackRefused("rollback.in_use", batch=batch_id) from error
    return {"deleted": added + deleted, "restored": restored}
