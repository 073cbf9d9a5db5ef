"""Turn query results into DataFrames with the same types on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pandas as pd
import sqlalchemy as sa

# What a query function reads through: an engine (it opens its own connection) or the
# connection of a reader that holds one snapshot for a whole page run or brief.
Bind = sa.Engine | sa.Connection


@contextmanager
def connected(bind: Bind) -> Iterator[sa.Connection]:
    """The connection itself, or a new read connection of the engine closed afterwards."""
    if isinstance(bind, sa.Connection):
        yield bind
        return
    with bind.connect() as connection:
        yield connection


def to_date_column(values: pd.Series) -> pd.Series:
    """Dates as `datetime.date` objects (SQLite returns ISO strings from aggregates)."""
    converted = pd.to_datetime(values, errors="coerce")
    return pd.Series(
        [None if pd.isna(v) else v.date() for v in converted], index=values.index, dtype=object
    )


def frame_of(result: sa.CursorResult) -> pd.DataFrame:
    """The result's rows as a DataFrame with its column names.

    The rows go in as plain tuples: pandas takes SQLAlchemy's Row objects one value at a time,
    ten times slower (0.28 s against 0.03 s for the demo's 70,000 reports).
    """
    return pd.DataFrame([tuple(row) for row in result.fetchall()], columns=list(result.keys()))


def read_frame(
    bind: Bind,
    stmt: sa.Executable,
    *,
    date_columns: Iterable[str] = (),
    float_columns: Iterable[str] = (),
) -> pd.DataFrame:
    """Run `stmt` and return its rows; named date and float columns are normalised."""
    with connected(bind) as connection:
        frame = frame_of(connection.execute(stmt))
    for column in date_columns:
        frame[column] = to_date_column(frame[column])
    for column in float_columns:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    return frame
