"""The one place that creates database engines."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from data_access.settings import DEFAULT_SQLITE_PATH, load_settings


def default_database_url() -> str:
    """URL of the database the app uses: DATABASE_URL, else the embedded SQLite file."""
    settings = load_settings()
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _enable_sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API hook)
    cursor = dbapi_connection.cursor()
    # Foreign keys are off by default in SQLite; WAL lets dashboards read while an import
    # commits, and they then see the data before or after the import, never half of it.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_db_engine(url: str | None = None) -> sa.Engine:
    """Create an engine for `url` (default: `default_database_url()`)."""
    url = url or default_database_url()
    if url.startswith("sqlite"):
        database = sa.engine.make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)
