"""What only a browser shows of the Data page: the upload box's own words replaced by the
page's language, and a bad file uploaded through the real input explained on the page."""

from __future__ import annotations

import pytest

from tests.import_helpers import csv_bytes
from tests.live_app import chromium_page, open_and_wait, settle_page

pytestmark = pytest.mark.browser

BOX = '[data-testid="stFileUploader"]'
# The button's word is drawn by the style of ui.uploader, after its (hidden) English text.
BUTTON_WORD = f"getComputedStyle(document.querySelector('{BOX} button p'), '::after').content"


@pytest.mark.parametrize(
    ("lang", "word", "said"),
    [("vi", "Chọn tệp", "tệp không phải UTF-8"), ("en", "Choose file", "the file is not UTF-8")],
)
def test_the_upload_box_speaks_the_page_language(live_app, lang, word, said):
    with chromium_page(1366, 768, base=live_app, login="data.officer") as page:
        query = "?as_of=2026-11-20" + ("&lang=en" if lang == "en" else "")
        open_and_wait(page, f"{live_app}/data{query}")
        assert page.locator('[data-testid="stFileUploaderDropzoneInstructions"]').is_hidden()
        assert page.evaluate(BUTTON_WORD) == f'"{word}"'
        text = csv_bytes("40001,CT01,2026-11-18,590,597,Đông Hòa").decode()
        cp1258 = text.encode("cp1258", "replace")  # as an older Excel saves it
        page.set_input_files(
            '[data-testid="stFileUploaderDropzoneInput"]',
            files=[{"name": "cp.csv", "mimeType": "text/csv", "buffer": cp1258}],
        )
        page.wait_for_selector('[data-testid="stAlert"]', timeout=60_000)
        settle_page(page)
        assert said in page.locator('[data-testid="stAlert"]').all_inner_texts()[-1]
        assert page.locator('[data-testid="stException"]').count() == 0
