"""The file import's own checks, run on the values of a form (one row per indicator)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.entry.status import EntryValue
from data_access.frames import Bind, connected
from data_access.importers.problems import Problem
from data_access.importers.reports import check_reports

# The spreadsheet row of a form's first value: a file's header is row 1.
FIRST_ROW = 2


def entry_cells(commune_code: str, as_of: date, values: Sequence[EntryValue]) -> pd.DataFrame:
    """The form's values as the cells of a report file would hold them."""
    return pd.DataFrame(
        {
            "row": [FIRST_ROW + i for i in range(len(values))],
            "commune_code": [commune_code] * len(values),
            "indicator_code": [v.indicator_code for v in values],
            "as_of": [as_of.isoformat()] * len(values),
            "numerator": [v.numerator.strip() for v in values],
            "denominator": [v.denominator.strip() for v in values],
            "note": [v.note.strip() for v in values],
        },
        dtype=object,
    )


def check_entries(
    connection: sa.Connection,
    *,
    commune_code: str,
    as_of: date,
    values: Sequence[EntryValue],
    stage_code: str | None = None,
    today: date | None = None,
) -> tuple[dict[str, list[Problem]], list[Problem]]:
    """Problems of each filled value keyed by indicator code, and those of no single value."""
    filled = [v for v in values if v.filled]
    if not filled:
        return {}, []
    check = check_reports(
        connection, entry_cells(commune_code, as_of, filled), stage_code=stage_code, today=today
    )
    codes = {FIRST_ROW + i: v.indicator_code for i, v in enumerate(filled)}
    by_indicator: dict[str, list[Problem]] = {}
    other: list[Problem] = []
    for problem in check.problems:
        code = codes.get(problem.row) if problem.row is not None else None
        if code is None:
            other.append(problem)
        else:
            by_indicator.setdefault(code, []).append(problem)
    return by_indicator, other


def fetch_entry_problems(
    bind: Bind,
    *,
    commune_code: str,
    as_of: date,
    values: Sequence[EntryValue],
    stage_code: str,
) -> dict[str, list[Problem]]:
    """The problems of a form's values as typed, keyed by indicator code (nothing is saved)."""
    with connected(bind) as connection:
        by_indicator, other = check_entries(
            connection,
            commune_code=commune_code,
            as_of=as_of,
            values=values,
            stage_code=stage_code,
        )
    if other:
        by_indicator[""] = other
    return by_indicator
