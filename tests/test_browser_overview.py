"""The overview in Chromium: whose view it is, drill-down from tiles and lists, a laptop.

Headings name the commune, the cluster or the agency, with one click back to the province;
a tile opens its indicator, a commune in the weakest and strongest lists its locality page;
at 1366×768 nothing is cut or wraps, and the weakest communes are one click from the top.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.live_app import chromium_page, open_and_wait, settle_page
from ui.committee_view import TILE_KEY

pytestmark = pytest.mark.browser

VIEW = "stage=GD1-2025&as_of=2025-09-03"
SCOPE_LINE = ".st-key-scope-line h4"


def _heading(page) -> str:
    """The scope line's text without its icon's ligature name."""
    return page.locator(SCOPE_LINE).inner_text().replace("location_on", "").strip()


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize(
    ("query", "heading"),
    [
        ("", "Tỉnh Đắk Sơn"),
        ("&commune=40001", "Phường Buôn Ma Thuột"),
        ("&commune=40001&commune=40015", "2 xã/phường: Phường Buôn Ma Thuột, Xã Ea Kar"),
        ("&agency=CA", "Tỉnh Đắk Sơn · Công an tỉnh — 2 chỉ tiêu"),
    ],
)
def test_the_heading_names_the_scope_with_one_click_back(live_app, query, heading):
    with chromium_page(1920, 1080, base=live_app) as page:
        open_and_wait(page, f"{live_app}/?{VIEW}{query}")
        assert _heading(page) == heading
        back = page.locator(".st-key-scope_whole_province button")
        if not query:
            assert back.count() == 0  # already the whole province
            return
        back.click()
        settle_page(page)
        assert _heading(page) == "Tỉnh Đắk Sơn"
        assert "commune" not in _query(page) and "agency" not in _query(page)
        assert page.locator('[data-testid="stMetric"]').count() == 10


def test_a_tile_opens_its_indicator(live_app):
    with chromium_page(1920, 1080, base=live_app) as page:
        open_and_wait(page, f"{live_app}/?{VIEW}")
        page.locator(f".st-key-{TILE_KEY}CT03-open button").first.click()
        page.wait_for_url(re.compile(r"/indicators\?"), timeout=30_000)
        settle_page(page)
        assert _query(page)["indicator"] == ["CT03"]
        assert page.get_by_role("heading", name=re.compile(r"^CT03 · ")).count() == 1


@pytest.mark.parametrize("which", ["weak", "strong"])
def test_a_commune_in_the_lists_opens_its_locality(live_app, which):
    with chromium_page(1920, 1080, base=live_app) as page:
        open_and_wait(page, f"{live_app}/?{VIEW}")
        first = page.locator(f'[class*="st-key-{which}_"] button').first
        name = re.search(r"\*\*(.+?)\*\*|\. (.+?) —", first.inner_text())
        first.click()
        page.wait_for_url(re.compile(r"/locality\?"), timeout=30_000)
        settle_page(page)
        assert len(_query(page)["commune"]) == 1
        listed = (name.group(1) or name.group(2)).strip()
        assert listed in page.locator('[data-testid="stMain"] h1').first.inner_text()


def test_a_laptop_screen_cuts_nothing_and_the_weakest_are_one_click_away(live_app):
    with chromium_page(1366, 768, base=live_app) as page:
        open_and_wait(page, f"{live_app}/?{VIEW}")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        # Every "since <date>" under a change shows its whole date, not "s.".
        since = page.evaluate(
            """() => Array.from(document.querySelectorAll('[data-testid="stMetric"] *'))
                .filter((e) => e.children.length === 0 && /so với/.test(e.textContent))
                .map((e) => ({text: e.textContent, cut: e.scrollWidth > e.clientWidth + 1}))"""
        )
        assert len(since) == 10, since
        for item in since:
            assert re.search(r"so với \d\d/\d\d/\d{4}", item["text"]) and not item["cut"], item
        # The header's buttons keep to one line each.
        for label in ("Trình chiếu", "Báo cáo họp (PDF)"):
            button = page.get_by_role("button", name=label).first
            box = button.bounding_box()
            assert box["height"] < 50, (label, box)
        link = page.get_by_role("link", name=re.compile("yếu nhất"))
        link.click()
        page.wait_for_timeout(800)
        heading = page.locator("#weakest")
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] < 768, box
