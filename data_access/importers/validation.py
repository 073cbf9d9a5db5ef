"""Small checks the catalogue importers share: codes, required cells, numbers, dates."""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.importers.parsing import (
    FIRST_DATE,
    LAST_DATE,
    blank_mask,
    outside_date_range,
    parse_dates,
    parse_numbers,
)
from data_access.importers.problems import Problem, problems_where


def code_ids(connection: sa.Connection, table: sa.Table) -> dict[str, int]:
    """{code: id} of a catalogue table."""
    return dict(connection.execute(sa.select(table.c.code, table.c.id)).all())


def text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as stripped text ("" for empty cells)."""
    return frame[column].map(lambda v: "" if v is None else str(v).strip())


def missing(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[Problem]:
    """A problem per empty cell of the required `columns`."""
    return [
        p for c in columns for p in problems_where(frame, blank_mask(frame[c]), "import.missing", c)
    ]


def unknown(frame: pd.DataFrame, column: str, known: set[str], catalogue: str) -> list[Problem]:
    """A problem per filled cell of `column` that is not one of the `known` codes."""
    values = text_column(frame, column)
    mask = (values != "") & ~values.isin(known)
    params = {"catalogue": catalogue}
    return problems_where(frame, mask, "import.unknown_code", column, params=params)


def numbers(frame: pd.DataFrame, column: str) -> tuple[pd.Series, list[Problem]]:
    """A column read as non-negative numbers, with the problems of cells that are not."""
    values, bad = parse_numbers(frame[column])
    problems = [
        p
        for key in ("import.not_a_number", "import.ambiguous_number")
        for p in problems_where(frame, bad == key, key, column)
    ]
    problems += problems_where(frame, values < 0, "import.negative", column)
    return values, problems


def whole_numbers(frame: pd.DataFrame, column: str, values: pd.Series) -> list[Problem]:
    """A problem per number of `column` that is not whole."""
    return problems_where(frame, values.notna() & (values % 1 != 0), "import.not_whole", column)


def dates(
    frame: pd.DataFrame, column: str, *, today: date | None = None
) -> tuple[pd.Series, list[Problem]]:
    """A column read as dates within the accepted range (and not after `today` when given)."""
    values, bad = parse_dates(frame[column])
    problems = problems_where(frame, bad, "import.bad_date", column)
    span = {"first": FIRST_DATE.isoformat(), "last": LAST_DATE.isoformat()}
    outside = outside_date_range(values)
    problems += problems_where(frame, outside, "import.date_out_of_range", column, params=span)
    values = values.where(~outside, None)
    if today is not None:
        future = values.map(lambda d: isinstance(d, date) and d > today)
        params = {"today": today.isoformat()}
        problems += problems_where(frame, future, "import.future_date", column, params=params)
    return values, problems


def repeated(frame: pd.DataFrame, key: list[str], column: str) -> list[Problem]:
    """A problem per row repeating the `key` of an earlier row of the file."""
    keyed = frame[frame[key].ne("").all(axis=1)]
    first_row = keyed.groupby(key)["row"].transform("min")
    again = keyed["row"] != first_row
    mask = pd.Series(False, index=frame.index)
    mask[again[again].index] = True
    params = {"first": first_row.reindex(frame.index).fillna(0).astype(int)}
    return problems_where(frame, mask, "import.duplicate_row", column, params=params)
