"""Read an uploaded CSV or XLSX file into a table of raw cells, one row per non-empty line.

Files come as commune staff save them: CSV in UTF-8 (with or without BOM) or UTF-16 (Excel's
"Unicode text", tab-separated), comma, semicolon or tab separated, possibly gzipped; or XLSX.
Whatever cannot be read raises FileProblem with a message naming the file and, where known,
the line or column — never a traceback.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import gzip
import io
import re
import zlib
from pathlib import Path

import pandas as pd

from data_access.importers.problems import Problem
from data_access.importers.sheet import (
    FileProblem,
    ReadLimits,
    check_header,
    check_size,
    column_letter,
    finish_frame,
    refuse,
)
from data_access.importers.xlsx import read_xlsx

__all__ = ["FileProblem", "ReadLimits", "read_table"]

# The first bytes of every XLSX (a ZIP archive) and of a gzip stream, whatever the file's name.
XLSX_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"
# Separators a header row may use; the most frequent wins, a comma on a tie.
DELIMITERS = (",", ";", "\t")
# A text whose first bytes are this much NUL is UTF-16 without its byte-order mark.
UTF16_NUL_SHARE = 0.25
UTF16_SNIFF_BYTES = 400
# What pandas says about a line with too many cells.
PANDAS_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
# C0 control characters (tab excepted, a separator) and DEL: no file name holds one honestly.
NAME_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def _gunzip(data: bytes, limits: ReadLimits) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            unpacked = stream.read(limits.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise refuse("import.unreadable", detail="gzip") from error
    if len(unpacked) > limits.max_bytes:
        raise refuse("import.too_large_unpacked", limit=limits.max_bytes)
    return unpacked


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise refuse("import.unreadable", detail="UTF-16") from error
    head = data[:UTF16_SNIFF_BYTES]
    if head and head.count(0) >= UTF16_NUL_SHARE * len(head):
        raise refuse("import.utf16_no_bom")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise refuse("import.not_utf8", row=line) from error


def _read_csv(data: bytes, limits: ReadLimits) -> pd.DataFrame:
    text = _decode(data)
    lines = text.splitlines()
    skipped = len(lines) - len(text.lstrip("\r\n").splitlines())
    header_line = next((line for line in lines if line.strip()), "")
    counts = [header_line.count(d) for d in DELIMITERS]
    delimiter = DELIMITERS[counts.index(max(counts))]
    names = [n.strip() for n in next(csv.reader([header_line], delimiter=delimiter), [])]
    check_header(names, row=skipped + 1)
    if sum(1 for n in names if n) > limits.max_columns:
        raise refuse(
            "import.too_many_columns",
            row=skipped + 1,
            column=column_letter(limits.max_columns + 1),
            limit=limits.max_columns,
        )
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
    except pd.errors.ParserError as error:
        found = PANDAS_FIELDS.search(str(error))
        if found:
            expected, line, cells = (int(g) for g in found.groups())
            raise refuse(
                "import.bad_csv_row", row=line + skipped, found=cells, expected=expected
            ) from error
        detail = str(error).splitlines()[0][:120]
        raise refuse("import.unreadable", detail=detail) from error
    except pd.errors.EmptyDataError as error:
        raise refuse("import.empty") from error
    check_size(len(frame), int(frame.ne("").to_numpy().sum()), limits)
    body = frame.to_numpy(dtype=object).tolist()
    first = skipped + 2
    return finish_frame(list(frame.columns), body, list(range(first, first + len(frame))))


def read_table(
    data: bytes, file_name: str, *, sheet: str | None = None, limits: ReadLimits | None = None
) -> pd.DataFrame:
    """Cells of the file's first (or named) sheet; column `row` is the spreadsheet row number."""
    limits = limits or ReadLimits.from_settings()
    try:
        if NAME_CONTROLS.search(file_name):
            raise refuse("import.file_name_control")
        if len(data) > limits.max_bytes:
            raise refuse("import.too_large", size=len(data), limit=limits.max_bytes)
        suffixes = [s.lower() for s in Path(file_name).suffixes]
        if data[:2] == GZIP_MAGIC:
            data = _gunzip(data, limits)
            suffixes = suffixes[:-1] if suffixes[-1:] == [".gz"] else suffixes
        is_xlsx = data[:4] == XLSX_MAGIC or suffixes[-1:] in ([".xlsx"], [".xlsm"])
        frame = read_xlsx(data, sheet, limits) if is_xlsx else _read_csv(data, limits)
        if frame.empty:
            raise refuse("import.empty")
    except FileProblem as problem:
        shown = NAME_CONTROLS.sub("\ufffd", Path(file_name).name)
        raise FileProblem(dataclasses.replace(problem.problem, file=shown)) from problem
    return frame


def file_problem(key: str, file_name: str, **params: object) -> Problem:
    """A problem about the file as a whole, naming it (control characters made visible)."""
    return Problem(key, params=params, file=NAME_CONTROLS.sub("\ufffd", Path(file_name).name))
