"""The real server: health check, overview in Chromium, filters written back to the URL."""

from __future__ import annotations

import urllib.request
from urllib.parse import urlparse

import pytest

from data_access.settings import PROJECT_ROOT
from tests.live_app import chromium_page, open_and_wait, settle_page

pytestmark = pytest.mark.browser


def test_health_and_overview_in_chromium(live_app):
    with urllib.request.urlopen(f"{live_app}/_stcore/health", timeout=5) as answer:
        assert answer.read().decode() == "ok"
    with chromium_page(base=live_app) as page:
        open_and_wait(page, f"{live_app}/?stage=GD1-2025&commune=40001")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stMetric"]').count() == 10
        assert "stage=GD1-2025" in page.url
        assert "commune=40001" in page.url
        assert "as_of=2025-10-25" in page.url


def test_filters_survive_moving_between_pages(live_app):
    with chromium_page(base=live_app) as page:
        open_and_wait(page, f"{live_app}/?stage=GD1-2025&as_of=2025-09-01&commune=40001&agency=CA")
        pages = [("Xếp hạng", "/ranking"), ("Bản đồ xã", "/map")]
        pages += [("Nhóm đối tượng", "/target-groups"), ("Tổng quan", "/")]
        for label, path in pages:
            page.locator('[data-testid="stSidebarNav"] a', has_text=label).first.click()
            page.wait_for_url(lambda url, path=path: urlparse(url).path == path, timeout=30_000)
            settle_page(page)
            assert page.locator('[data-testid="stException"]').count() == 0, label
            for part in ["stage=GD1-2025", "as_of=2025-09-01", "commune=40001", "agency=CA"]:
                assert part in page.url, (label, page.url)


@pytest.mark.parametrize("path", ["/locality?commune=40071", "/map?agency=CA"])
def test_a_deep_link_works_as_a_fresh_servers_first_request(demo_sqlite_url, path):
    from tests.live_app import chromium_available, streamlit_server

    if not chromium_available():
        pytest.skip("chromium is not installed")
    with streamlit_server(demo_sqlite_url) as base, chromium_page(base=base) as page:
        open_and_wait(page, base + path)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').count() == 1
        assert path.split("?")[1] in page.url


def test_a_table_download_is_written_when_clicked_and_holds_the_table(live_app):
    """Table files are made when their button is clicked (not on every run): the villages
    CSV of a commune lists exactly its villages of the register file, with the page's
    headers."""
    import csv
    import io

    from i18n import translate

    with open(PROJECT_ROOT / "sample_data" / "localities.csv", encoding="utf-8") as file:
        register = [row for row in csv.DictReader(file) if row["parent_code"] == "40001"]
    villages = sorted((row["name"], translate(f"kind.{row['kind']}", "vi")) for row in register)
    assert villages  # the demo's commune 40001 has villages
    with chromium_page(base=live_app) as page:
        open_and_wait(page, f"{live_app}/locality?commune=40001")
        button = page.locator(".st-key-export_villages_csv button")
        with page.expect_download(timeout=30_000) as download:
            button.click()
        assert download.value.suggested_filename == "villages.csv"
        text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted((row["Tên"], row["Loại"]) for row in rows) == villages
