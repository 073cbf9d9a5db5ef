"""Presentation mode in headless Chromium at 1920×1080, 1280×720 and 1024×768 (a 4:3
projector): every slide fits the window without scrolling and shows no exception; the arrow
keys change slides; the status words and captions are large and contrasted enough to read
from the back of a hall.

With PRESENT_SCREENSHOTS=<folder> the test also saves each slide as a small PNG there
(docs/screenshots/present-*.png are the committed ones).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.live_app import chromium_page, open_and_wait, settle_page
from ui.presentation import SLIDE_COUNT

pytestmark = pytest.mark.browser

VIEW = "stage=GD1-2025&as_of=2025-09-03"  # mid-way through the 100-day peak
SIZES = [(1920, 1080), (1280, 720), (1024, 768)]
# From the back of a hall: a status word at least 3 % of the screen height, captions 2.2 %,
# and every status word at a WCAG contrast of 4.5:1 against its band.
STATUS_SHARE, CAPTION_SHARE, MIN_CONTRAST = 0.03, 0.022, 4.5
# Font size over the window height, and text and background colours as the browser computed
# them, of every status word and every caption of the slide.
LEGIBILITY = """() => {
    const look = (selector) => [...document.querySelectorAll(selector)].map((el) => {
        const style = getComputedStyle(el);
        return {text: el.textContent, share: parseFloat(style.fontSize) / window.innerHeight,
                color: style.color, background: style.backgroundColor};
    });
    return {
        status: look('.present-status'),
        captions: look('.present-caption, [data-testid="stCaptionContainer"] p'),
    };
}"""
# Palette size of the committed screenshots: text stays crisp, files stay under 250 KB.
SCREENSHOT_COLOURS = 64
# Streamlit scrolls stMain, not the document: both must hold their content.
FITS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return {
        document: document.documentElement.scrollHeight,
        main: main.scrollHeight,
        mainWidth: main.scrollWidth - main.clientWidth,
        window: window.innerHeight,
    };
}"""


def _slide(page) -> str:
    return parse_qs(urlparse(page.url).query).get("slide", [""])[0]


def _save(raw: bytes, path: Path) -> None:
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(raw)).convert("RGB")
    image.quantize(colors=SCREENSHOT_COLOURS, method=Image.Quantize.MEDIANCUT).save(
        path, optimize=True
    )


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_slide_fits_the_window(live_app, width, height):
    folder = os.environ.get("PRESENT_SCREENSHOTS")
    with chromium_page(width, height, base=live_app) as page:
        for slide in range(1, SLIDE_COUNT + 1):
            # The longest timer: its pause button is in the title row, no slide moves on.
            open_and_wait(page, f"{live_app}/?present=1&slide={slide}&advance=600&{VIEW}")
            assert page.locator('[data-testid="stException"]').count() == 0
            assert not page.locator('[data-testid="stSidebar"]').is_visible()
            assert _slide(page) == str(slide)
            size = page.evaluate(FITS)
            assert size["document"] <= size["window"], (slide, size)
            assert size["main"] <= size["window"], (slide, size)
            assert size["mainWidth"] <= 1, (slide, size)
            assert "03/09/2025" in page.locator('[data-testid="stMain"]').inner_text()
            if folder and width == 1920:
                _save(page.screenshot(), Path(folder) / f"present-{slide}.png")


def test_arrow_keys_change_the_slide(live_app):
    with chromium_page(1280, 720, base=live_app) as page:
        open_and_wait(page, f"{live_app}/?present=1&slide=2&{VIEW}")
        title = page.locator('[data-testid="stMain"] h1').first
        first = title.inner_text()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => new URLSearchParams(location.search).get('slide') === '3'")
        settle_page(page)
        assert title.inner_text() != first
        page.keyboard.press("ArrowLeft")
        page.wait_for_function("() => new URLSearchParams(location.search).get('slide') === '2'")
        settle_page(page)
        assert title.inner_text() == first
        assert page.locator('[data-testid="stException"]').count() == 0


def _rgb(css: str) -> str:
    """ "#rrggbb" of a computed "rgb(r, g, b)" or "rgba(r, g, b, 1)" colour."""
    parts = css[css.index("(") + 1 : css.index(")")].split(",")
    return "#" + "".join(f"{int(float(p)):02x}" for p in parts[:3])


def test_status_words_and_captions_are_legible_from_the_back(live_app):
    from charts.palette import contrast_ratio

    with chromium_page(1920, 1080, base=live_app) as page:
        for slide in range(1, SLIDE_COUNT + 1):
            open_and_wait(page, f"{live_app}/?present=1&slide={slide}&{VIEW}")
            seen = page.evaluate(LEGIBILITY)
            if slide == 1:
                assert len(seen["status"]) == 10, seen["status"]
            for word in seen["status"]:
                assert word["share"] >= STATUS_SHARE, (slide, word)
                ratio = contrast_ratio(_rgb(word["color"]), _rgb(word["background"]))
                assert ratio >= MIN_CONTRAST, (slide, word, ratio)
            assert seen["captions"], slide
            for caption in seen["captions"]:
                assert caption["share"] >= CAPTION_SHARE, (slide, caption)


def _facts(page) -> str:
    return page.locator(".present-facts").first.inner_text()


def test_auto_advance_pauses_and_resumes_with_the_key_and_the_button(live_app):
    from i18n import translate

    on, paused = translate("present.auto_on", seconds=5), translate("present.auto_paused")
    with chromium_page(1920, 1080, base=live_app) as page:
        open_and_wait(page, f"{live_app}/?present=1&slide=1&{VIEW}")  # warm caches
        open_and_wait(page, f"{live_app}/?present=1&slide=1&advance=5&{VIEW}")
        assert on in _facts(page)
        page.keyboard.press("p")
        page.wait_for_function(
            "(text) => document.querySelector('.present-facts').innerText.includes(text)",
            arg=paused,
        )
        held = _slide(page)
        page.wait_for_timeout(7_000)  # longer than the interval: paused, nothing moves
        assert _slide(page) == held
        button = page.locator(".st-key-present-pause button")
        assert translate("present.resume") in button.inner_text()
        button.click()
        page.wait_for_function(
            "(held) => new URLSearchParams(location.search).get('slide') !== held",
            arg=held,
            timeout=15_000,
        )
        settle_page(page)
        assert on in _facts(page)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1024, 768)])
def test_a_bad_link_warns_in_the_title_row_and_the_slide_still_fits(live_app, width, height):
    with chromium_page(width, height, base=live_app) as page:
        open_and_wait(page, f"{live_app}/?present=1&slide=9&advance=1&{VIEW}")
        problems = page.locator(".present-problem")
        assert problems.count() == 2
        assert "«9»" in problems.first.get_attribute("title")
        size = page.evaluate(FITS)
        assert size["main"] <= size["window"], size
        assert page.locator('[data-testid="stAlert"]').count() == 0


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1024, 768)])
def test_a_cluster_of_two_gets_a_map_each_that_fits(live_app, width, height):
    cluster = "commune=40001&commune=40015"
    with chromium_page(width, height, base=live_app) as page:
        open_and_wait(page, f"{live_app}/?present=1&slide=2&{cluster}&{VIEW}")
        maps = page.locator(".present-chart svg")
        assert maps.count() == 2
        for i in range(2):  # each commune drawn large, not a speck on a shared map
            assert maps.nth(i).bounding_box()["height"] >= 0.3 * height
        size = page.evaluate(FITS)
        assert size["main"] <= size["window"], size
