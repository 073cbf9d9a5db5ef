"""The overview's meeting-brief button downloads the PDF for the current filters."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.live_app import chromium_page, open_and_wait

pytestmark = pytest.mark.browser


def test_brief_button_downloads_the_filtered_pdf(live_app):
    with chromium_page(base=live_app) as page:
        open_and_wait(page, f"{live_app}/?stage=GD1-2025&as_of=2025-09-03&agency=CA&lang=en")
        with page.expect_download(timeout=60_000) as download_info:
            page.get_by_role("button", name="Meeting brief (PDF)").click()
        download = download_info.value
        assert download.suggested_filename == "brief-GD1-2025-2025-09-03.pdf"
        text = "\n".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(open(download.path(), "rb").read())).pages
        )
    assert "2025-09-03" in text
    assert "CT04" in text and "CT08" in text
    assert "CT01" not in text
