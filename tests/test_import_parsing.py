"""Pure reading rules: numbers, dates, headers and file formats, without a database."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from data_access.importers.headers import REPORT_COLUMNS, REPORT_REQUIRED, fold_header, map_headers
from data_access.importers.parsing import parse_dates, parse_numbers
from data_access.importers.reading import FileProblem, read_table
from data_access.importers.sheet import ReadLimits
from data_access.importers.xlsx import sheet_overview
from tests.file_builders import dimension_bomb, xlsx_bytes
from tests.import_helpers import frame_xlsx


@pytest.mark.parametrize(
    ("text", "value", "problem"),
    [
        ("1234", 1234.0, ""),
        ("1.234", 1234.0, ""),
        ("1.234.567", 1234567.0, ""),
        ("1,5", 1.5, ""),
        ("1.234,5", 1234.5, ""),
        ("1,234,567", 1234567.0, ""),
        ("1,234.5", 1234.5, ""),
        ("1.5", 1.5, ""),
        (" 12 345 ", 12345.0, ""),
        ("-3", -3.0, ""),
        ("1,234", None, "import.ambiguous_number"),
        ("abc", None, "import.not_a_number"),
        ("1e5", None, "import.not_a_number"),
        ("85%", None, "import.not_a_number"),
        ("", None, ""),
        (12.0, 12.0, ""),
        (7, 7.0, ""),
    ],
)
def test_numbers_follow_the_documented_rule(text, value, problem):
    values, problems = parse_numbers(pd.Series([text], dtype=object))
    assert problems.iloc[0] == problem
    if value is None:
        assert math.isnan(values.iloc[0])
    else:
        assert values.iloc[0] == value


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-03-02", dt.date(2026, 3, 2)),
        ("02/03/2026", dt.date(2026, 3, 2)),
        ("2/3/2026", dt.date(2026, 3, 2)),
        ("02-03-2026", dt.date(2026, 3, 2)),
        (dt.datetime(2026, 3, 2), dt.date(2026, 3, 2)),
        (46083, dt.date(2026, 3, 2)),
        ("31/02/2026", None),
        ("03/02/26", None),
        ("tomorrow", None),
    ],
)
def test_dates_iso_day_first_and_excel(cell, expected):
    values, bad = parse_dates(pd.Series([cell], dtype=object))
    if expected is None:
        assert bool(bad.iloc[0])
    else:
        assert values.iloc[0] == expected and not bool(bad.iloc[0])


@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        ("Mã xã", "commune_code"),
        ("MA_XA", "commune_code"),
        ("ma-xa ", "commune_code"),
        ("Mã chỉ tiêu", "indicator_code"),
        ("Ngày", "as_of"),
        ("Tử số", "numerator"),
        ("Mẫu số", "denominator"),
        ("Ghi chú", "note"),
    ],
)
def test_vietnamese_header_aliases(header, canonical):
    assert fold_header(header) in REPORT_COLUMNS[canonical]


def test_missing_column_names_the_accepted_aliases():
    frame = pd.DataFrame({"row": [2], "ma_xa": ["40001"], "ngay": ["2026-01-05"]})
    _, problems = map_headers(frame, REPORT_COLUMNS, REPORT_REQUIRED)
    missing = {p.params["column"] for p in problems}
    assert missing == {"indicator_code", "numerator"}
    assert "ma_chi_tieu" in problems[0].bilingual() or "tu_so" in problems[0].bilingual()


def test_csv_with_bom_semicolons_blank_rows_and_spaces():
    data = "\ufeffMã xã ; Tử số\n\n 40001 ; 12 \n;\n40002;3\n\n".encode()
    frame = read_table(data, "x.csv")
    assert list(frame.columns) == ["row", "Mã xã", "Tử số"]
    assert frame["Mã xã"].tolist() == ["40001", "40002"]
    assert frame["row"].tolist() == [3, 5]


def test_xlsx_keeps_cell_types_and_row_numbers():
    source = pd.DataFrame({"ma_xa": ["40001"], "ngay": [dt.datetime(2026, 3, 2)], "tu_so": [5]})
    frame = read_table(frame_xlsx(source), "upload.bin")
    assert frame.loc[0, "row"] == 2
    assert frame.loc[0, "ngay"] == dt.datetime(2026, 3, 2)


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"\xff\xfe\x00garbag", "x.csv", "import.unreadable"),
        (b"PK\x03\x04broken", "x.xlsx", "import.unreadable"),
        (b"a,b\n\n", "x.csv", "import.empty"),
    ],
)
def test_unreadable_files_raise_a_message(data, name, key):
    with pytest.raises(FileProblem) as raised:
        read_table(data, name)
    assert raised.value.problem.key == key
    assert " / " in raised.value.problem.bilingual()


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: xlsx_bytes(("Trang 1", []), ("Số liệu", [["ma_xa"], ["40001"]])),
            [("Trang 1", False), ("Số liệu", True)],
        ),
        (lambda: dimension_bomb(), [("bao_cao", True)]),  # cheap: stops at the first value
        (lambda: b"PK\x03\x04 not a zip", []),
        (lambda: b"commune_code\n40001\n", []),
    ],
    ids=["cover-sheet", "dimension-bomb", "damaged", "csv"],
)
def test_sheet_overview_names_sheets_and_whether_they_hold_data(build, expected):
    assert sheet_overview(build(), ReadLimits.from_settings()) == expected
