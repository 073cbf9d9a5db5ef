"""The data version: a counter every write bumps, so cached query results key on it."""

from __future__ import annotations

import sqlalchemy as sa

from data_access.schema import app_meta

DATA_VERSION_KEY = "data_version"


def bump_data_version(connection: sa.Connection) -> None:
    """Increase the data version inside the caller's transaction."""
    current = connection.execute(
        sa.select(app_meta.c.value).where(app_meta.c.key == DATA_VERSION_KEY)
    ).scalar_one_or_none()
    if current is None:
        connection.execute(app_meta.insert(), {"key": DATA_VERSION_KEY, "value": "1"})
    else:
        connection.execute(
            app_meta.update()
            .where(app_meta.c.key == DATA_VERSION_KEY)
            .values(value=str(int(current) + 1))
        )


def fetch_data_version(engine: sa.Engine) -> str:
    """The current data version ("0" for an empty database)."""
    with engine.connect() as connection:
        value = connection.execute(
            sa.select(app_meta.c.value).where(app_meta.c.key == DATA_VERSION_KEY)
        ).scalar_one_or_none()
    return value or "0"
