"""The Data page's import flow in AppTest: a file is checked once, whatever else changes on
the page; problems can be narrowed; a committed import links to its figures; a workbook's
sheet can be chosen; and each viewer sees only the parts they may use."""

from __future__ import annotations

from dataclasses import replace

import pytest

from data_access.importers.problems import ERROR, WARNING, Problem
from tests.apptest import open_app
from tests.file_builders import xlsx_bytes
from tests.import_helpers import csv_bytes, follow_up_rows, frame_csv, table_snapshot
from tests.page_uploads import click, no_exception, page_messages, page_text, upload
from ui import importing
from ui.problems_view import filter_problems

QUERY = {"as_of": "2026-11-20"}
# Two errors (a count of people with decimals, an unknown commune), two warnings (a lower
# value, a denominator far from the registered population).
MIXED = csv_bytes(
    "40001,CT01,2026-11-18,590.5,597,", "99999,CT01,2026-11-18,1,2,", "40002,CT01,2026-11-18,1,2,"
)


@pytest.fixture
def counted(monkeypatch):
    """The reports importer, counting its dry runs and its writes."""
    calls = {"dry_run": 0, "write": 0}
    real = importing.IMPORTERS["reports"]

    def counting(*args, **kwargs):
        calls["dry_run" if kwargs.get("dry_run") else "write"] += 1
        return real.importer(*args, **kwargs)

    monkeypatch.setitem(importing.IMPORTERS, "reports", replace(real, importer=counting))
    return calls


@pytest.fixture
def writable(seeded_copy, monkeypatch):
    """The app on a copy of the demo that tests may write to."""
    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    return seeded_copy


def test_an_upload_is_checked_once_across_reruns(app_env, counted):
    at = open_app(QUERY, "pages/data.py")
    upload(at, "reports", "mixed.csv", MIXED)
    no_exception(at)
    assert counted == {"dry_run": 1, "write": 0}
    at.segmented_control(key="reports_" + _digest(MIXED) + "_severity").set_value("warning")
    at.run()
    at.date_input(key="template_date").set_value(at.date_input(key="template_date").value)
    at.radio(key="template_format").set_value("csv").run()
    at.toggle(key="f_lang_en").set_value(True).run()
    no_exception(at)
    assert counted["dry_run"] == 1, "a rerun checked the file again"
    upload(at, "reports", "other.csv", csv_bytes("40001,CT01,2026-11-18,1,2,"))
    assert counted["dry_run"] == 2  # a new file is checked


def _digest(data: bytes) -> str:
    from ui.upload_check import file_digest

    return file_digest(data)[:8]


def test_problems_are_counted_and_filtered_and_the_download_keeps_all(app_env):
    at = open_app(QUERY, "pages/data.py")
    upload(at, "reports", "mixed.csv", MIXED)
    control = at.segmented_control(key=f"reports_{_digest(MIXED)}_severity")
    assert control.options == ["Tất cả (4)", "Lỗi (2)", "Cảnh báo (2)"]
    assert "Đang hiện 4/4 vấn đề." in [c.value for c in at.caption]
    control.set_value(WARNING).run()
    assert "Đang hiện 2/4 vấn đề." in [c.value for c in at.caption]
    assert at.dataframe[0].value["Mức độ"].tolist() == ["Cảnh báo", "Cảnh báo"]
    at.multiselect(key=f"reports_{_digest(MIXED)}_columns").set_value(["numerator"]).run()
    assert at.dataframe[0].value["Cột"].tolist() == ["numerator"]
    assert "Đang hiện 1/4 vấn đề." in [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("severity", "columns", "expected"),
    [
        (None, [], 3),
        ("all", [], 3),
        (ERROR, [], 2),
        (WARNING, [], 1),
        (None, ["numerator"], 2),
        (ERROR, ["numerator"], 1),
        (None, [""], 1),  # the whole file
    ],
)
def test_filter_problems(severity, columns, expected):
    problems = [
        Problem("import.not_whole", row=2, column="numerator"),
        Problem("import.decrease", WARNING, 3, "numerator"),
        Problem("import.missing_column"),
    ]
    assert len(filter_problems(problems, severity, columns)) == expected


def test_a_committed_import_links_to_its_figures(writable, demo_data, counted):
    rows = follow_up_rows(demo_data.reports, "2026-11-25", bump=1)
    at = open_app({**QUERY, "commune": "40003", "lang": "en"}, "pages/data.py")
    upload(at, "reports", "tuan_48.csv", frame_csv(rows))
    no_exception(at)
    assert any("Dry run: valid" in m for m in page_messages(at)), page_messages(at)
    click(at, "reports_commit")
    no_exception(at)
    assert counted == {"dry_run": 1, "write": 1}
    assert any("Imported batch #2" in m for m in page_messages(at)), page_messages(at)
    assert at.file_uploader(key="upload_reports_1").value is None  # a fresh box
    click(at, "reports_see")
    no_exception(at)
    assert at.session_state["f_as_of"].isoformat() == "2026-11-25"
    # The overview, on the file's newest date, the other shared filters kept.
    assert at.title[0].value == "Overview" or at.title
    assert at.query_params["as_of"] == "2026-11-25" and at.query_params["stage"] == "GD2-2026"
    assert at.query_params["commune"] == "40003" and at.query_params["lang"] == "en"


def test_cancel_changes_nothing_and_empties_the_box(writable, counted):
    before = table_snapshot(writable)
    at = open_app(QUERY, "pages/data.py")
    upload(at, "reports", "r.csv", csv_bytes("40001,CT01,2026-11-25,600,610,"))
    click(at, "reports_cancel")
    no_exception(at)
    assert "Đã hủy; không có gì thay đổi." in page_messages(at)
    assert counted["write"] == 0 and table_snapshot(writable) == before


def test_a_workbook_of_several_sheets_gets_a_sheet_picker(app_env):
    header = ["commune_code", "indicator_code", "as_of", "numerator", "denominator"]
    data = xlsx_bytes(("Bìa", []), ("Số liệu", [header, ["40001", "CT01", "2026-11-18", 590, 597]]))
    at = open_app(QUERY, "pages/data.py")
    upload(at, "reports", "two.xlsx", data)
    picker = next(box for box in at.selectbox if box.label == "Trang tính chứa số liệu")
    assert picker.value == "Số liệu"  # the first sheet holding data
    assert "Chạy thử: hợp lệ; sẽ thêm 1" in page_text(at)
    picker.set_value("Bìa").run()
    no_exception(at)
    assert "Chọn trang chứa số liệu ở ô «Trang tính chứa số liệu»" in page_text(at)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_upload_box_speaks_the_page_language_and_the_import_limit(app_env, lang):
    at = open_app({**QUERY, **({"lang": "en"} if lang == "en" else {})}, "pages/data.py")
    box = at.file_uploader(key="upload_reports_0")
    assert box.label == (
        "Choose a report file (CSV or XLSX)" if lang == "en" else "Chọn tệp báo cáo (CSV hoặc XLSX)"
    )
    assert box.proto.max_upload_size_mb == 20
    limit = "At most 20 MB per file." if lang == "en" else "Tối đa 20 MB mỗi tệp."
    assert limit in [c.value for c in at.caption]
