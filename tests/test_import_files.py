"""Reading files as staff send them, without a database: encodings, sheets, odd cells, limits."""

from __future__ import annotations

import codecs
import datetime as dt

import pandas as pd
import pytest

from data_access.importers.cells import check_cells, skip_unfilled
from data_access.importers.parsing import outside_date_range, parse_dates, parse_numbers
from data_access.importers.reading import FileProblem, ReadLimits, read_table
from data_access.importers.xlsx import UncachedFormula, UnreadableCell
from tests.file_builders import FIRST_SHEET, dimension_bomb, gzipped, patch_member, xlsx_bytes

HEADER = ["ma_xa", "ma_chi_tieu", "ngay", "tu_so"]
SMALL = ReadLimits(max_bytes=10_000, max_rows=3, max_columns=5, max_cells=40)


def _refusal(data: bytes, name: str = "x.csv", **options) -> FileProblem:
    with pytest.raises(FileProblem) as raised:
        read_table(data, name, **options)
    return raised.value


def test_utf16_with_bom_tab_separated_as_excel_saves_unicode_text():
    text = "Mã xã\tTử số\r\n40001\t12\r\n"
    frame = read_table(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "x.txt")
    assert frame.to_dict("records") == [{"row": 2, "Mã xã": "40001", "Tử số": "12"}]


@pytest.mark.parametrize(
    ("data", "key", "row"),
    [
        ("ma_xa,ten\n40001,Xã Đông Hòa\n".encode("cp1258", "replace"), "import.not_utf8", 2),
        ("ma_xa,ten\n40001,x\n".encode("utf-16-le"), "import.utf16_no_bom", None),
        (b"ma_xa,tu_so\n40001,1\n40002,1,2\n", "import.bad_csv_row", 3),
        (b"ma_xa,tu_so,ma_xa\n40001,1,40001\n", "import.duplicate_header", 1),
        (b"\xff\xfe\x00garbag", "import.unreadable", None),
    ],
)
def test_unreadable_csv_names_the_file_and_row(data, key, row):
    problem = _refusal(data, "bao cao.csv").problem
    assert (problem.key, problem.row) == (key, row)
    vietnamese, english = problem.bilingual().split(" / ", 1)
    assert vietnamese.startswith("Tệp «bao cao.csv»") and english.startswith("File «bao cao.csv»")
    if key == "import.not_utf8":
        assert "CSV UTF-8" in vietnamese and "CSV UTF-8" in english


def test_duplicate_header_names_the_column_and_both_positions():
    problem = _refusal(b"ma_xa,tu_so,ma_xa\n40001,1,40001\n").problem
    assert problem.params == {"column": "ma_xa", "first": "A", "second": "C"}
    duplicate_xlsx = xlsx_bytes(("s", [["tu_so", "ma_xa", "tu_so"], [1, "40001", 2]]))
    assert _refusal(duplicate_xlsx, "x.xlsx").problem.params["second"] == "C"


def test_data_on_a_second_sheet_names_the_sheets_and_sheet_option_reads_it():
    data = xlsx_bytes(("Hướng dẫn", []), ("Số liệu", [HEADER, ["40001", "CT01", "x", 1]]))
    problem = _refusal(data, "x.xlsx").problem
    assert problem.key == "import.empty_sheet"
    assert "«Hướng dẫn», «Số liệu»" in problem.bilingual() and "--sheet" in problem.bilingual()
    assert _refusal(data, "x.xlsx", sheet="Khác").problem.key == "import.no_sheet"
    assert len(read_table(data, "x.xlsx", sheet="Số liệu")) == 1


def test_formula_without_cached_value_and_unreadable_numbers_become_markers():
    data = xlsx_bytes(("s", [["tu_so", "mau_so", "ghi_chu"], ["=B3*2", 2.5, 1.5]]))
    data = patch_member(data, FIRST_SHEET, b"<v>2.5</v>", b"<v>inf</v>")  # as other tools write
    data = patch_member(data, FIRST_SHEET, b"<v>1.5</v>", b"<v>1e999</v>")
    frame = read_table(data, "x.xlsx")
    assert frame.loc[0, "tu_so"] == UncachedFormula("=B3*2")
    assert isinstance(frame.loc[0, "mau_so"], UnreadableCell)
    assert frame.loc[0, "ghi_chu"] == float("inf")
    keys = [p.key for p in check_cells(frame, ["tu_so", "mau_so", "ghi_chu"])]
    assert keys == ["import.formula_without_value", "import.bad_cell", "import.not_finite"]


@pytest.mark.parametrize(
    "cells",
    [
        [dt.datetime(2026, 11, 16), dt.datetime(2026, 11, 9)],
        [46342, 46335],
    ],
)
def test_a_date_column_of_only_date_cells_or_only_serials_parses(cells):
    data = xlsx_bytes(("s", [["ngay", "tu_so"], [cells[0], 1], [cells[1], 2]]))
    values, bad = parse_dates(read_table(data, "x.xlsx")["ngay"])
    assert list(values) == [dt.date(2026, 11, 16), dt.date(2026, 11, 9)] and not bad.any()


def test_dates_in_1900_or_9999_are_outside_the_accepted_range():
    data = xlsx_bytes(("s", [["ngay"], [dt.datetime(1900, 1, 1)], [dt.datetime(9999, 12, 31)]]))
    values, bad = parse_dates(read_table(data, "x.xlsx")["ngay"])
    assert not bad.any() and outside_date_range(values).all()


@pytest.mark.parametrize("text", ["inf", "nan", "-inf", "Infinity"])
def test_inf_and_nan_text_is_not_a_number(text):
    _, problems = parse_numbers(pd.Series([text, float("inf"), float("nan")], dtype=object))
    assert problems.tolist()[:2] == ["import.not_a_number", "import.not_a_number"]


def test_control_characters_in_cells_and_file_names():
    frame = read_table(b"ma_xa,ghi_chu\n40001,a\x00b\n", "x.csv")
    (problem,) = check_cells(frame, ["ghi_chu"])
    assert problem.key == "import.control_character" and problem.params["code"] == "U+0000"
    assert "\x00" not in problem.bilingual()
    named = _refusal(b"ma_xa\n40001\n", "bao\x1bcao.csv").problem
    assert named.key == "import.file_name_control" and "\x1b" not in named.bilingual()


def test_rows_left_empty_are_skipped_and_counted():
    frame = read_table(b"ma_xa,tu_so,mau_so\n40001,,\n40002,5,\n40003, ,\n", "x.csv")
    kept, skipped = skip_unfilled(frame, ("tu_so", "mau_so"))
    assert kept["ma_xa"].tolist() == ["40002"] and skipped == 2


def test_gzipped_csv_reads_and_a_gzip_bomb_is_refused():
    frame = read_table(gzipped(b"ma_xa,tu_so\n40001,1\n"), "reports.csv.gz")
    assert frame["ma_xa"].tolist() == ["40001"]
    bomb = gzipped(b"ma_xa,tu_so\n" + b"40001,1\n" * 5_000)
    assert _refusal(bomb, "b.csv.gz", limits=SMALL).problem.key == "import.too_large_unpacked"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("rows", "key"),
    [
        ([HEADER] + [["40001", "CT01", "2026-11-16", i] for i in range(4)], "import.too_many_rows"),
        (
            [[*HEADER, "a", "b"], ["40001", "CT01", "2026-11-16", 1, 2, 3]],
            "import.too_many_columns",
        ),
        ([[f"c{i}" for i in range(5)]] + [["x"] * 5] * 3, "import.too_many_cells"),
    ],
)
def test_limits_stop_the_read_with_a_message(fmt, rows, key):
    limits = ReadLimits(max_bytes=100_000, max_rows=3, max_columns=5, max_cells=12)
    if fmt == "csv":
        data = "\n".join(",".join(str(c) for c in r) for r in rows).encode()
    else:
        data = xlsx_bytes(("s", rows))
    problem = _refusal(data, f"x.{fmt}", limits=limits).problem
    assert problem.key == key
    assert "DASHBOARD_IMPORT_MAX_" in problem.text(
        "vi"
    ) and "DASHBOARD_IMPORT_MAX_" in problem.text("en")


def test_a_file_above_the_size_limit_is_refused_before_reading():
    problem = _refusal(b"x" * 10_001, "big.csv", limits=SMALL).problem
    assert problem.key == "import.too_large" and problem.params["size"] == 10_001


def test_declared_dimensions_are_not_trusted():
    refused = _refusal(dimension_bomb(), "bomb.xlsx").problem
    assert (refused.key, refused.row, refused.params["column"]) == (
        "import.too_many_columns",
        2000,
        "XFD",
    )
    frame = read_table(dimension_bomb(far_cell=False), "declared.xlsx")
    assert frame.to_dict("records") == [{"row": 2, "ma_xa": "40001", "tu_so": 1}]
