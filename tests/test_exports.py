"""Export builders (data_access/exports.py): formula-like cells and control characters are safe."""

from __future__ import annotations

import io
import math

import openpyxl
import pandas as pd
import pytest

from data_access.exports import csv_cell, safe_sheet_name, table_csv_bytes, table_xlsx_bytes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+84 912", "'+84 912"),
        ("-5 hộ", "'-5 hộ"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Xã Ea Kar", "Xã Ea Kar"),
        ("a\x00b\x1bc", "a\ufffdb\ufffdc"),
        ("2 - 3", "2 - 3"),
        (5, 5),
    ],
)
def test_csv_cells_are_escaped_the_owasp_way(text, expected):
    assert csv_cell(text) == expected


def test_csv_export_quotes_formula_starts_and_keeps_numbers():
    frame = pd.DataFrame({"Ghi chú": ["=1+1", "bình thường"], "Số": [-5, 3]})
    back = pd.read_csv(io.BytesIO(table_csv_bytes(frame)), encoding="utf-8-sig")
    assert back["Ghi chú"].tolist() == ["'=1+1", "bình thường"]
    assert back["Số"].tolist() == [-5, 3]


def test_xlsx_writes_formula_like_text_as_text_and_survives_control_characters():
    frame = pd.DataFrame(
        {
            "note": ["=cmd|' /C calc'!A0", "@x", "NUL\x00here", "tab\tand\nnewline"],
            "value": [1.5, float("nan"), float("inf"), -2],
        }
    )
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx_bytes(frame, sheet="a/b:c")))
    sheet = book.active
    assert sheet.title == "a_b_c"
    cells = [row for row in sheet.iter_rows(min_row=2)]
    assert all(row[0].data_type == "s" for row in cells)
    assert [row[0].value for row in cells] == [
        "=cmd|' /C calc'!A0",
        "@x",
        "NUL\ufffdhere",
        "tab\tand\nnewline",
    ]
    values = [row[1].value for row in cells]
    assert values[0] == 1.5 and values[1] is None and values[2] is None and values[3] == -2


@pytest.mark.parametrize(("name", "expected"), [("x" * 40, "x" * 31), ("", "data"), ("a?b", "a_b")])
def test_sheet_names_excel_accepts(name, expected):
    assert safe_sheet_name(name) == expected


def test_finite_numbers_round_trip():
    frame = pd.DataFrame({"a": [0.1, 2.0]})
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx_bytes(frame, sheet="t")))
    assert [c.value for c in book.active["A"]][1:] == [0.1, 2]
    assert not any(isinstance(c.value, float) and math.isnan(c.value) for c in book.active["A"])
