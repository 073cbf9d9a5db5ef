"""Commune choropleth: rows for the map (pure) and the Altair chart built from them."""

from __future__ import annotations

import json
import math
from typing import Any

import altair as alt
import pandas as pd
import shapely
from shapely.geometry import shape

from charts.map_labels import readable_labels
from charts.palette import STATUS_COLOURS
from i18n import translate
from i18n.formats import format_date, format_percent, format_value

# Progress classes (share of target reached): lower bound and catalogue key, lowest first.
PROGRESS_CLASSES = ((0.0, "p0"), (0.25, "p25"), (0.50, "p50"), (0.75, "p75"), (1.0, "p100"))
# Red → blue diverging scheme (ColorBrewer RdYlBu): readable for red-green colour blindness
# and ordered in lightness as well as hue, so it survives a washed-out projector.
PROGRESS_COLOURS = ("#d73027", "#fc8d59", "#fee090", "#91bfdb", "#4575b4")
# Status colours are the app's one palette (charts.palette): apart in lightness as well as hue.
# "No data" and "stale" are its two greys of clearly different lightness, named in the legend.
NO_DATA_COLOUR, STALE_COLOUR = STATUS_COLOURS["no_data"], STATUS_COLOURS["stale"]
STATUS_ORDER = ("on_track", "at_risk", "behind", "stale", "no_data")
# Selection parameter the page reads back from st.altair_chart(on_select="rerun").
SELECTION_NAME = "commune"
# Label points are rounded like the shapes: ~1 m is far finer than a pixel of the map.
LABEL_DECIMALS = 4
# Commune-kind words dropped from labels so names stay short on the map.
LABEL_PREFIXES = ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ")


def progress_class(progress: float | None) -> str:
    """Catalogue key suffix of the class a progress fraction falls in (p0 … p100)."""
    key = PROGRESS_CLASSES[0][1]
    for lower, name in PROGRESS_CLASSES:
        if progress is not None and not math.isnan(progress) and progress >= lower:
            key = name
    return key


def legend_scale(colour_by: str, lang: str) -> tuple[list[str], list[str]]:
    """Legend labels (the colour domain, in order) and their colours."""
    if colour_by == "status":
        labels = [translate(f"status.{s}", lang) for s in STATUS_ORDER]
        colours = [STATUS_COLOURS[status] for status in STATUS_ORDER]
        return labels, colours
    labels = [translate(f"map.class.{key}", lang) for _, key in PROGRESS_CLASSES]
    labels += [translate("status.stale", lang), translate("status.no_data", lang)]
    return labels, [*PROGRESS_COLOURS, STALE_COLOUR, NO_DATA_COLOUR]


def map_class(status: str, progress: float | None, colour_by: str, lang: str) -> str:
    """The legend label a commune is coloured by: its status, or its progress class."""
    if colour_by == "status" or status in ("stale", "no_data"):
        return translate(f"status.{status}", lang)
    return translate(f"map.class.{progress_class(progress)}", lang)


def _label_name(name: str) -> str:
    for prefix in LABEL_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def compute_map_rows(
    shapes: pd.DataFrame, board: pd.DataFrame, *, colour_by: str, lang: str
) -> list[dict[str, Any]]:
    """One row per commune with a shape: its geometry plus the few properties the map shows.

    `shapes` has code, name, kind, boundary (fetch_child_boundaries); `board` has one row per
    commune for the chosen indicator (load_commune_board): commune_code, unit, value, target,
    progress, status, last_report. Texts are formatted here so the browser gets short strings.
    """
    by_code = board.set_index("commune_code").to_dict("index") if not board.empty else {}
    rows = []
    for item in shapes.itertuples(index=False):
        if not isinstance(item.boundary, str) or not item.boundary:
            continue  # no shape stored (None, or NaN once pandas has touched the column)
        geometry = json.loads(item.boundary)
        point = shapely.get_coordinates(shape(geometry).representative_point())[0]
        facts = by_code.get(item.code, {})
        status = facts.get("status", "no_data")
        progress = _number(facts.get("progress"))
        unit = facts.get("unit", "percent")
        rows.append(
            {
                # A GeoJSON Feature whose properties sit beside its geometry: d3 draws the
                # geometry, and Vega-Lite reads the flat fields without a "properties." prefix.
                "type": "Feature",
                "code": item.code,
                "name": item.name,
                "label": _label_name(item.name),
                "kind": translate(f"kind.{item.kind}", lang),
                "value": format_value(_number(facts.get("value")), unit, lang),
                "target": format_value(_number(facts.get("target")), unit, lang),
                "progress": format_percent(None if progress is None else 100 * progress, lang),
                "status": translate(f"status.{status}", lang),
                "as_of": format_date(facts.get("last_report"), lang),
                "class": map_class(status, progress, colour_by, lang),
                "lon": round(float(point[0]), LABEL_DECIMALS),
                "lat": round(float(point[1]), LABEL_DECIMALS),
                "geometry": geometry,
            }
        )
    return rows


def commune_map_chart(
    rows: list[dict[str, Any]],
    *,
    colour_by: str,
    lang: str,
    chosen_codes: tuple[str, ...] = (),
    labels: bool = False,
    height: int = 640,
) -> alt.LayerChart:
    """Choropleth of communes with tooltips, chosen communes outlined and a click selection."""
    domain, colours = legend_scale(colour_by, lang)
    tooltip = [
        alt.Tooltip(f"{field}:N", title=translate(f"map.tooltip.{field}", lang))
        for field in ("name", "kind", "value", "target", "progress", "status", "as_of")
    ]
    pick = alt.selection_point(name=SELECTION_NAME, fields=["code"], on="click", toggle=False)
    title = translate("map.by_status" if colour_by == "status" else "map.by_progress", lang)
    base = alt.Chart()
    fills = (
        base.mark_geoshape(stroke="white", strokeWidth=0.6, cursor="pointer")
        .encode(
            color=alt.Color(
                "class:N",
                scale=alt.Scale(domain=domain, range=colours),
                legend=alt.Legend(
                    title=title,
                    orient="left",
                    labelFontSize=15,
                    titleFontSize=15,
                    symbolSize=300,
                    labelLimit=260,
                    titleLimit=300,
                    labelColor="#222",
                    titleColor="#222",
                ),
            ),
            tooltip=tooltip,
        )
        .add_params(pick)
    )
    layers: list[alt.Chart] = [fills]
    if chosen_codes:
        layers.append(
            base.mark_geoshape(fill=None, stroke="black", strokeWidth=3).transform_filter(
                alt.FieldOneOfPredicate(field="code", oneOf=list(chosen_codes))
            )
        )
    if labels:
        # Dense areas keep only the labels that fit (charts.map_labels).
        named = readable_labels(rows, height=height)
        text = base.encode(longitude="lon:Q", latitude="lat:Q", text="label:N").transform_filter(
            alt.FieldOneOfPredicate(field="code", oneOf=named)
        )
        layers.append(text.mark_text(fontSize=11, stroke="white", strokeWidth=3, opacity=0.8))
        layers.append(text.mark_text(fontSize=11, fontWeight="bold", color="#111"))
    return (
        alt.layer(*layers, data=alt.Data(values=rows))
        .project(type="mercator")
        .properties(height=height, width="container")
        .configure_view(stroke=None)
    )


def village_map_chart(rows: list[dict[str, Any]], *, lang: str, height: int = 320) -> alt.Chart:
    """Outline map of one commune's villages that have shapes, named in the tooltip."""
    tooltip = [
        alt.Tooltip("name:N", title=translate("map.village_name", lang)),
        alt.Tooltip("kind:N", title=translate("map.tooltip.kind", lang)),
    ]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_geoshape(fill="#91bfdb", stroke="white", strokeWidth=1)
        .encode(tooltip=tooltip)
        .project(type="mercator")
        .properties(height=height, width="container")
        .configure_view(stroke=None)
    )
