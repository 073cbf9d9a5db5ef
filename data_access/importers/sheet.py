"""What every reader shares: the limits of a read, the error that stops one, the raw table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from openpyxl.utils import get_column_letter

from data_access.importers.problems import Problem
from data_access.settings import Settings, load_settings


class FileProblem(ValueError):
    """The file as a whole cannot be read; carries the Problem to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.bilingual())
        self.problem = problem


@dataclass(frozen=True)
class ReadLimits:
    """How much of a file a read accepts before it stops (see data_access.settings)."""

    max_bytes: int
    max_rows: int
    max_columns: int
    max_cells: int

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> ReadLimits:
        """The limits configured in the environment."""
        settings = settings or load_settings()
        return cls(
            max_bytes=settings.import_max_bytes,
            max_rows=settings.import_max_rows,
            max_columns=settings.import_max_columns,
            max_cells=settings.import_max_cells,
        )


def refuse(key: str, *, row: int | None = None, **params: object) -> FileProblem:
    """The FileProblem for `key` (raise it)."""
    return FileProblem(Problem(key, row=row, params=params))


def column_letter(position: int) -> str:
    """The spreadsheet letter of a 1-based column (A, B, …, AA)."""
    return get_column_letter(max(1, min(position, 16384)))


def check_header(names: Sequence[str], *, row: int) -> None:
    """Refuse a header row that names one column twice (the second copy would be ignored)."""
    seen: dict[str, int] = {}
    for position, name in enumerate(names, start=1):
        if not name:
            continue
        if name in seen:
            raise refuse(
                "import.duplicate_header",
                row=row,
                column=name,
                first=column_letter(seen[name]),
                second=column_letter(position),
            )
        seen[name] = position


def check_size(rows: int, cells: int, limits: ReadLimits) -> None:
    """Refuse a table beyond the row or cell limit."""
    if rows > limits.max_rows:
        raise refuse("import.too_many_rows", limit=limits.max_rows)
    if cells > limits.max_cells:
        raise refuse("import.too_many_cells", limit=limits.max_cells)


def _strip(value: object) -> object:
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else value


def finish_frame(header: Sequence[str], body: list[list[object]], rows: list[int]) -> pd.DataFrame:
    """The raw table: stripped cells of named columns, column `row` the spreadsheet row number,
    rows without any value dropped. Cells keep their own types (object columns)."""
    names = [str(_strip(name)) for name in header]
    keep = [i for i, name in enumerate(names) if name and not name.startswith("Unnamed:")]
    data = {
        names[i]: pd.Series([_strip(r[i]) for r in body], dtype=object, index=range(len(body)))
        for i in keep
    }
    frame = pd.DataFrame(data, index=range(len(body)))
    frame.insert(0, "row", rows)
    if keep and len(frame):
        cells = frame.drop(columns="row")
        filled = cells.ne("").any(axis=1)  # one comparison per column, not a call per cell
        frame = frame.loc[filled]
    elif not keep:
        frame = frame.iloc[0:0]
    return frame.reset_index(drop=True)
