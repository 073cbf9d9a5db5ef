"""The data version and the flags of the database as a whole.

The data version is a counter every write of data bumps inside its own transaction
(`value = value + 1` in SQL, so two writers committing at once both count); cached figures
key on it. It is never reset, not even by `seed --force`, so a cache entry can never be
mistaken for newer data.
"""

from __future__ import annotations

import sqlalchemy as sa

from data_access.frames import Bind, connected
from data_access.schema import app_counters, app_meta

DATA_VERSION = "data_version"
# Written by `seed`: this database holds the synthetic demo province, and only then do
# screens, slides and the brief say "synthetic demo data".
DEMO_FLAG = "demo"


def bump_data_version(connection: sa.Connection) -> None:
    """Increase the data version by one inside the caller's transaction."""
    counter = app_counters.c
    bumped = connection.execute(
        app_counters.update().where(counter.name == DATA_VERSION).values(value=counter.value + 1)
    ).rowcount
    if not bumped:  # a database migrated before any write: the counter row is made here
        connection.execute(app_counters.insert(), {"name": DATA_VERSION, "value": 1})


def fetch_data_version(bind: Bind) -> int:
    """The current data version (0 for a database nothing was ever written to)."""
    stmt = sa.select(app_counters.c.value).where(app_counters.c.name == DATA_VERSION)
    with connected(bind) as connection:
        value = connection.execute(stmt).scalar_one_or_none()
    return int(value or 0)


def lock_data_writes(connection: sa.Connection) -> None:
    """Make this transaction the only writer of data until it ends.

    PostgreSQL: the data-version row is locked (FOR UPDATE), so a second import waits, then
    reads what the first committed. SQLite needs nothing here: data_access.engine begins write
    transactions IMMEDIATE, which already takes the one write lock.
    """
    if connection.dialect.name == "sqlite":
        return
    stmt = sa.select(app_counters.c.value).where(app_counters.c.name == DATA_VERSION)
    connection.execute(stmt.with_for_update())  # migration 0003 made the row


def set_flag(connection: sa.Connection, key: str, value: str | None) -> None:
    """Set (or with None, remove) one flag of the database."""
    connection.execute(app_meta.delete().where(app_meta.c.key == key))
    if value is not None:
        connection.execute(app_meta.insert(), {"key": key, "value": value})


def fetch_flag(bind: Bind, key: str) -> str | None:
    """The value of one flag, None when unset."""
    with connected(bind) as connection:
        return connection.execute(
            sa.select(app_meta.c.value).where(app_meta.c.key == key)
        ).scalar_one_or_none()


def fetch_is_demo(bind: Bind) -> bool:
    """True when the database holds the seeded synthetic demo province."""
    return fetch_flag(bind, DEMO_FLAG) == "1"
