"""The real server: health check, overview in Chromium, filters written back to the URL."""

from __future__ import annotations

import urllib.request

import pytest

from tests.live_app import chromium_page, open_and_wait

pytestmark = pytest.mark.browser


def test_health_and_overview_in_chromium(live_app):
    with urllib.request.urlopen(f"{live_app}/_stcore/health", timeout=5) as answer:
        assert answer.read().decode() == "ok"
    with chromium_page() as page:
        open_and_wait(page, f"{live_app}/?stage=GD1-2025&commune=40001")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stMetric"]').count() == 10
        assert "stage=GD1-2025" in page.url
        assert "commune=40001" in page.url
        assert "as_of=2025-10-25" in page.url
