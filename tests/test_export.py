"""Table downloads: CSV and XLSX carry the table as shown, Vietnamese letters intact."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
import streamlit as st

from tests.test_app import run_app
from ui.export import _labelled, table_csv_bytes, table_xlsx_bytes

TABLE = pd.DataFrame(
    {"Xã/phường": ["Phường Buôn Ma Thuột", "Xã Đắk Liêng"], "Tiến độ": [97.5, 81.25]}
)


def test_csv_has_bom_and_round_trips():
    data = table_csv_bytes(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, TABLE)


def test_xlsx_round_trips_with_a_safe_sheet_name():
    data = table_xlsx_bytes(TABLE, sheet="x" * 40)
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.active
    assert len(sheet.title) == 31
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Xã/phường", "Tiến độ")
    assert rows[1] == ("Phường Buôn Ma Thuột", 97.5)


def test_labels_come_from_column_config_and_hidden_columns_drop():
    frame = pd.DataFrame({"code": ["40001"], "score": [0.5], "secret": [1]})
    config = {
        "code": st.column_config.TextColumn("Mã"),
        "score": st.column_config.ProgressColumn("Điểm"),
        "secret": None,
    }
    assert list(_labelled(frame, config).columns) == ["Mã", "Điểm"]


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("pages/indicators.py", {}),
        ("pages/ranking.py", {}),
        ("pages/locality.py", {"commune": "40001"}),
        ("pages/locality.py", {"commune": ["40001", "40002"]}),
        ("pages/data.py", {}),
    ],
)
def test_pages_offer_csv_and_xlsx_for_their_tables(app_env, page, query):
    at = run_app(query, page)
    assert not at.exception, [e.value for e in at.exception]
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("Tải CSV") >= 1
    assert labels.count("Tải CSV") == labels.count("Tải Excel")
