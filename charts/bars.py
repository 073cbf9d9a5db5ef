"""Horizontal progress bars for target groups (province, or commune by commune).

Each row reads top to bottom: the name (a "|" in the label starts its next line), the value
text on its own line, then the bar across the chart's whole width. Nothing sits to the right of
a bar or left of it, so nothing is cut off on a narrow screen: on a phone, a laptop or a
projector the bars get the full width and the text the full line.
"""

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

AXIS_MAX_PCT = 100  # of the population: a bar over 100 % is drawn full, not past the axis
LINE_HEIGHT_PX = 19  # one line of text at LABEL_FONT_SIZE
BAR_SIZE_PX = 20
# The space above a row's name and below its bar, so rows do not run into each other.
ROW_PADDING_PX = 6
TEXT_GAP_PX = 2  # between the value line and its bar
MARKER_COLOUR = "#4d4d4d"
NAME_WEIGHT = 600
# A chart narrower than this (a phone) writes its text at NARROW_FONT_SIZE.
NARROW_PX = 420
NARROW_FONT_SIZE = 13
# Around the chart; on the right, room for half a diamond or tick at 100 %.
PADDING = {"left": 5, "top": 5, "bottom": 5, "right": 12}


def row_height(label_lines: int, bar_size: int = BAR_SIZE_PX) -> int:
    """The height of one row: its name's lines and the value line above a bar."""
    return ROW_PADDING_PX * 2 + LINE_HEIGHT_PX * (label_lines + 1) + TEXT_GAP_PX + bar_size


def _rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows as drawn (marker positions clipped to the axis, names line by line) and the
    most lines a name has."""
    data = frame.reset_index(drop=True)
    data["bar"] = data["percent"].astype(float).clip(0, AXIS_MAX_PCT)
    data["expected_at"] = data["expected"].astype(float).clip(0, AXIS_MAX_PCT)
    data["target_at"] = data["target"].astype(float).clip(0, AXIS_MAX_PCT)
    parts = [str(label).split("|") for label in data["label"]]
    lines = max((len(p) for p in parts), default=1)
    # One column per line of the names, counted up from the value line: a name's last line
    # sits right on its value line, however many lines the name has.
    for above in range(lines):
        data[f"name_{above}"] = [p[-1 - above] if above < len(p) else "" for p in parts]
    return data, lines


def reach_bars_chart(
    frame: pd.DataFrame, *, x_title: str, lang: str, bar_size: int = BAR_SIZE_PX
) -> alt.LayerChart:
    """One row per row of `frame`, in its order: the name, the text, then the bar coloured by
    status.

    `frame` has label (a "|" starts a second line), percent, expected and target (percent, NaN
    where none), status and text. A black tick marks where the pace line says the bar should be
    today; a grey diamond marks the stage target.
    """
    data, lines = _rows(frame)
    step = row_height(lines, bar_size)
    # Offsets from the middle of a row (where Vega-Lite puts a mark) to each part of it.
    name_top = -step / 2 + ROW_PADDING_PX
    text_top = name_top + LINE_HEIGHT_PX * lines
    bar_middle = text_top + LINE_HEIGHT_PX + TEXT_GAP_PX + bar_size / 2
    y = alt.Y(
        "label:N",
        sort=list(data["label"]),
        title=None,
        axis=None,
        scale=alt.Scale(paddingInner=0, paddingOuter=0),
    )
    x_scale = alt.Scale(domain=[0, AXIS_MAX_PCT], nice=False)
    x_axis = alt.Axis(values=list(range(0, AXIS_MAX_PCT + 1, 20)), title=x_title, **AXIS_STYLE)
    base = alt.Chart(data).encode(y=y)
    bars = base.mark_bar(
        size=bar_size, yOffset=bar_middle, stroke=VALUE_COLOUR, strokeWidth=0.5
    ).encode(
        x=alt.X("bar:Q", scale=x_scale, axis=x_axis),
        color=alt.Color("status:N", scale=alt.Scale(**status_scale()), legend=None),
    )
    expected = base.mark_tick(
        color=VALUE_COLOUR, thickness=3, size=bar_size + 8, yOffset=bar_middle
    ).encode(x=alt.X("expected_at:Q", scale=x_scale))
    target = base.mark_point(
        shape="diamond", filled=True, size=140, color=MARKER_COLOUR, yOffset=bar_middle
    ).encode(x=alt.X("target_at:Q", scale=x_scale))
    # On a phone the text is a little smaller, so a commune's whole line fits; a text longer
    # than the chart still ends in "…" (`limit`) instead of being cut in the middle of a letter.
    size = f"width < {NARROW_PX} ? {NARROW_FONT_SIZE} : {LABEL_FONT_SIZE}"
    words = {"align": "left", "baseline": "top", "fontSize": {"expr": size}, "x": 0}
    words |= {"lineHeight": LINE_HEIGHT_PX, "limit": {"expr": f"width + {PADDING['right']}"}}
    names = [
        base.mark_text(
            **words,
            dy=text_top - LINE_HEIGHT_PX * (above + 1),
            fontWeight=NAME_WEIGHT,
            color=VALUE_COLOUR,
        ).encode(text=f"name_{above}:N")
        for above in range(lines)
    ]
    text = base.mark_text(**words, dy=text_top).encode(text="text:N")
    return (
        alt.layer(bars, expected, target, text, *names)
        # A fixed step per row: fitting the chart's height to a container would squeeze the
        # rows under their own text.
        .properties(height=alt.Step(step), padding=PADDING)
        .configure(**chart_config(lang))
    )
