"""The indicators slide's tiles: status colours with legible text, escaped names, the grid."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from charts.palette import STATUS_COLOURS, STATUS_TEXT_COLOURS, contrast_ratio
from ui.presentation_tiles import tile_html, tiles_html

WCAG_AA = 4.5  # normal text; the status word is large, so this is the strict side


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#767676", "#ffffff", 4.54)],
)
def test_contrast_ratio_follows_wcag(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("status", list(STATUS_COLOURS))
def test_every_status_word_stands_out_from_its_band(status):
    assert contrast_ratio(STATUS_TEXT_COLOURS[status], STATUS_COLOURS[status]) >= WCAG_AA


def _row(**changes) -> pd.Series:
    row = {
        "code": "CT01",
        "name_vi": "Cán bộ <có> kỹ năng số",
        "name_en": "Officials",
        "value": 0.645,
        "unit": "percent",
        "progress": 0.716,
        "target": 0.9,
        "status": "behind",
        "change_previous": 0.043,
        "previous_date": date(2025, 8, 25),
        "communes_current": 101,
        "communes_total": 102,
    }
    return pd.Series({**row, **changes})


def test_a_tile_is_banded_in_its_status_colour_and_escapes_the_name():
    markup = tile_html(_row(), "vi")
    assert f"background:{STATUS_COLOURS['behind']};color:#ffffff" in markup
    assert "Chậm tiến độ" in markup
    assert "&lt;có&gt;" in markup and "<có>" not in markup
    assert "101/102" in markup and "25/08/2025" in markup


def test_a_tile_without_data_or_change_still_draws():
    markup = tile_html(_row(status=None, progress=None, change_previous=None), "en")
    assert STATUS_COLOURS["no_data"] in markup and "width:0.0%" in markup


def test_the_grid_holds_every_tile_and_the_deadline():
    tiles = pd.DataFrame([_row(code=f"CT{i:02}") for i in range(1, 11)])
    markup = tiles_html(tiles, date(2025, 10, 25), "en")
    assert markup.count('class="present-tile"') == 10
    assert "Deadline: 2025-10-25" in markup
