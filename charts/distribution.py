"""How the communes spread on one indicator: status counts and a histogram of progress."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.palette import (
    AXIS_STYLE,
    LABEL_FONT_SIZE,
    LEGEND_STYLE,
    VALUE_COLOUR,
    chart_config,
    status_scale,
)

# Progress above this share of target is drawn in the last bin: over-achievers stay visible
# without stretching the axis.
PROGRESS_CAP_PCT = 120
PROGRESS_BIN_PCT = 10
# The room one status takes in a legend row (symbol, label and gap) at LEGEND_STYLE's size.
LEGEND_ENTRY_PX = 170


def status_counts_chart(counts: pd.DataFrame, *, title: str, lang: str) -> alt.Chart:
    """Horizontal bars, one per status: `counts` has status, label (symbol and word), count."""
    order = list(counts["label"])
    base = alt.Chart(counts).encode(
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=260, **AXIS_STYLE)),
        x=alt.X("count:Q", title=title, axis=alt.Axis(tickMinStep=1, **AXIS_STYLE)),
    )
    bars = base.mark_bar(stroke=VALUE_COLOUR, strokeWidth=0.5).encode(
        color=alt.Color("status:N", scale=alt.Scale(**status_scale(list(counts["status"])))).legend(
            None
        )
    )
    text = base.mark_text(align="left", dx=6, fontSize=LABEL_FONT_SIZE, fontWeight="bold").encode(
        text="count:Q"
    )
    height = 44 * max(len(counts), 1)
    return alt.layer(bars, text).properties(height=height).configure(**chart_config(lang))


def progress_histogram_chart(
    frame: pd.DataFrame, *, titles: dict[str, str], lang: str, height: int = 260
) -> alt.Chart:
    """Communes per band of progress-to-target (percent), stacked and coloured by status.

    `frame` has progress (a fraction), status and status_label. `titles`: x, y, legend.
    """
    data = frame.assign(
        progress_pct=(frame["progress"].astype(float) * 100).clip(0, PROGRESS_CAP_PCT - 0.001)
    )
    present = [s for s in status_scale()["domain"] if s in set(data["status"])]
    labels = dict(zip(data["status"], data["status_label"], strict=False))
    colour = alt.Color(
        "status_label:N",
        title=titles["legend"],
        scale=alt.Scale(domain=[labels[s] for s in present], range=status_scale(present)["range"]),
        # As many entries a row as the chart's width holds: on a phone they take two or three
        # rows instead of running past the screen's edge.
        legend=alt.Legend(
            orient="top",
            columns={"expr": f"max(1, floor(width / {LEGEND_ENTRY_PX}))"},
            **LEGEND_STYLE,
        ),
    )
    return (
        alt.Chart(data)
        .mark_bar(binSpacing=2)
        .encode(
            x=alt.X(
                "progress_pct:Q",
                bin=alt.Bin(extent=[0, PROGRESS_CAP_PCT], step=PROGRESS_BIN_PCT),
                title=titles["x"],
            ),
            y=alt.Y("count():Q", title=titles["y"], axis=alt.Axis(tickMinStep=1, **AXIS_STYLE)),
            color=colour,
            order=alt.Order("status_order:Q"),
        )
        .transform_calculate(
            status_order=f"indexof({present!r}, datum.status)",
        )
        .properties(height=height)
        .configure(**chart_config(lang))
    )
