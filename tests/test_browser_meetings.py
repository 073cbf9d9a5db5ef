"""In headless Chromium: a committee member stores a meeting and two decisions on the Meetings
page; the next meeting's slides open with "Decisions due" and their figures then and now."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

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


@dataclass(frozen=True)
class WritableApp:
    base: str
    database: Path

    def rows(self, table: str) -> int:
        """How many rows `table` of the server's database holds now."""
        with sqlite3.connect(self.database) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


@pytest.fixture
def writable_app(demo_sqlite_url, tmp_path):
    """A server of its own on a copy of the demo database, as this test writes."""
    if not chromium_available():
        pytest.skip("chromium is not installed")
    copy = tmp_path / "meetings.db"
    shutil.copyfile(sa.engine.make_url(demo_sqlite_url).database, copy)
    with streamlit_server(f"sqlite:///{copy}") as base:
        yield WritableApp(base, copy)


def _choose(page, within, label: str, option: str) -> None:
    """Pick `option` in the select box (or multiselect) labelled `label` within `within`."""
    box = within.get_by_role("combobox", name=label, exact=True)
    # The box's own group: a select box shows the choice as its value, a multiselect as a
    # chip; another box of the form may show the same name (a default) and proves nothing.
    group = within.get_by_role("group").filter(
        has=page.get_by_role("combobox", name=label, exact=True)  # matched inside each group
    )
    for _ in range(3):
        box.click()
        page.keyboard.type(option)
        page.get_by_role("option", name=option).first.click()
        page.keyboard.press("Escape")
        # On a busy machine a click can lag, or be lost: wait for the choice, then pick again.
        for _ in range(20):
            if option in group.aria_snapshot():
                return
            page.wait_for_timeout(500)
    raise AssertionError(f"{option!r} was not chosen in {label!r}: {within.aria_snapshot()}")


def _fill(page, field, text: str) -> None:
    """Type `text` and leave the field, as a person does before reaching for the button."""
    field.fill(text)
    expect(field).to_have_value(text)
    field.blur()
    settle_page(page)


# Notes whether the script has started running since it was installed.
WATCH_RUN_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__ranSinceClick = false;
  new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') === 'running') window.__ranSinceClick = true;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
RUN_START_TIMEOUT_MS = 15_000


def _submit(page, button, message: str) -> None:
    """Click a form's button and wait for its confirmation, or fail with the page's text.

    Chromium drops the odd synthetic click on a form's button just redrawn (no run starts, the
    form keeps its values); only then is it clicked again, so nothing is submitted twice.
    """
    for _ in range(2):
        page.evaluate(WATCH_RUN_JS)
        button.click()
        try:
            page.wait_for_function("window.__ranSinceClick", timeout=RUN_START_TIMEOUT_MS)
            break
        except PlaywrightTimeout:
            continue
    said = page.locator('[data-testid="stMain"]').get_by_text(message)
    try:
        said.first.wait_for(timeout=60_000)
    except PlaywrightTimeout:
        raise AssertionError(page.locator('[data-testid="stMain"]').inner_text()) from None


def _until_written(page, app: WritableApp, table: str, steps) -> None:  # noqa: ANN001
    """Run `steps` (fill a form and submit it) until `table` holds one row more.

    On a loaded machine the page has been seen drawn afresh after the click (expanders closed,
    the typed values gone, nothing submitted); a person would fill the form again, and so does
    the test, once, and only when the database shows that nothing was written. A submit that
    wrote but did not confirm fails.
    """
    before = app.rows(table)
    try:
        steps()
    except AssertionError:
        settle_page(page)  # a run still under way has written, or not, once it has ended
        if app.rows(table) != before:
            raise
        steps()
    assert app.rows(table) == before + 1


def _record(page, *, kind: str | None, commune: str | None, indicator: str, text: str) -> None:
    form = page.locator('[data-testid="stForm"]').filter(has_text=translate("meetings.field.due"))
    if not form.is_visible():  # the expander stays open after a rerun
        page.get_by_text(translate("meetings.record"), exact=True).first.click()
    if kind is not None:
        _choose(page, form, translate("meetings.field.kind"), kind)
    if commune is not None:
        _choose(page, form, translate("meetings.field.communes"), commune)
    _choose(page, form, translate("meetings.field.indicator"), indicator)
    _fill(page, form.get_by_label(translate("meetings.field.text")), text)
    button = form.get_by_role("button", name=translate("meetings.record"))
    _submit(page, button, translate("meetings.recorded"))
    settle_page(page)


def _save_meeting(page, title_text: str) -> None:
    title = page.get_by_label(translate("meetings.field.title"))
    if not title.is_visible():  # the expander stays open after a rerun
        page.get_by_text(translate("meetings.new"), exact=True).click()
    _fill(page, title, title_text)
    save = page.get_by_role("button", name=translate("meetings.save"))
    _submit(page, save, translate("meetings.saved"))
    settle_page(page)


def test_decisions_recorded_at_a_meeting_open_the_next_meetings_slides(writable_app):
    base = writable_app.base
    with chromium_page(1920, 1080, base=base) as page:
        open_and_wait(page, f"{base}/meetings?{MEETING_VIEW}")
        _until_written(
            page, writable_app, "meetings", lambda: _save_meeting(page, "Họp Ban Chỉ đạo tháng 10")
        )
        _until_written(
            page,
            writable_app,
            "decisions",
            lambda: _record(
                page,
                kind=None,
                commune="Phường Buôn Ma Thuột",
                indicator="CT02",
                text="Đẩy nhanh trang bị kiến thức số cho học sinh",
            ),
        )
        _until_written(
            page,
            writable_app,
            "decisions",
            lambda: _record(
                page,
                kind=translate("decision.kind.indicator"),
                commune=None,
                indicator="CT04",
                text="Tăng tốc định danh điện tử",
            ),
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
