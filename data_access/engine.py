"""The one place that creates database engines and opens write transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from data_access.meta import lock_data_writes
from data_access.settings import DEFAULT_SQLITE_PATH, load_settings

# Execution option naming how an SQLite transaction begins: "DEFERRED" for readers (a
# snapshot from their first read on), "IMMEDIATE" for writers (the one write lock at once).
SQLITE_BEGIN = "sqlite_begin"


def default_database_url() -> str:
    """URL of the database the app uses: DATABASE_URL, else the embedded SQLite file."""
    settings = load_settings()
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _on_sqlite_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API hook)
    # The sqlite3 module would open transactions only before writes, so a reader saw each
    # statement's own moment; transactions are begun in _on_sqlite_begin instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # Foreign keys are off by default in SQLite; WAL lets dashboards read while an import
    # commits, and they then see the data before or after the import, never half of it.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _on_sqlite_begin(connection: sa.Connection) -> None:
    options = connection.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return
    mode = options.get(SQLITE_BEGIN, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {'IMMEDIATE' if mode == 'IMMEDIATE' else 'DEFERRED'}")


def create_db_engine(url: str | None = None) -> sa.Engine:
    """Create an engine for `url` (default: `default_database_url()`)."""
    url = url or default_database_url()
    if url.startswith("sqlite"):
        database = sa.engine.make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _on_sqlite_connect)
        sa.event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


@contextmanager
def immediate_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that writes: on SQLite it holds the write lock from its first statement,
    so reading then writing never fails with "database is locked" under a concurrent writer."""
    with engine.connect().execution_options(**{SQLITE_BEGIN: "IMMEDIATE"}) as connection:
        with connection.begin():
            yield connection


@contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that writes campaign data: the only one at a time on either database,
    so what it reads before writing (e.g. the values an import replaces) stays true."""
    with immediate_transaction(engine) as connection:
        lock_data_writes(connection)
        yield connection


@contextmanager
def read_snapshot(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A read-only connection that sees one moment of the database for all its statements
    (PostgreSQL REPEATABLE READ; SQLite a deferred transaction in WAL mode)."""
    options = {} if engine.dialect.name == "sqlite" else {"isolation_level": "REPEATABLE READ"}
    with engine.connect().execution_options(**options) as connection:
        yield connection


# A committed report file of at least this many rows refreshes the planner's statistics of
# the tables it wrote: a commune's own entry (a dozen rows) does not, a province's file does.
BULK_ROWS = 500


def refresh_statistics(engine: sa.Engine, tables: tuple[str, ...] = ()) -> None:
    """Refresh the planner's statistics of `tables` (all when empty) after a bulk write.

    Without them PostgreSQL plans the latest-report joins of a province's first import as
    for empty tables (seconds instead of milliseconds) until autovacuum catches up, up to a
    minute later; SQLite's ANALYZE feeds its planner likewise.
    """
    quote = engine.dialect.identifier_preparer.quote
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for statement in [f"ANALYZE {quote(table)}" for table in tables] or ["ANALYZE"]:
            connection.execute(sa.text(statement))
