"""Status colours and number locales shared by the chart builders."""

from __future__ import annotations

from typing import Any

from campaign.metrics import STATUSES

# Colour-blind safe (blue / orange / red never rely on telling red from green) and apart in
# lightness too, so a washed-out projector that loses saturation still shows five different
# greys: CIELAB L* 34 / 46 / 62 / 77 / 90 (tests/test_charts.py checks a gap of 10 or more).
# Every chart also writes the status word or symbol: colour is never the only carrier.
STATUS_COLOURS = {
    "on_track": "#1f4e99",  # dark blue, L* 34
    "at_risk": "#fdae61",  # light orange, L* 77
    "behind": "#d7191c",  # red, L* 46
    "stale": "#969696",  # mid grey, L* 62
    "no_data": "#e3e3e3",  # pale grey, L* 90
}
PACE_COLOUR = "#555555"  # the pace line and target marks: neutral, never a status colour
VALUE_COLOUR = "#1a1a1a"  # pace-today ticks and bar outlines
ACTUAL_COLOUR = "#6a3d9a"  # an indicator's actual values: purple, no status colour implied

# d3 number locales, so axes write 1.234,5 in Vietnamese and 1,234.5 in English.
NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
# Axis date formats matching i18n.formats.format_date.
DATE_FORMATS = {"vi": "%d/%m/%Y", "en": "%Y-%m-%d"}
AXIS_FONT_SIZE = 14  # readable from the back of a meeting hall
LABEL_FONT_SIZE = 15
# Set on every axis and legend itself: Streamlit's chart theme sets per-axis fonts that would
# win over a chart-wide `config.axis`.
AXIS_STYLE: dict[str, Any] = {
    "labelFontSize": AXIS_FONT_SIZE,
    "titleFontSize": AXIS_FONT_SIZE,
    "labelColor": "#262730",
    "titleColor": "#262730",
}
LEGEND_STYLE: dict[str, Any] = {"labelFontSize": AXIS_FONT_SIZE, "titleFontSize": AXIS_FONT_SIZE}


def status_scale(statuses: list[str] | None = None) -> dict[str, list[str]]:
    """Domain and range for an Altair colour scale over the given statuses (default: all)."""
    domain = list(statuses or STATUSES)
    return {"domain": domain, "range": [STATUS_COLOURS[s] for s in domain]}


def chart_config(lang: str) -> dict[str, Any]:
    """Top-level chart configuration: the number locale of the language."""
    return {"locale": {"number": NUMBER_LOCALES[lang]}}


# The text on a status colour: white on the dark ones, black on the light ones, each at a
# WCAG contrast of 4.5:1 or more (tests/test_present_tiles.py checks every pair).
STATUS_TEXT_COLOURS = {
    "on_track": "#ffffff",
    "at_risk": "#000000",
    "behind": "#ffffff",
    "stale": "#000000",
    "no_data": "#000000",
}


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a "#rrggbb" colour (0 black … 1 white)."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours (1 … 21)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
