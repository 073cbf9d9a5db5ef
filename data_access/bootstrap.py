"""Make the app's database ready: migrate, and seed the demo province on the embedded SQLite."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from data_access.engine import create_db_engine, default_database_url
from data_access.migrate import is_up_to_date, upgrade_to_head
from data_access.seed import DatabaseNotEmpty, database_has_data, seed_database
from data_access.settings import load_settings

# One prepared engine per database URL in this process, made under a lock so that two first
# requests (a page and the sign-in form) never migrate or seed the same database at once.
_PREPARED: dict[str, sa.Engine] = {}
_PREPARE_LOCK = threading.Lock()


class DatabaseNotReady(RuntimeError):
    """The shared database has no schema or no data yet; an operator must run init / import."""


def prepare_database(engine: sa.Engine) -> None:
    """Migrate and seed the default SQLite database; check a configured one is usable."""
    if load_settings().uses_default_database:
        if not is_up_to_date(engine):
            upgrade_to_head(engine)
        with engine.connect() as connection:
            empty = not database_has_data(connection)
        if empty:
            try:
                seed_database(engine)
            except DatabaseNotEmpty:  # another process seeded it in the meantime
                pass
        return
    if not is_up_to_date(engine):
        raise DatabaseNotReady(
            "CSDL chưa ở phiên bản lược đồ mới nhất: chạy `python -m data_access init`. "
            "/ The database schema is not current: run `python -m data_access init`."
        )


def prepared_engine() -> sa.Engine:
    """This process's engine on the app's database, prepared (see prepare_database) once."""
    url = default_database_url()
    with _PREPARE_LOCK:
        engine = _PREPARED.get(url)
        if engine is None:
            engine = create_db_engine(url)
            try:
                prepare_database(engine)
            except Exception:
                engine.dispose()
                raise
            _PREPARED[url] = engine
        return engine
