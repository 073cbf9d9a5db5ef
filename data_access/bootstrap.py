"""Make the app's database ready: migrate, and seed the demo province on the embedded SQLite."""

from __future__ import annotations

import sqlalchemy as sa

from data_access.migrate import is_up_to_date, upgrade_to_head
from data_access.seed import database_has_data, seed_database
from data_access.settings import load_settings


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
            seed_database(engine)
        return
    if not is_up_to_date(engine):
        raise DatabaseNotReady(
            "CSDL chưa ở phiên bản lược đồ mới nhất: chạy `python -m data_access init`. "
            "/ The database schema is not current: run `python -m data_access init`."
        )
