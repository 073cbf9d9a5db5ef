"""Who sees what on the Data page, and completeness that agrees with itself: each headline
count equals the rows listed under it, a commune that reported 8 of 10 indicators is late
(not "never reported"), and one that reported nothing is "never"."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from data_access import schema as s
from tests.apptest import FrameApp, open_app
from tests.import_helpers import csv_bytes, table_snapshot
from tests.page_uploads import no_exception, page_text, upload

QUERY = {"as_of": "2026-11-20"}


def _tabs(at: FrameApp) -> list[str]:
    return [tab.label for tab in at.tabs]


def _metrics(at: FrameApp) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def test_a_commune_officer_sees_the_import_box_and_only_their_commune(app_env):
    at = open_app(QUERY, "pages/data.py", login="commune.40001")
    no_exception(at)
    assert _tabs(at) == ["Nhập báo cáo", "Tiến độ báo cáo"]  # no history, no periods
    assert at.file_uploader(key="upload_reports_0") is not None
    assert "Các xã đang chọn trong bộ lọc: 1 xã × 10 chỉ tiêu." in [c.value for c in at.caption]
    assert [b.label for b in at.get("download_button")][:1] == ["Tải mẫu (10 dòng)"]
    assert _metrics(at)["Xã đã báo cáo đủ kỳ này"].endswith("/1")


def test_a_commune_officer_cannot_import_another_communes_rows(app_env):
    before = table_snapshot_of(app_env)
    at = open_app(QUERY, "pages/data.py", login="commune.40001")
    upload(at, "reports", "xa_khac.csv", csv_bytes("40002,CT01,2026-11-18,1,2,"))
    no_exception(at)
    assert "xã/phường này không thuộc phạm vi nhập liệu của bạn." in page_text(at)
    assert table_snapshot_of(app_env) == before


def table_snapshot_of(url: str) -> dict:
    """Every table of the database at `url`."""
    engine = sa.create_engine(url)
    try:
        return table_snapshot(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("login", "tabs", "import_box"),
    [
        ("data.officer", ["Nhập báo cáo", "Tiến độ báo cáo", "Lịch sử nhập"], True),
        ("admin", ["Tiến độ báo cáo", "Lịch sử nhập"], False),  # view_batches, no import
    ],
)
def test_each_role_sees_its_parts(app_env, login, tabs, import_box):
    at = open_app(QUERY, "pages/data.py", login=login)
    no_exception(at)
    assert _tabs(at)[: len(tabs)] == tabs
    assert bool([u for u in at.file_uploader if u.key == "upload_reports_0"]) == import_box


@pytest.mark.parametrize("login", ["committee", "head.ca"])
def test_readers_have_no_data_page(app_env, login):
    at = open_app(QUERY, login=login)
    no_exception(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/data.py")  # the frame does not list the page for them


def _late_rows(at: FrameApp):
    """The list of communes late or never reported (the table with a status column)."""
    return next(f.value for f in at.dataframe if "Trạng thái" in f.value and "Mã" in f.value)


def test_headline_counts_equal_the_rows_listed(seeded_copy, monkeypatch):
    """On a copy where 40002 has no report at all: it is "never"; the demo's 40059, which
    never reports two of its ten indicators, is late; each count is its rows."""
    r, loc = s.reports, s.localities
    with seeded_copy.begin() as connection:
        commune = sa.select(loc.c.id).where(loc.c.code == "40002").scalar_subquery()
        connection.execute(r.delete().where(r.c.locality_id == commune))
    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    at = open_app(QUERY, "pages/data.py")
    no_exception(at)
    rows = _late_rows(at)
    metrics = _metrics(at)
    status = rows.set_index("Mã")["Trạng thái"]
    assert status["40002"] == "chưa từng báo cáo"
    assert status["40059"] == "trễ hạn"
    assert rows.set_index("Mã").loc["40059", "Chỉ tiêu chưa từng báo cáo"] == 2
    assert int(metrics["Xã báo cáo trễ"]) == (status == "trễ hạn").sum()
    assert int(metrics["Xã chưa từng báo cáo"]) == (status == "chưa từng báo cáo").sum() == 1
    complete, total = metrics["Xã đã báo cáo đủ kỳ này"].split("/")
    assert int(total) - int(complete) == len(rows)
