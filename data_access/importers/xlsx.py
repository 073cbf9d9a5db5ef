"""Read one sheet of an XLSX upload without trusting what the file says about itself.

openpyxl pads every row to the width a sheet *declares* (a 1.6 KB file declaring A1:XFD2000
asks for 32 million cells), so the sheet is streamed here with openpyxl's own row parser and
only cells that hold a value are kept, up to the configured limits. The parser is also asked
what a cell really holds: a formula without a cached value (a file written by a program and
never opened in Excel) and a number cell that is no number ("inf", "NaN") come back as markers
the checks turn into row-level messages, where openpyxl alone gives None or raises.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple

# Private to openpyxl, pinned in requirements.txt (3.1.5): the streaming parser its read-only
# worksheets use, which we drive ourselves to bound rows and columns.
from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

from data_access.importers.sheet import (
    FileProblem,
    ReadLimits,
    check_header,
    check_size,
    column_letter,
    finish_frame,
    refuse,
)

# Sheets are streamed, so their XML may unpack to this many times the upload limit (a real
# sheet's XML packs 5-10 times); other parts (shared strings, styles) are read whole and may
# unpack only to the upload limit itself.
SHEET_UNPACK_FACTOR = 10
# Where an XLSX archive keeps the XML of its sheets.
SHEET_PART_PREFIX = "xl/worksheets/"


@dataclass(frozen=True)
class UncachedFormula:
    """A formula cell the file holds no computed value for."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class UnreadableCell:
    """A cell whose stored value cannot be read as its type says (e.g. a number "inf")."""

    raw: str

    def __str__(self) -> str:
        return self.raw


class _CheckingParser(WorkSheetParser):
    """openpyxl's sheet parser, reporting odd cells as markers instead of None or an error."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        try:
            cell = super().parse_cell(element)
        except (ValueError, IndexError, OverflowError, TypeError, KeyError):
            try:
                row, column = coordinate_to_tuple(element.get("r") or "")
            except (ValueError, TypeError):
                row, column = self.row_counter, self.col_counter
            raw = element.findtext(VALUE_TAG) or ""
            return {"row": row, "column": column, "value": UnreadableCell(raw)}
        if cell["value"] is None:
            formula = element.find(FORMULA_TAG)
            if formula is not None:
                cell["value"] = UncachedFormula("=" + (formula.text or ""))
        return cell


def _check_archive(data: bytes, limits: ReadLimits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise refuse("import.unreadable", detail="XLSX") from error
    with archive:
        for info in archive.infolist():
            is_sheet = info.filename.startswith(SHEET_PART_PREFIX)
            limit = limits.max_bytes * (SHEET_UNPACK_FACTOR if is_sheet else 1)
            if info.file_size > limit:
                raise refuse("import.too_large_unpacked", limit=limit)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _parser(workbook: Any, worksheet: Any, source: Any) -> _CheckingParser:
    """The checking parser over one sheet's XML stream."""
    return _CheckingParser(
        source,
        worksheet._shared_strings,
        data_only=True,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )


def _stream_rows(workbook: Any, worksheet: Any, limits: ReadLimits) -> list[tuple[int, dict]]:
    """(sheet row number, {column: value}) for rows holding a value, within the limits."""
    rows: list[tuple[int, dict]] = []
    cells = 0
    with workbook._archive.open(worksheet._worksheet_path) as source:
        parser = _parser(workbook, worksheet, source)
        for index, parsed in parser.parse():
            values = {}
            for cell in parsed:
                if _is_blank(cell["value"]):
                    continue
                if cell["column"] > limits.max_columns:
                    raise refuse(
                        "import.too_many_columns",
                        row=index,
                        column=column_letter(cell["column"]),
                        limit=limits.max_columns,
                    )
                values[cell["column"]] = cell["value"]
            if values:
                cells += len(values) if rows else 0  # the header row is not data
                rows.append((index, values))
                check_size(len(rows) - 1, cells, limits)
    return rows


def read_xlsx(data: bytes, sheet: str | None, limits: ReadLimits) -> pd.DataFrame:
    """Cells of the first (or named) sheet; column `row` is the sheet's own row number."""
    _check_archive(data, limits)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about odd styles and dates; we report
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged archive
            raise refuse("import.unreadable", detail="XLSX") from error
        try:
            names = workbook.sheetnames
            listed = ", ".join(f"«{name}»" for name in names)
            if sheet is not None and sheet not in names:
                raise refuse("import.no_sheet", sheet=sheet, sheets=listed)
            worksheets = workbook.worksheets
            if not worksheets:
                raise refuse("import.empty")
            worksheet = workbook[sheet] if sheet else worksheets[0]
            try:
                rows = _stream_rows(workbook, worksheet, limits)
            except FileProblem:
                raise
            except (zipfile.BadZipFile, OSError, SyntaxError, ValueError) as error:
                raise refuse("import.unreadable", detail="XLSX") from error
        finally:
            workbook.close()
    if not rows:
        if len(names) > 1:
            raise refuse("import.empty_sheet", sheet=worksheet.title, sheets=listed)
        raise refuse("import.empty")
    header_row, header_cells = rows[0]
    width = max(header_cells)
    header = [str(header_cells.get(c, "")).strip() for c in range(1, width + 1)]
    check_header(header, row=header_row)
    body = [[values.get(c) for c in range(1, width + 1)] for _, values in rows[1:]]
    return finish_frame(header, body, [index for index, _ in rows[1:]])


# Rows of a sheet looked at to tell whether it holds data (the sheet picker's default): a
# sheet whose first rows are all empty is taken for a cover page, cheaply.
SHEET_PEEK_ROWS = 1000


def _has_value(workbook: Any, worksheet: Any) -> bool:
    with workbook._archive.open(worksheet._worksheet_path) as source:
        parser = _parser(workbook, worksheet, source)
        for seen, (_, parsed) in enumerate(parser.parse()):
            if any(not _is_blank(cell["value"]) for cell in parsed):
                return True
            if seen >= SHEET_PEEK_ROWS:
                return False
    return False


def sheet_overview(data: bytes, limits: ReadLimits) -> list[tuple[str, bool]]:
    """(name, holds a value in its first rows) of each sheet of an XLSX; [] when the bytes are
    no readable workbook (the import then says why)."""
    try:
        _check_archive(data, limits)
    except FileProblem:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds for a damaged archive
            return []
        try:
            return [(ws.title, _has_value(workbook, ws)) for ws in workbook.worksheets]
        except Exception:  # a damaged sheet: the import names the problem
            return []
        finally:
            workbook.close()
