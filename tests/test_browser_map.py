"""The map in Chromium: hovering a commune names it, clicking it opens that commune's page."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from data_access.seed import read_dataset_folder
from tests.live_app import chromium_page, open_and_wait, settle_page

pytestmark = pytest.mark.browser

CHART = '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
TOOLTIP = "#vg-tooltip-element"
# Fractions of the chart's box to try: the middle of the province lies inside some commune.
CLICK_POINTS = ((0.55, 0.5), (0.6, 0.45), (0.5, 0.55))


def test_click_a_commune_opens_its_locality_page(live_app):
    localities = read_dataset_folder().localities
    codes_by_name = dict(zip(localities["name"], localities["code"], strict=True))
    with chromium_page(base=live_app) as page:
        open_and_wait(page, f"{live_app}/map?stage=GD1-2025&agency=SKHCN")
        chart = page.locator(CHART).first
        chart.wait_for(timeout=30_000)
        box = chart.bounding_box()
        for fx, fy in CLICK_POINTS:
            x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
            page.mouse.move(x, y)
            tooltip = page.locator(TOOLTIP)
            try:
                tooltip.wait_for(state="visible", timeout=2_000)
            except PlaywrightTimeout:
                continue  # no commune under this point: try the next
            break
        name = tooltip.locator("td.value").first.inner_text()
        assert name in codes_by_name, name
        page.mouse.click(x, y)
        page.wait_for_url(re.compile(r"/locality\?"), timeout=30_000)
        settle_page(page)
        url = urlparse(page.url)
        assert url.path.endswith("/locality")
        assert parse_qs(url.query)["commune"] == [codes_by_name[name]]
        assert parse_qs(url.query)["stage"] == ["GD1-2025"]
        assert parse_qs(url.query)["agency"] == ["SKHCN"]
        assert page.locator('[data-testid="stException"]').count() == 0
