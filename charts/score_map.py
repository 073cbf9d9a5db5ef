"""The commune map coloured by composite score, the weakest communes numbered 1…N.

Drawn for the brief (PNG) and the map slide (SVG) through charts.render.
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import pandas as pd
import shapely
from shapely.geometry import shape

from charts.map import NO_DATA_COLOUR, commune_map_chart, compute_map_rows
from i18n import translate

# Map colour classes start and end on whole multiples of this many percentage points.
SCORE_STEP = 5


def score_board(ranking: pd.DataFrame, as_of: object) -> pd.DataFrame:
    """Composite scores of a ranking in the shape compute_map_rows reads for one indicator."""
    scored = ranking["score"].notna()
    return pd.DataFrame(
        {
            "commune_code": ranking["commune_code"],
            "unit": "percent",
            "value": 100 * ranking["score"],
            "target": 100.0,
            "progress": ranking["score"],
            "status": scored.map({True: "on_track", False: "no_data"}),
            "last_report": as_of,
        }
    )


def _score_domain(scores: pd.Series) -> list[float]:
    """Colour domain in percent: the scores' range widened to whole steps of SCORE_STEP."""
    valid = pd.to_numeric(scores, errors="coerce").dropna()
    if valid.empty:
        return [0.0, 100.0]
    low = math.floor(valid.min() / SCORE_STEP) * SCORE_STEP
    high = math.ceil(valid.max() / SCORE_STEP) * SCORE_STEP
    return [float(low), float(max(high, low + SCORE_STEP))]


def score_domain(scores: pd.Series) -> list[float]:
    """The colour domain (percent) of these composite scores, as the map draws it."""
    return _score_domain(scores)


def score_map_chart(
    shapes: pd.DataFrame,
    board: pd.DataFrame,
    weakest_codes: list[str],
    lang: str,
    *,
    width: int = 620,
    height: int = 520,
    domain: list[float] | None = None,
) -> alt.LayerChart:
    """The commune map coloured by composite score, the weakest outlined and numbered 1…N.

    `board` is score_board(ranking). The colour scale spans the scores found (not 0-100%),
    because a province's communes often sit within a few points of each other; `domain`
    gives another (the province's, so a few communes keep the province's colours).
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
        scale=alt.Scale(scheme="redyellowblue", domain=domain or _score_domain(board["value"])),
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
