"""The entry page in AppTest: an officer enters, sees messages beside fields, saves and
submits; the data officer returns, approves; another commune's form is never shown."""

from __future__ import annotations

import pytest

from data_access.accounts.actors import account_actor
from data_access.accounts.roles import (
    ADMIN,
    COMMITTEE,
    COMMUNE_OFFICER,
    DATA_OFFICER,
    Grant,
    compute_limits,
)
from data_access.entry.queries import fetch_entry_periods
from tests.apptest import ENTRY, FrameApp, open_app
from tests.page_uploads import click, no_exception, page_messages
from tests.viewers import sso_user
from ui.navigation import PAGES, may_open

PAGE = "pages/entry.py"
OFFICER, DATA_OFFICER_LOGIN = "commune.40001", "data.officer"


@pytest.fixture
def writable(seeded_copy, monkeypatch):
    """The app on a copy of the demo that tests may write to."""
    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    return seeded_copy


def _first_run_on(page: str, query: dict[str, str], login: str) -> FrameApp:
    """A session whose first run opens `page` with `query`, as a link does (the frame reads
    the URL's filters on a session's first run only)."""
    open_app(login=login)  # registers the viewer's pages, so the new session may start on one
    at = FrameApp(str(ENTRY), default_timeout=60)
    at.user = sso_user(login)
    for key, value in query.items():
        at.query_params[key] = value
    return at.switch_page(page).run()


def _field(at, indicator: str, field: str):
    return next(w for w in at.text_input if w.key.endswith(f"_{indicator}_{field}"))


def test_an_officer_enters_saves_and_submits(writable):
    at = open_app(page=PAGE, login=OFFICER)
    no_exception(at)
    assert at.selectbox(key="entry_commune").options == ["40001 · Phường Buôn Ma Thuột"]
    _field(at, "CT01", "numerator").set_value("700")
    at.run()
    assert any("600" in m or "mẫu số" in m for m in page_messages(at)), page_messages(at)
    click(at, "entry_submit")
    assert any("lỗi" in m for m in page_messages(at))
    _field(at, "CT01", "numerator").set_value("590")
    at.run()
    click(at, "entry_save")
    assert "Đã lưu bản nháp." in page_messages(at)
    click(at, "entry_submit")
    no_exception(at)
    assert any("Đã gửi duyệt" in m for m in page_messages(at))
    assert _field(at, "CT01", "numerator").disabled
    data_officer = account_actor(writable, DATA_OFFICER_LOGIN)
    listed = fetch_entry_periods(writable, actor=data_officer, stage_code="GD2-2026")
    assert listed["status"].tolist() == ["submitted"]


def test_the_data_officer_returns_then_approves(writable):
    at = open_app(page=PAGE, login=OFFICER)
    _field(at, "CT01", "numerator").set_value("590")
    at.run()
    click(at, "entry_submit")
    boss = open_app(page=PAGE, login=DATA_OFFICER_LOGIN)
    no_exception(boss)
    key = next(b.key for b in boss.button if b.key.startswith("return_"))
    click(boss, key)
    assert any("nhận xét" in m for m in page_messages(boss))
    boss.text_area(key=key.replace("return_", "comment_")).set_value("Kiểm tra lại CT01")
    click(boss, key)
    assert "Đã trả lại cho xã." in page_messages(boss)

    at = open_app(page=PAGE, login=OFFICER)
    assert any("Kiểm tra lại CT01" in m for m in page_messages(at))
    click(at, "entry_submit")
    boss = open_app(page=PAGE, login=DATA_OFFICER_LOGIN)
    click(boss, key.replace("return_", "approve_"))
    no_exception(boss)
    assert any("Đã duyệt" in m for m in page_messages(boss))
    at = open_app(page=PAGE, login=OFFICER)
    assert _field(at, "CT01", "numerator").disabled
    assert not [b for b in at.button if b.key in ("entry_save", "entry_submit")]


@pytest.mark.parametrize("commune", ["40002", "99999"])
def test_another_commune_in_the_url_gives_a_message_and_no_form(app_env, commune):
    at = _first_run_on(PAGE, {"commune": commune}, OFFICER)
    no_exception(at)
    assert "Bạn không được nhập số liệu cho xã/phường này." in page_messages(at)
    entry_widgets = [w for w in [*at.text_input, *at.button] if (w.key or "").startswith("entry_")]
    assert entry_widgets == []


@pytest.mark.parametrize(
    "role, opens",
    [(COMMUNE_OFFICER, True), (DATA_OFFICER, True), (COMMITTEE, False), (ADMIN, False)],
)
def test_the_page_is_for_commune_and_data_officers(role, opens):
    commune = "40001" if role == COMMUNE_OFFICER else None
    limits = compute_limits([Grant(role=role, commune_code=commune)])
    assert may_open(next(p for p in PAGES if p.name == "entry"), limits) is opens
