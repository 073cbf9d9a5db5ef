"""Import batches: the audit record of every import, and the outcome an import returns."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import read_frame
from data_access.importers.problems import ERROR, WARNING, Problem, message_text

OK_STATUSES = ("committed", "same_file", "nothing_new", "dry_run", "submitted")


@dataclass
class ImportOutcome:
    """What an import did (or would do) and every problem it found."""

    status: str  # committed | same_file | nothing_new | dry_run | rejected | needs_confirmation
    problems: list[Problem] = field(default_factory=list)
    batch_id: int | None = None
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    sha256: str = ""
    skipped: int = 0  # rows of a partly filled template left empty
    # The newest as-of date among the file's rows (reports), so a page can open its figures.
    latest_as_of: date | None = None
    # Periods a commune officer's file submitted for approval (status "submitted").
    submitted: int = 0

    @property
    def ok(self) -> bool:
        """True when the file was accepted (written, already there, or a clean dry run)."""
        return self.status in OK_STATUSES

    @property
    def errors(self) -> list[Problem]:
        """Problems that reject the file."""
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems that need a look or a confirmation."""
        return [p for p in self.problems if p.severity == WARNING]

    def summary(self, lang: str) -> str:
        """One or two sentences saying what happened (and how many rows were left empty)."""
        text = self._status_sentence(lang)
        if self.skipped:
            text += " " + message_text("import.rows_left_empty", lang, skipped=self.skipped)
        return text

    def _status_sentence(self, lang: str) -> str:
        counts = {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged}
        if self.status == "committed":
            return message_text("import.committed", lang, batch=self.batch_id, **counts)
        if self.status == "submitted":
            return message_text("import.submitted", lang, periods=self.submitted)
        if self.status == "dry_run":
            return message_text("import.dry_run", lang, **counts)
        if self.status == "same_file":
            return message_text("import.same_file", lang, batch=self.batch_id)
        if self.status == "nothing_new":
            return message_text("import.nothing_new", lang)
        if self.status == "needs_confirmation":
            return message_text("import.needs_confirmation", lang, warnings=len(self.warnings))
        return message_text(
            "import.rejected", lang, errors=len(self.errors), warnings=len(self.warnings)
        )


def content_sha256(frame: pd.DataFrame, columns: list[str]) -> str:
    """Hash of the normalised rows: the same content gives the same hash in CSV or XLSX."""
    canonical = frame[columns].astype(str).sort_values(columns).to_csv(index=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def find_committed_batch(connection: sa.Connection, *, kind: str, sha256: str) -> int | None:
    """Id of a committed batch of `kind` with this content hash, if any."""
    b = s.import_batches
    stmt = sa.select(sa.func.min(b.c.id)).where(
        b.c.kind == kind, b.c.sha256 == sha256, b.c.status == "committed"
    )
    return connection.execute(stmt).scalar_one_or_none()


def insert_batch(
    connection: sa.Connection, *, kind: str, user: str, file_name: str, sha256: str
) -> int:
    """Record a new committed batch (counts are filled in by `finish_batch`)."""
    return connection.execute(
        s.import_batches.insert().returning(s.import_batches.c.id),
        {
            "kind": kind,
            "user_name": user[:100],
            "created_at": datetime.now().replace(microsecond=0),
            "file_name": file_name[-300:],
            "sha256": sha256,
        },
    ).scalar_one()


def finish_batch(connection: sa.Connection, batch_id: int, *, added: int, replaced: int) -> None:
    """Store the batch's row counts."""
    connection.execute(
        s.import_batches.update()
        .where(s.import_batches.c.id == batch_id)
        .values(rows_added=added, rows_replaced=replaced, rows_rejected=0)
    )


def fetch_batches(engine: sa.Engine, *, limit: int | None = None) -> pd.DataFrame:
    """Imports, newest first. Columns: batch_id, kind, user_name, created_at, file_name, sha256,
    rows_added, rows_replaced, rows_rejected, status."""
    b = s.import_batches
    stmt = sa.select(
        b.c.id.label("batch_id"),
        b.c.kind,
        b.c.user_name,
        b.c.created_at,
        b.c.file_name,
        b.c.sha256,
        b.c.rows_added,
        b.c.rows_replaced,
        b.c.rows_rejected,
        b.c.status,
    ).order_by(b.c.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return read_frame(engine, stmt)
