"""The Data and Administration pages render, and the import ui helpers build their tables."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.importers.problems import WARNING, Problem
from data_access.importers.reading import read_table
from data_access.importers.template import build_template_frame, template_bytes
from i18n import translate
from tests.apptest import FrameApp, open_app
from ui.completeness import late_communes_frame, periods_frame
from ui.history import batches_frame, rollback_choices
from ui.problems_view import problems_frame
from ui.tables import localized


def _run(page: str, lang: str) -> FrameApp:
    query = {"as_of": "2026-09-30", **({"lang": "en"} if lang == "en" else {})}
    return open_app(query, page)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_data_page_shows_completeness_and_history(app_env, lang):
    at = _run("pages/data.py", lang)
    assert not at.exception, [e.value for e in at.exception]
    labels = [m.label for m in at.metric]
    expected = "Communes fully reported this period" if lang == "en" else "Xã đã báo cáo đủ kỳ này"
    assert expected in labels
    complete = next(m.value for m in at.metric if m.label == expected)
    assert complete.endswith("/102")
    tabs = [tab.label for tab in at.tabs]
    assert ("Import history" if lang == "en" else "Lịch sử nhập") in tabs
    assert len(at.dataframe) >= 3


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_admin_page_renders(app_env, lang):
    at = _run("pages/admin.py", lang)
    assert not at.exception, [e.value for e in at.exception]
    sections = ["admin.section_setup", "admin.section_accounts", "admin.section_links"]
    sections.append("admin.section_audit")
    labels = [tab.label for tab in at.tabs]
    assert all(translate(key, lang) in labels for key in sections), labels


def test_problems_frame_lists_row_column_value_and_message():
    problems = [
        Problem("import.unknown_commune", row=5, column="Mã xã", value="99999"),
        Problem(
            "import.decrease", WARNING, 7, "Tử số", "3", {"previous": "9", "date": "2026-01-05"}
        ),
    ]
    frame = problems_frame(problems, "en")
    assert frame.columns.tolist() == ["Row", "Message", "Column", "Value", "Severity"]
    assert frame.iloc[0].tolist() == [
        5,
        "no commune (or village) has this code.",
        "Mã xã",
        "99999",
        "Error",
    ]
    assert frame.iloc[1]["Severity"] == "Warning"
    assert problems_frame(problems, "vi").iloc[1]["Mức độ"] == "Cảnh báo"


def test_batches_frame_and_rollback_choices():
    batches = pd.DataFrame(
        {
            "batch_id": [3, 2, 1],
            "kind": ["reports", "reports", "seed"],
            "user_name": ["an", "an", "seed"],
            "created_at": pd.to_datetime(
                ["2026-11-20 10:00", "2026-11-19 09:00", "2026-11-01 08:00"]
            ),
            "file_name": ["b.csv", "a.csv", "reports.csv.gz"],
            "sha256": ["x", "y", "z"],
            "rows_added": [1, 2, 3],
            "rows_replaced": [0, 0, 0],
            "rows_rejected": [0, 0, 0],
            "status": ["committed", "rolled_back", "committed"],
        }
    )
    assert rollback_choices(batches) == [3]
    frame = batches_frame(batches, "vi")
    assert frame["Trạng thái"].tolist() == ["đã ghi", "đã hoàn tác", "đã ghi"]


def test_completeness_tables_translate_and_pivot():
    communes = pd.DataFrame(
        {
            "commune_code": ["40001", "40002", "40003", "40004"],
            "commune_name": ["A", "B", "C", "D"],
            "indicators_total": [10, 10, 10, 10],
            "indicators_reported": [10, 8, 9, 0],
            "indicators_current": [10, 3, 5, 0],
            "last_report": [date(2026, 9, 28), date(2026, 9, 1), date(2026, 9, 20), None],
            "oldest_report": [date(2026, 9, 28), date(2026, 8, 1), date(2026, 9, 2), None],
            "days_late": [0.0, 1265.0, 25.0, float("nan")],
            "status": ["complete", "late", "late", "never"],
        }
    )
    late = late_communes_frame(communes, "en")
    assert late["Status"].tolist() == ["late", "late", "never reported"]
    assert late["Indicators never reported"].tolist() == [2, 1, 10]
    # Days late are numbers (they sort as numbers, and download as numbers), written in the
    # reader's format; a commune that never reported has none.
    days = late["Days late"]
    assert days.iloc[:2].tolist() == [1265, 25] and pd.isna(days.iloc[2])
    assert days.sort_values().iloc[:2].tolist() == [25, 1265]
    shown = localized(late_communes_frame(communes, "vi"), "vi").to_html()
    assert ">1.265<" in shown and ">25<" in shown and ">—<" in shown
    periods = pd.DataFrame(
        {
            "period_start": [date(2026, 9, 24)] * 2,
            "period_end": [date(2026, 9, 30)] * 2,
            "indicator_code": ["CT01", "CT02"],
            "communes_reported": [90, 80],
            "communes_total": [102, 102],
        }
    )
    table = periods_frame(periods, "vi")
    assert table.iloc[0].tolist() == ["24/09/2026 → 30/09/2026", "90/102", "80/102"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_lists_every_commune_and_indicator(seeded_engine, fmt):
    frame = build_template_frame(seeded_engine, as_of=date(2026, 9, 28), stage_code=None)
    assert len(frame) == 102 * 10
    assert frame["numerator"].eq("").all()
    again = read_table(template_bytes(frame, fmt), f"template.{fmt}")
    assert len(again) == 1020 and "commune_code" in again.columns
