"""The brief's charts as PNG images, rendered by vl-convert (no browser)."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import altair as alt
import font_source_sans_pro
import pandas as pd
import shapely
import vl_convert
from shapely.geometry import shape

from charts.map import NO_DATA_COLOUR, commune_map_chart, compute_map_rows
from charts.palette import STATUS_COLOURS
from reports.sections import status_word
from ui.i18n import translate

# The font the PDF embeds, so chart text and body text match and Vietnamese marks render.
FONT_FAMILY = "Source Sans Pro"
# 2× pixels: sharp when printed at the ~16 cm width the brief gives a chart.
PNG_SCALE = 2
# Number formats inside charts, as each language writes them (d3 has no vi-VN locale).
FORMAT_LOCALES: dict[str, dict[str, Any]] = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
# Map colour classes start and end on whole multiples of this many percentage points.
SCORE_STEP = 5
# Progress bars stop here so one indicator far over target does not squash the others.
PROGRESS_AXIS_MAX = 120


@cache
def _register_font() -> None:
    vl_convert.register_font_directory(font_source_sans_pro.font_directory)


def chart_png(chart: alt.TopLevelMixin, lang: str) -> bytes:
    """Render an Altair chart to PNG bytes with the brief's font and number format."""
    _register_font()
    spec = chart.to_dict()
    spec.setdefault("config", {}).update(font=FONT_FAMILY)
    return vl_convert.vegalite_to_png(spec, scale=PNG_SCALE, format_locale=FORMAT_LOCALES[lang])


def _clip_percent(progress: object) -> float | None:
    try:
        value = float(progress)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else min(max(100 * value, 0.0), PROGRESS_AXIS_MAX)


def progress_chart(board: pd.DataFrame, lang: str, *, width: int = 620) -> alt.LayerChart:
    """Horizontal bars: each indicator's progress to target, coloured by status, pace ticks."""
    rows = []
    for _, row in board.iterrows():
        target = float(row["target"]) if pd.notna(row["target"]) else math.nan
        pace = row["expected"] / target if target and target > 0 else None
        rows.append(
            {
                "code": row["code"],
                "progress": _clip_percent(row["progress"]) or 0.0,
                "pace": _clip_percent(pace),
                "status": status_word(row["status"], lang),
            }
        )
    statuses = list(STATUS_COLOURS)
    domain = [status_word(s, lang) for s in statuses]
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("code:N", sort=None, title=None, axis=alt.Axis(labelFontSize=13))
    )
    axis = alt.Axis(format="d", labelFontSize=12, titleFontSize=13, values=list(range(0, 121, 20)))
    bars = base.mark_bar(height=16).encode(
        x=alt.X(
            "progress:Q",
            scale=alt.Scale(domain=[0, PROGRESS_AXIS_MAX]),
            title=f"{translate('common.progress', lang)} (%)",
            axis=axis,
        ),
        color=alt.Color(
            "status:N",
            scale=alt.Scale(domain=domain, range=[STATUS_COLOURS[s] for s in statuses]),
            legend=alt.Legend(title=None, orient="bottom", labelFontSize=12, columns=5),
        ),
    )
    ticks = base.mark_tick(color="black", thickness=3, size=24).encode(x="pace:Q")
    full = alt.Chart(alt.Data(values=[{"x": 100}])).mark_rule(strokeDash=[4, 3]).encode(x="x:Q")
    return alt.layer(bars, ticks, full).properties(width=width, height=26 * max(len(rows), 1))


def _score_domain(scores: pd.Series) -> list[float]:
    """Colour domain in percent: the scores' range widened to whole steps of SCORE_STEP."""
    valid = pd.to_numeric(scores, errors="coerce").dropna()
    if valid.empty:
        return [0.0, 100.0]
    low = math.floor(valid.min() / SCORE_STEP) * SCORE_STEP
    high = math.ceil(valid.max() / SCORE_STEP) * SCORE_STEP
    return [float(low), float(max(high, low + SCORE_STEP))]


def score_map_chart(
    shapes: pd.DataFrame,
    board: pd.DataFrame,
    weakest_codes: list[str],
    lang: str,
    *,
    width: int = 620,
    height: int = 520,
) -> alt.LayerChart:
    """The commune map coloured by composite score, the weakest outlined and numbered 1…N.

    `board` is reports.sections.map_board. The colour scale spans the scores found (not 0-100%),
    because a province's communes often sit within a few points of each other.
    """
    rows = compute_map_rows(shapes, board, colour_by="progress", lang=lang)
    values = dict(zip(board["commune_code"], board["value"], strict=True))
    order = {code: str(i) for i, code in enumerate(weakest_codes, start=1)}
    for row in rows:
        score = values.get(row["code"])
        row["score"] = None if score is None or math.isnan(score) else round(score, 1)
        row["weak"] = order.get(row["code"], "")
    chart = commune_map_chart(
        rows, colour_by="progress", lang=lang, chosen_codes=tuple(weakest_codes), height=height
    )
    legend = alt.Legend(
        title=translate("brief.map_legend", lang),
        orient="left",
        labelFontSize=13,
        titleFontSize=13,
        gradientLength=220,
        labelExpr="datum.label + '%'",
        format="d",
    )
    colour = alt.Color(
        "score:Q",
        scale=alt.Scale(scheme="redyellowblue", domain=_score_domain(board["value"])),
        legend=legend,
    )
    chart.layer[0].encoding.color = alt.condition(
        "isValid(datum.score)", colour, alt.value(NO_DATA_COLOUR)
    )
    numbers = (
        alt.Chart()
        .encode(longitude="lon:Q", latitude="lat:Q", text="weak:N")
        .transform_filter(alt.datum.weak != "")
    )
    chart.layer = [
        *chart.layer,
        numbers.mark_circle(size=260, color="white", opacity=0.9, stroke="black"),
        numbers.mark_text(fontSize=12, fontWeight="bold", color="black"),
    ]
    return chart.properties(width=width, projection=_fit_projection(rows))


def _fit_projection(rows: list[dict[str, Any]]) -> alt.Projection:
    """Mercator fitted to the shapes' bounding box.

    vl-convert cannot fit a projection to shapes given through a `shape` field (it yields NaN
    paths), so the map is fitted to an explicit GeoJSON box, its ring clockwise as d3 wants.
    """
    bounds = [shapely.bounds(shape(row["geometry"])) for row in rows]
    if not bounds:
        return alt.Projection(type="mercator")
    west, south = min(b[0] for b in bounds), min(b[1] for b in bounds)
    east, north = max(b[2] for b in bounds), max(b[3] for b in bounds)
    ring = [[west, south], [west, north], [east, north], [east, south], [west, south]]
    box = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    return alt.Projection(type="mercator", fit=box)
