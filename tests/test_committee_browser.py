"""The committee's pages in headless Chromium at 1920×1080: no exception, no horizontal
scrolling, projector-sized numbers, a table row that opens the commune.

With COMMITTEE_SCREENSHOTS=<folder> the test also saves each page as a small PNG there
(docs/screenshots/ holds the committed ones).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.live_app import chromium_page, open_and_wait, settle_page

pytestmark = pytest.mark.browser

VIEW = "stage=GD1-2025&as_of=2025-09-03"  # mid-way through the 100-day peak
PAGES = [
    ("", "overview"),
    ("indicators", "indicators"),
    ("target-groups", "target-groups"),
    ("ranking", "ranking"),
]
# Palette size of the committed screenshots: text stays crisp, files stay under 250 KB.
SCREENSHOT_COLOURS = 96
PROJECTOR_RATIO = 2.0  # metric values at least twice the body text


def save_small_png(raw: bytes, path: Path) -> None:
    """Write a screenshot as a palette PNG (a fraction of the size of the raw capture)."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(raw)).convert("RGB")
    image.quantize(colors=SCREENSHOT_COLOURS, method=Image.Quantize.MEDIANCUT).save(
        path, optimize=True
    )


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            return document.documentElement.scrollWidth <= window.innerWidth
                && (!main || main.scrollWidth <= main.clientWidth + 1);
        }"""
    )


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_committee_page_in_chromium(live_app, path, name):
    with chromium_page(1920, 1080, base=live_app) as page:
        open_and_wait(page, f"{live_app}/{path}?{VIEW}")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert _no_horizontal_scroll(page)
        query = parse_qs(urlparse(page.url).query)
        assert query["stage"] == ["GD1-2025"] and query["as_of"] == ["2025-09-03"]
        if name == "overview":
            assert page.locator('[data-testid="stMetric"]').count() == 10
            ratio = page.evaluate(
                """() => {
                    const size = (el) => parseFloat(getComputedStyle(el).fontSize);
                    const value = document.querySelector('[data-testid="stMetricValue"] p');
                    return size(value) / size(document.body);
                }"""
            )
            assert ratio >= PROJECTOR_RATIO
        folder = os.environ.get("COMMITTEE_SCREENSHOTS")
        if folder:
            save_small_png(page.screenshot(), Path(folder) / f"{name}.png")


def test_a_ranking_row_opens_the_locality_page(live_app, demo_data):
    with chromium_page(1920, 1080, base=live_app) as page:
        open_and_wait(page, f"{live_app}/ranking?{VIEW}")
        grid = page.locator('[data-testid="stDataFrame"]').first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        # The first row's selection box: the left edge of the grid, one header row down.
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)
        page.wait_for_url(re.compile(r"/locality\?"), timeout=30_000)
        settle_page(page)
        query = parse_qs(urlparse(page.url).query)
        assert len(query["commune"]) == 1
        assert page.locator('[data-testid="stException"]').count() == 0
        name = demo_data.localities.set_index("code").loc[query["commune"][0], "name"]
        assert name in page.locator('[data-testid="stMain"] h1').first.inner_text()
        chosen = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
        assert name[:10] in chosen.inner_text()  # the quick filter shows the commune chosen
