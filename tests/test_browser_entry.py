"""Report entry in a real browser, on a laptop (1366×768) and a phone (360 px): the officer
sees a wrong value's message beside its field, submits; the data officer approves; the
officer's period is then locked."""

from __future__ import annotations

import pytest

from tests.live_app import (
    chromium_available,
    chromium_page,
    open_and_wait,
    settle_page,
    streamlit_server,
)

pytestmark = pytest.mark.browser

OFFICER, DATA_OFFICER = "commune.40001", "data.officer"
NUMERATOR = '[class*="st-key-entry_40001_"][class*="_CT01_numerator"] input'


@pytest.fixture
def entry_server(database_factory, demo_data):
    """A server of its own on a copy of the demo that the test writes to (SQLite)."""
    if database_factory.backend != "sqlite":
        pytest.skip("the browser flow runs on SQLite; the steps are tested on both databases")
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


@pytest.mark.parametrize("width, height", [(1366, 768), (360, 740)])
def test_an_officer_submits_and_the_data_officer_approves(entry_server, width, height):
    with chromium_page(width, height, base=entry_server, login=OFFICER) as page:
        open_and_wait(page, f"{entry_server}/entry")
        _type(page, NUMERATOR, "100000")
        assert "vượt quá" in _messages(page) or "lớn hơn" in _messages(page), _messages(page)
        fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert fits, "the form is wider than the screen"
        _type(page, NUMERATOR, "590")
        _click(page, "entry_submit")
        assert "Đã gửi duyệt" in _messages(page), _messages(page)
        assert page.locator(NUMERATOR).is_disabled()
    with chromium_page(width, height, base=entry_server, login=DATA_OFFICER) as page:
        open_and_wait(page, f"{entry_server}/entry")
        _click(page, "approve_40001_")
        assert "Đã duyệt" in _messages(page), _messages(page)
    with chromium_page(width, height, base=entry_server, login=OFFICER) as page:
        open_and_wait(page, f"{entry_server}/entry")
        assert page.locator(NUMERATOR).is_disabled()
        assert page.locator('[class*="st-key-entry_submit"]').count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
