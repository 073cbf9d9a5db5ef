"""Chart builders checked through their Vega-Lite specs (chart.to_dict()), without a browser."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pandas as pd
import pytest

from campaign.metrics import STATUSES
from charts.bars import (
    AXIS_MAX_PCT,
    BAR_SIZE_PX,
    LINE_HEIGHT_PX,
    reach_bars_chart,
    row_height,
)
from charts.distribution import PROGRESS_CAP_PCT, progress_histogram_chart, status_counts_chart
from charts.palette import NUMBER_LOCALES, STATUS_COLOURS, status_scale
from charts.trend import indicator_trend_chart


def _lightness(colour: str) -> float:
    """CIELAB L* of a #rrggbb colour (what is left once a projector washes the hue out)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def _datasets(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_palette_has_one_colour_per_status_apart_in_lightness():
    assert tuple(STATUS_COLOURS) == STATUSES
    for a, b in combinations(STATUS_COLOURS.values(), 2):
        assert abs(_lightness(a) - _lightness(b)) >= 10, (a, b)
    scale = status_scale(["behind", "on_track"])
    assert scale == {
        "domain": ["behind", "on_track"],
        "range": [STATUS_COLOURS["behind"], STATUS_COLOURS["on_track"]],
    }


BARS = pd.DataFrame(
    {
        "label": ["Cán bộ|9.836 / 15.256 người", "Học sinh|1 / 2 người", "Không có"],
        "percent": [64.5, 120.0, float("nan")],
        "expected": [64.4, 50.0, float("nan")],
        "target": [90.0, 80.0, float("nan")],
        "status": ["on_track", "on_track", "no_data"],
        "text": ["64,5% · ✔ Đúng tiến độ", "120,0% · ✔", "— · ∅"],
    }
)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reach_bars_keep_order_and_colours_and_write_each_name_above_its_bar(lang):
    spec = reach_bars_chart(BARS, x_title="%", lang=lang).to_dict()
    assert spec["config"]["locale"]["number"] == NUMBER_LOCALES[lang]
    bars, expected, target, text, *names = spec["layer"]
    assert bars["mark"]["type"] == "bar"
    assert bars["encoding"]["y"]["sort"] == list(BARS["label"])
    # The bars take the chart's whole width: nothing is drawn right or left of them.
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, AXIS_MAX_PCT]
    assert bars["encoding"]["y"]["axis"] is None
    assert bars["encoding"]["color"]["scale"] == status_scale()
    assert expected["mark"]["type"] == "tick" and target["mark"]["shape"] == "diamond"
    assert text["encoding"]["text"]["field"] == "text"
    rows = _datasets(spec)
    assert [r["bar"] for r in rows[:2]] == [64.5, 100]  # over 100% is drawn full, not past it
    # Two lines of name at most: the last one sits on the value line, a shorter name's line
    # is that one too.
    assert [n["encoding"]["text"]["field"] for n in names] == ["name_0", "name_1"]
    assert [(r["name_1"], r["name_0"]) for r in rows] == [
        ("Cán bộ", "9.836 / 15.256 người"),
        ("Học sinh", "1 / 2 người"),
        ("", "Không có"),
    ]
    # Top to bottom within a row: the name's lines, the value line, the marks of the bar;
    # all inside the row's own height.
    step = spec["height"]["step"]
    assert step == row_height(2)
    offsets = [names[1]["mark"]["dy"], names[0]["mark"]["dy"], text["mark"]["dy"]]
    assert offsets == sorted(offsets) and offsets[0] >= -step / 2
    middle = bars["mark"]["yOffset"]
    assert expected["mark"]["yOffset"] == target["mark"]["yOffset"] == middle
    assert text["mark"]["dy"] + LINE_HEIGHT_PX <= middle - BAR_SIZE_PX / 2
    assert middle + BAR_SIZE_PX / 2 <= step / 2


def test_reach_bars_of_one_line_names_are_shorter_rows():
    one_line = BARS.assign(label=BARS["label"].str.replace("|", " · "))
    spec = reach_bars_chart(one_line, x_title="%", lang="vi", bar_size=14).to_dict()
    assert spec["height"]["step"] == row_height(1, 14) < row_height(2)
    assert len(spec["layer"]) == 5  # bars, pace ticks, targets, the value and one name line


def test_status_counts_chart_writes_the_counts():
    counts = pd.DataFrame(
        {
            "status": list(STATUSES),
            "label": ["✔ On track", "▲ At risk", "✖ Behind", "◷ Stale", "∅ No data"],
            "count": [40, 11, 50, 1, 0],
        }
    )
    spec = status_counts_chart(counts, title="Communes", lang="en").to_dict()
    bars, text = spec["layer"]
    assert bars["encoding"]["y"]["sort"] == list(counts["label"])
    assert bars["encoding"]["color"]["scale"]["range"] == list(STATUS_COLOURS.values())
    assert text["encoding"]["text"]["field"] == "count"
    assert [r["count"] for r in _datasets(spec)] == [40, 11, 50, 1, 0]


def test_progress_histogram_bins_capped_progress_by_status():
    frame = pd.DataFrame(
        {
            "progress": [0.05, 0.72, 1.9],
            "status": ["behind", "on_track", "on_track"],
            "status_label": ["✖ Behind", "✔ On track", "✔ On track"],
        }
    )
    titles = {"x": "Progress", "y": "Communes", "legend": "Status"}
    spec = progress_histogram_chart(frame, titles=titles, lang="vi").to_dict()
    x = spec["encoding"]["x"]
    assert x["bin"] == {"extent": [0, PROGRESS_CAP_PCT], "step": 10}
    assert max(r["progress_pct"] for r in _datasets(spec)) < PROGRESS_CAP_PCT
    colour = spec["encoding"]["color"]["scale"]
    assert colour["domain"] == ["✔ On track", "✖ Behind"]  # only statuses present, best first
    assert colour["range"] == [STATUS_COLOURS["on_track"], STATUS_COLOURS["behind"]]


def test_trend_chart_marks_pace_target_deadline_and_finish():
    points = pd.DataFrame(
        {"report_date": [date(2025, 7, 21), date(2025, 7, 28)], "value": [40.0, 44.5]}
    )
    pace = pd.DataFrame({"date": [date(2025, 7, 15), date(2025, 10, 25)], "value": [39.8, 90.0]})
    events = pd.DataFrame(
        {
            "kind": ["deadline", "as_of", "projected"],
            "date": [date(2025, 10, 25), date(2025, 7, 28), date(2025, 10, 1)],
            "text": ["Deadline 2025-10-25", "As of 2025-07-28", "Projected finish 2025-10-01"],
        }
    )
    titles = {"x": "Date", "y": "%", "value": "Actual", "pace": "Pace"}
    spec = indicator_trend_chart(
        points, pace=pace, target=(90.0, "Target 90.0%"), events=events, titles=titles, lang="en"
    ).to_dict()
    layers = spec["layer"]
    assert len(layers) == 7
    assert [layer["mark"]["align"] for layer in layers[5:]] == ["left", "right"]
    lines = layers[0]
    assert lines["encoding"]["x"]["scale"]["type"] == "utc"  # a date never shifts a day
    assert lines["encoding"]["color"]["scale"]["domain"] == ["Actual", "Pace"]
    rows = _datasets(spec)
    assert {"date": "2025-10-25", "value": 90.0, "series": "Pace"} in rows
    assert {"value": 90.0, "text": "Target 90.0%"} in rows
    marks = list({r["kind"]: r for r in rows if "kind" in r}.values())  # rules and labels
    assert [m["kind"] for m in marks] == ["deadline", "as_of", "projected"]
    assert len({m["offset"] for m in marks}) == 3  # labels stacked, never printed over each other
    # As-of sits in the chart's left half: its label writes rightwards, inside the chart.
    assert [m["side"] for m in marks] == ["right", "left", "right"]
