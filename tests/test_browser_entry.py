"""Report entry in a real browser, on a laptop (1366×768) and a phone (360 px), on SQLite and
PostgreSQL: the officer sees a wrong value's message beside its field, saves and submits; the
overview does not change; the data officer returns it with a comment the officer reads; the
officer fixes and resubmits; the data officer approves; the overview shows the value at once;
the officer's period is then locked."""

from __future__ import annotations

import re

import pytest

from tests.live_app import (
    chromium_available,
    chromium_page,
    open_and_wait,
    settle_page,
    streamlit_server,
)
from ui.committee_view import TILE_KEY

pytestmark = pytest.mark.browser

OFFICER, DATA_OFFICER, COMMITTEE = "commune.40001", "data.officer", "committee"
NUMERATOR = '[class*="st-key-entry_40001_"][class*="_CT01_numerator"] input'


@pytest.fixture
def entry_server(database_factory, demo_data):
    """A server of its own on a copy of the demo that the test writes to (each database)."""
    if not chromium_available():
        pytest.skip("chromium is not installed")
    engine = database_factory.new_seeded_engine(demo_data)
    with streamlit_server(engine.url.render_as_string(hide_password=False)) as base:
        yield base
    engine.dispose()


def _messages(page) -> str:
    return " | ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())


def _type(page, selector: str, text: str) -> None:
    page.locator(selector).fill(text)
    page.locator(selector).press("Enter")
    page.wait_for_timeout(300)
    settle_page(page)


def _click(page, key_prefix: str) -> None:
    page.locator(f'[class*="st-key-{key_prefix}"] button').first.click()
    page.wait_for_timeout(300)
    settle_page(page)


def _period(page) -> str:
    """The ISO date of the period the form shows ("Kỳ đến hết ngày 25/11/2026")."""
    text = page.locator(".st-key-entry_period input").first.input_value()
    day, month, year = re.search(r"(\d\d)/(\d\d)/(\d{4})", text).groups()
    return f"{year}-{month}-{day}"


def _ct01_on_the_overview(base: str, as_of: str) -> str:
    """Commune 40001's CT01 tile as the committee reads it on the overview."""
    with chromium_page(1366, 768, base=base, login=COMMITTEE) as page:
        open_and_wait(page, f"{base}/?stage=GD2-2026&as_of={as_of}&commune=40001")
        return page.locator(f".st-key-{TILE_KEY}CT01 [data-testid='stMetricValue']").inner_text()


@pytest.mark.parametrize("width, height", [(1366, 768), (360, 740)])
def test_an_officer_submits_and_the_data_officer_approves(entry_server, width, height):
    with chromium_page(width, height, base=entry_server, login=OFFICER) as page:
        open_and_wait(page, f"{entry_server}/entry")
        as_of = _period(page)
        _type(page, NUMERATOR, "100000")
        assert "vượt quá" in _messages(page) or "lớn hơn" in _messages(page), _messages(page)
        fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert fits, "the form is wider than the screen"
        _type(page, NUMERATOR, "590")
        _click(page, "entry_save")
        _click(page, "entry_submit")
        assert "Đã gửi duyệt" in _messages(page), _messages(page)
        assert page.locator(NUMERATOR).is_disabled()
    before = _ct01_on_the_overview(entry_server, as_of)
    assert before != "98,3\u00a0%"  # a submitted value is not on the dashboards
    with chromium_page(width, height, base=entry_server, login=DATA_OFFICER) as page:
        open_and_wait(page, f"{entry_server}/entry")
        page.locator('[class*="st-key-comment_40001_"] textarea').fill("CT01: mẫu số sai")
        _click(page, "return_40001_")
    with chromium_page(width, height, base=entry_server, login=OFFICER) as page:
        open_and_wait(page, f"{entry_server}/entry")
        assert "CT01: mẫu số sai" in page.locator('[data-testid="stMain"]').inner_text()
        _type(page, NUMERATOR, "596")
        _click(page, "entry_submit")
        assert "Đã gửi duyệt" in _messages(page), _messages(page)
    assert _ct01_on_the_overview(entry_server, as_of) == before
    with chromium_page(width, height, base=entry_server, login=DATA_OFFICER) as page:
        open_and_wait(page, f"{entry_server}/entry")
        _click(page, "approve_40001_")
        assert "Đã duyệt" in _messages(page), _messages(page)
    assert _ct01_on_the_overview(entry_server, as_of) == "99,3\u00a0%"  # 596 / 600, at once
    with chromium_page(width, height, base=entry_server, login=OFFICER) as page:
        open_and_wait(page, f"{entry_server}/entry")
        assert page.locator(NUMERATOR).is_disabled()
        assert page.locator('[class*="st-key-entry_submit"]').count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
