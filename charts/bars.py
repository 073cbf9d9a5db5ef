"""Horizontal progress bars for target groups (province, or commune by commune)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.palette import (
    AXIS_STYLE,
    LABEL_FONT_SIZE,
    VALUE_COLOUR,
    chart_config,
    status_scale,
)

# The axis runs to 100% of the population; the space to the right holds each bar's text, so
# nothing needs hovering to be read.
AXIS_MAX_PCT = 100
TEXT_ROOM_PCT = 55
ROW_HEIGHT_PX = 34
LINE_HEIGHT_PX = 18  # one line of a wrapped axis label
BAR_SIZE_PX = 22
MARKER_COLOUR = "#4d4d4d"


def reach_bars_chart(
    frame: pd.DataFrame, *, x_title: str, lang: str, row_height: int = ROW_HEIGHT_PX
) -> alt.LayerChart:
    """One bar per row of `frame`, in its order, coloured by status and labelled at its end.

    `frame` has label (a "|" starts a second line), percent, expected and target (percent, NaN
    where none), status and text. A black tick marks where the pace line says the bar should be
    today; a grey diamond marks the stage target.
    """
    data = frame.reset_index(drop=True)
    data["bar"] = data["percent"].astype(float).clip(0, AXIS_MAX_PCT)
    ends = data[["bar", "expected", "target"]].astype(float).clip(upper=AXIS_MAX_PCT)
    data["text_at"] = ends.max(axis=1, skipna=True).fillna(0)
    data["expected_at"] = data["expected"].astype(float).clip(0, AXIS_MAX_PCT)
    data["target_at"] = data["target"].astype(float).clip(0, AXIS_MAX_PCT)
    y = alt.Y(
        "label:N",
        sort=list(data["label"]),
        title=None,
        axis=alt.Axis(
            labelExpr="split(datum.label, '|')",
            labelLimit=320,
            labelPadding=8,
            labelOverlap=False,
            **AXIS_STYLE,
        ),
    )
    x_scale = alt.Scale(domain=[0, AXIS_MAX_PCT + TEXT_ROOM_PCT], nice=False)
    x_axis = alt.Axis(values=list(range(0, AXIS_MAX_PCT + 1, 20)), title=x_title, **AXIS_STYLE)
    base = alt.Chart(data).encode(y=y)
    bars = base.mark_bar(size=BAR_SIZE_PX, stroke=VALUE_COLOUR, strokeWidth=0.5).encode(
        x=alt.X("bar:Q", scale=x_scale, axis=x_axis),
        color=alt.Color("status:N", scale=alt.Scale(**status_scale()), legend=None),
    )
    expected = base.mark_tick(color=VALUE_COLOUR, thickness=3, size=BAR_SIZE_PX + 8).encode(
        x=alt.X("expected_at:Q", scale=x_scale)
    )
    target = base.mark_point(shape="diamond", filled=True, size=140, color=MARKER_COLOUR).encode(
        x=alt.X("target_at:Q", scale=x_scale)
    )
    text = base.mark_text(align="left", dx=10, fontSize=LABEL_FONT_SIZE).encode(
        x=alt.X("text_at:Q", scale=x_scale), text="text:N"
    )
    lines = max((str(label).count("|") + 1 for label in data["label"]), default=1)
    height = max(row_height, LINE_HEIGHT_PX * lines + 10) * max(len(data), 1)
    return (
        alt.layer(bars, expected, target, text)
        .properties(height=height)
        .configure(**chart_config(lang))
    )
