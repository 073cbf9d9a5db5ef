"""In headless Chromium: a committee member stores a meeting and two decisions on the Meetings
page; the next meeting's slides open with "Decisions due" and their figures then and now."""

from __future__ import annotations

import shutil

import pytest
import sqlalchemy as sa

from i18n import translate
from tests.live_app import (
    chromium_available,
    chromium_page,
    open_and_wait,
    settle_page,
    streamlit_server,
)
from tests.test_browser_present import FITS

pytestmark = pytest.mark.browser

MEETING_VIEW = "stage=GD2-2026&as_of=2026-10-04"  # the meeting, frozen at 4 October
NEXT_VIEW = "stage=GD2-2026&as_of=2026-11-01"  # the next one, four weeks of reports later


@pytest.fixture
def writable_app(demo_sqlite_url, tmp_path):
    """A server of its own on a copy of the demo database, as this test writes."""
    if not chromium_available():
        pytest.skip("chromium is not installed")
    copy = tmp_path / "meetings.db"
    shutil.copyfile(sa.engine.make_url(demo_sqlite_url).database, copy)
    with streamlit_server(f"sqlite:///{copy}") as base:
        yield base


def _choose(page, within, label: str, option: str) -> None:
    """Pick `option` in the select box (or multiselect) labelled `label` within `within`."""
    within.get_by_role("combobox", name=label, exact=True).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option).first.click()
    page.keyboard.press("Escape")


def _record(page, *, kind: str | None, commune: str | None, indicator: str, text: str) -> None:
    form = page.locator('[data-testid="stForm"]').filter(has_text=translate("meetings.field.due"))
    if not form.is_visible():  # the expander stays open after a rerun
        page.get_by_text(translate("meetings.record"), exact=True).first.click()
    if kind is not None:
        _choose(page, form, translate("meetings.field.kind"), kind)
    if commune is not None:
        _choose(page, form, translate("meetings.field.communes"), commune)
    _choose(page, form, translate("meetings.field.indicator"), indicator)
    form.get_by_label(translate("meetings.field.text")).fill(text)
    form.get_by_role("button", name=translate("meetings.record")).click()
    # The click's rerun may not have begun when the page first looks settled: wait for it.
    page.get_by_text(translate("meetings.recorded")).first.wait_for(timeout=60_000)
    settle_page(page)


def test_decisions_recorded_at_a_meeting_open_the_next_meetings_slides(writable_app):
    base = writable_app
    with chromium_page(1920, 1080, base=base) as page:
        open_and_wait(page, f"{base}/meetings?{MEETING_VIEW}")
        page.get_by_text(translate("meetings.new"), exact=True).click()
        page.get_by_label(translate("meetings.field.title")).fill("Họp Ban Chỉ đạo tháng 10")
        page.get_by_role("button", name=translate("meetings.save")).click()
        # The click's rerun may not have begun when the page first looks settled: wait for it.
        page.get_by_text(translate("meetings.saved")).first.wait_for(timeout=60_000)
        settle_page(page)
        _record(
            page,
            kind=None,
            commune="Phường Buôn Ma Thuột",
            indicator="CT02",
            text="Đẩy nhanh trang bị kiến thức số cho học sinh",
        )
        _record(
            page,
            kind=translate("decision.kind.indicator"),
            commune=None,
            indicator="CT04",
            text="Tăng tốc định danh điện tử",
        )

        open_and_wait(page, f"{base}/?present=1&{NEXT_VIEW}")
        main = page.locator('[data-testid="stMain"]')
        title = main.locator("h1").first.inner_text()
        assert title.startswith(translate("present.slide.decisions", date="")[:20]), title
        text = main.inner_text()
        assert "Phường Buôn Ma Thuột — CT02:" in text and "Toàn tỉnh — CT04:" in text
        assert text.count("khi họp") == 2 and text.count("hiện nay") == 2
        assert "Tăng tốc định danh điện tử" in text
        assert page.locator('[data-testid="stException"]').count() == 0
        size = page.evaluate(FITS)  # the slide fits 1920×1080 without scrolling
        assert size["document"] <= size["window"] and size["main"] <= size["window"], size
