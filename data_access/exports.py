"""Tables as downloadable bytes (CSV for Excel, XLSX), safe to open in a spreadsheet.

Names and notes come from commune files, so a cell may begin like a formula ("=HYPERLINK(…)",
"+84…", "-5 hộ", "@…") or hold control characters. Spreadsheets evaluate such a cell when the
file is opened (CSV injection, see OWASP), and control characters make an XLSX unreadable. So
a CSV cell beginning with = + - @, a tab or a carriage return gets a leading single quote, an
XLSX cell is written as text, never as a formula, and control characters are replaced.
No Streamlit here: pages, the brief and tests share these builders.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

# What makes a spreadsheet read a text cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# C0 control characters XML 1.0 cannot hold (tab, line feed and carriage return it can), and DEL:
# one of them in a cell makes Excel refuse the whole XLSX.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Shown where a control character was, so the reader sees something was removed.
REPLACEMENT = "\ufffd"
# Excel's own limit on sheet-name length, and the characters it forbids in one.
SHEET_NAME_LIMIT = 31
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _clean_text(text: str) -> str:
    return CONTROL_CHARACTERS.sub(REPLACEMENT, text)


def csv_cell(value: object) -> object:
    """A CSV cell made safe: control characters replaced, a formula-like start quoted."""
    if not isinstance(value, str):
        return value
    text = _clean_text(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _xlsx_value(value: object) -> object:
    """A value openpyxl writes faithfully: plain Python types, nothing non-finite."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bool | int | float | dt.date | dt.datetime | dt.time):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return _clean_text(str(value))


def safe_sheet_name(name: str) -> str:
    """A sheet name Excel accepts: forbidden characters replaced, at most 31 characters."""
    cleaned = SHEET_NAME_FORBIDDEN.sub("_", _clean_text(name)).strip("'")
    return cleaned[:SHEET_NAME_LIMIT] or "data"


def table_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel shows Vietnamese letters correctly."""
    safe = frame.rename(columns=lambda c: csv_cell(str(c)))
    for column in safe.columns:
        if pd.api.types.is_string_dtype(safe[column]) or safe[column].dtype == object:
            safe[column] = safe[column].map(csv_cell)
    return safe.to_csv(index=False).encode("utf-8-sig")


def write_rows(sheet: Worksheet, rows: Iterable[Sequence[object]]) -> None:
    """Append rows to a sheet; text that looks like a formula stays text."""
    for values in rows:
        sheet.append([_xlsx_value(v) for v in values])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl reads a leading "=" as a formula
                cell.data_type = "s"


def table_xlsx_bytes(frame: pd.DataFrame, *, sheet: str) -> bytes:
    """An XLSX workbook with the table on one sheet."""
    book = Workbook()
    worksheet = book.active
    worksheet.title = safe_sheet_name(sheet)
    header = [str(c) for c in frame.columns]
    write_rows(worksheet, [header, *frame.itertuples(index=False, name=None)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
