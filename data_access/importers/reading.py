"""Read an uploaded CSV or XLSX file into a table of raw cells, one row per non-empty line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from data_access.importers.problems import Problem

# The first bytes of every XLSX (a ZIP archive), whatever the file is called.
XLSX_MAGIC = b"PK\x03\x04"


class FileProblem(ValueError):
    """The file as a whole cannot be read; carries the Problem to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.bilingual())
        self.problem = problem


def _strip(value: object) -> object:
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else value


def _finish(frame: pd.DataFrame, first_data_row: int) -> pd.DataFrame:
    """Strip cells, keep the spreadsheet row number in column `row`, drop empty rows."""
    frame = frame.rename(columns=lambda c: str(c).strip())
    frame = frame.loc[:, [c for c in frame.columns if c and not c.startswith("Unnamed:")]]
    for column in frame.columns:
        frame[column] = frame[column].map(_strip)
    frame.insert(0, "row", range(first_data_row, first_data_row + len(frame)))
    cells = frame.drop(columns="row")
    empty = (cells.astype(str) == "").all(axis=1) if len(cells.columns) else True
    if len(frame) and not isinstance(empty, bool):
        frame = frame.loc[~empty]
    return frame.reset_index(drop=True)


def _read_csv(data: bytes) -> pd.DataFrame:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(Problem("import.unreadable", params={"detail": "UTF-8"})) from error
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if header.count(";") > header.count(",") else ","
    lines = text.splitlines()
    skipped = len(lines) - len(text.lstrip("\r\n").splitlines())
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            quoting=csv.QUOTE_MINIMAL,
            skiprows=skipped,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        detail = str(error).splitlines()[0][:120]
        raise FileProblem(Problem("import.unreadable", params={"detail": detail})) from error
    return _finish(frame, skipped + 2)


def _read_xlsx(data: bytes, sheet: str | None) -> pd.DataFrame:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged archive
        raise FileProblem(Problem("import.unreadable", params={"detail": "XLSX"})) from error
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise FileProblem(Problem("import.no_sheet", params={"sheet": sheet}))
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        rows = [list(values) for values in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    start = next((i for i, r in enumerate(rows) if any(_strip(v) != "" for v in r)), None)
    if start is None:
        raise FileProblem(Problem("import.empty"))
    header = [str(_strip(v)) for v in rows[start]]
    width = len(header)
    body = [(r + [None] * width)[:width] for r in rows[start + 1 :]]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    frame = frame.loc[:, [c for c in frame.columns if c and c != "None"]]
    return _finish(frame, start + 2)


def read_table(data: bytes, file_name: str, *, sheet: str | None = None) -> pd.DataFrame:
    """Cells of the file's first (or named) sheet; column `row` is the spreadsheet row number."""
    is_xlsx = data[:4] == XLSX_MAGIC or Path(file_name).suffix.lower() in (".xlsx", ".xlsm")
    frame = _read_xlsx(data, sheet) if is_xlsx else _read_csv(data)
    if frame.empty:
        raise FileProblem(Problem("import.empty"))
    return frame
