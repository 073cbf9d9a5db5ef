"""Checks every importer applies to the cells it uses: odd cells, control characters, lengths,
and rows a partly filled template left empty."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

import pandas as pd
import sqlalchemy as sa

from data_access.importers.parsing import blank_mask
from data_access.importers.problems import Problem, problems_where
from data_access.importers.xlsx import UncachedFormula, UnreadableCell

# C0 and C1 control characters and DEL. Names and notes are shown on screens, in exports and in
# the PDF brief; a control character there is always an accident of copying (a NUL, an escape).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _first_control(value: object) -> str:
    found = CONTROL_CHARACTERS.search(value) if isinstance(value, str) else None
    return f"U+{ord(found.group()):04X}" if found else ""


# What is wrong with a cell, tried in this order: (problem key, the test, its parameter name).
_CELL_PROBLEMS = (
    ("import.formula_without_value", lambda v: isinstance(v, UncachedFormula), "formula"),
    ("import.bad_cell", lambda v: isinstance(v, UnreadableCell), "detail"),
    ("import.not_finite", lambda v: isinstance(v, float) and not math.isfinite(v), None),
)


def _cell_problem(value: object) -> int:
    """Which of _CELL_PROBLEMS the cell has (its index), else -1."""
    for number, (_, test, _) in enumerate(_CELL_PROBLEMS):
        if test(value):
            return number
    return -1


def check_cells(frame: pd.DataFrame, columns: Iterable[str]) -> list[Problem]:
    """Cells of `columns` that hold no usable value: a formula without its computed value,
    a number cell that cannot be read or is not finite, a control character.

    A column is first looked at whole (the kinds of value in it, one search over its text);
    only a column where something is wrong is checked cell by cell, and messages are built
    only for the cells flagged. Most files have nothing wrong: 70,000 report rows were four
    cell-by-cell passes, 1.2 s.
    """
    problems: list[Problem] = []
    for column in columns:
        if column not in frame.columns:
            continue
        values = frame[column]
        cells = values.tolist()
        if any(issubclass(kind, _ODD_KINDS) for kind in set(map(type, cells))):
            problems += _odd_cells(frame, column, values)
        texts = [value for value in cells if isinstance(value, str)]
        if CONTROL_CHARACTERS.search("".join(texts)):
            codes = values.map(_first_control)
            problems += problems_where(
                frame, codes != "", "import.control_character", column, params={"code": codes}
            )
    return problems


# The kinds of value _CELL_PROBLEMS can flag: a column without any of them has no odd cell.
_ODD_KINDS = (UncachedFormula, UnreadableCell, float)


def _odd_cells(frame: pd.DataFrame, column: str, values: pd.Series) -> list[Problem]:
    problems: list[Problem] = []
    kinds = values.map(_cell_problem)
    for number, (key, _, param) in enumerate(_CELL_PROBLEMS):
        flagged = kinds == number
        if flagged.any():
            params = {param: values[flagged].map(str)} if param else None
            problems += problems_where(frame, flagged, key, column, params=params)
    return problems


def column_limits(table: sa.Table, columns: Mapping[str, str]) -> dict[str, int]:
    """{file column: the length its database column holds} for `columns` (file -> database)."""
    limits = {}
    for file_column, db_column in columns.items():
        length = getattr(table.c[db_column].type, "length", None)
        if length:
            limits[file_column] = int(length)
    return limits


def check_lengths(frame: pd.DataFrame, limits: Mapping[str, int]) -> list[Problem]:
    """Cells longer than the database column that would store them."""
    problems: list[Problem] = []
    for column, limit in limits.items():
        lengths = frame[column].map(lambda v: len(v) if isinstance(v, str) else len(str(v)))
        problems += problems_where(
            frame,
            lengths > limit,
            "import.too_long",
            column,
            params={"length": lengths, "limit": limit},
        )
    return problems


def skip_unfilled(frame: pd.DataFrame, value_columns: Iterable[str]) -> tuple[pd.DataFrame, int]:
    """The rows with any of `value_columns` filled, and how many rows had none of them.

    A downloaded template lists every commune and indicator; staff fill in what they have, so
    a row whose value cells are all empty is no error but a row left for later.
    """
    present = [c for c in value_columns if c in frame.columns]
    if not present or frame.empty:
        return frame, 0
    empty = pd.concat([blank_mask(frame[c]) for c in present], axis=1).all(axis=1)
    return frame.loc[~empty], int(empty.sum())
