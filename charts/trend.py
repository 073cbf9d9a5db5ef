"""The trend of one indicator against its pace line, with target, deadline and projected finish."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from charts.palette import (
    ACTUAL_COLOUR,
    AXIS_STYLE,
    DATE_FORMATS,
    LABEL_FONT_SIZE,
    LEGEND_STYLE,
    PACE_COLOUR,
    chart_config,
)

TREND_HEIGHT = 380
EVENT_LINE_PX = 22  # one label line at LABEL_FONT_SIZE plus spacing


def _iso(day: date) -> str:
    return day.isoformat()


def indicator_trend_chart(
    points: pd.DataFrame,
    *,
    pace: pd.DataFrame,
    target: tuple[float, str],
    events: pd.DataFrame,
    titles: dict[str, str],
    lang: str,
    height: int = TREND_HEIGHT,
) -> alt.LayerChart:
    """Actual values (line and points) over the pace line, with labelled rules.

    `points`: report_date, value. `pace`: date, value (baseline at the stage start, target at
    the deadline). `target`: its value and label. `events`: date, text, kind (deadline,
    projected, as_of) for labelled vertical rules. `titles`: x, y, value, pace legend names.
    Dates are drawn in UTC so a day never shifts with the viewer's time zone.
    """
    date_format = DATE_FORMATS[lang]
    x_scale = alt.Scale(type="utc")
    series = pd.concat(
        [
            pd.DataFrame(
                {
                    "date": points["report_date"].map(_iso),
                    "value": points["value"].astype(float),
                    "series": titles["value"],
                }
            ),
            pd.DataFrame(
                {
                    "date": pace["date"].map(_iso),
                    "value": pace["value"].astype(float),
                    "series": titles["pace"],
                }
            ),
        ],
        ignore_index=True,
    )
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(
            domain=[titles["value"], titles["pace"]],
            range=[ACTUAL_COLOUR, PACE_COLOUR],
        ),
        legend=alt.Legend(orient="top", symbolStrokeWidth=4, **LEGEND_STYLE),
    )
    x = alt.X(
        "date:T", title=titles["x"], scale=x_scale, axis=alt.Axis(format=date_format, **AXIS_STYLE)
    )
    y = alt.Y("value:Q", title=titles["y"], scale=alt.Scale(zero=True), axis=alt.Axis(**AXIS_STYLE))
    lines = (
        alt.Chart(series)
        .mark_line(strokeWidth=3)
        .encode(
            x=x,
            y=y,
            color=colour,
            strokeDash=alt.StrokeDash(
                "series:N",
                scale=alt.Scale(domain=[titles["value"], titles["pace"]], range=[[1, 0], [8, 6]]),
                legend=None,
            ),
        )
    )
    dots = (
        alt.Chart(series[series["series"] == titles["value"]])
        .mark_circle(size=60, color=ACTUAL_COLOUR)
        .encode(x=x, y=y)
    )
    target_frame = pd.DataFrame({"value": [float(target[0])], "text": [target[1]]})
    target_rule = (
        alt.Chart(target_frame)
        .mark_rule(color=PACE_COLOUR, strokeDash=[2, 2], strokeWidth=2)
        .encode(y="value:Q")
    )
    target_text = (
        alt.Chart(target_frame)
        .mark_text(align="left", baseline="bottom", dx=4, dy=-4, fontSize=LABEL_FONT_SIZE)
        .encode(y="value:Q", x=alt.value(0), text="text:N")
    )
    # One text line per event, stacked from the top, so close dates never print over each other;
    # a mark in the left half of the chart writes to its right, so its label stays inside.
    every_date = [*points["report_date"], *pace["date"], *events["date"]]
    middle = min(every_date) + (max(every_date) - min(every_date)) / 2
    event_frame = events.assign(
        date=events["date"].map(_iso),
        offset=[6 + EVENT_LINE_PX * i for i in range(len(events))],
        side=["left" if day < middle else "right" for day in events["date"]],
    )
    event_rules = (
        alt.Chart(event_frame)
        .mark_rule(strokeWidth=2)
        .encode(
            x=alt.X("date:T", scale=x_scale),
            color=alt.value(PACE_COLOUR),
            strokeDash=alt.StrokeDash(
                "kind:N",
                scale=alt.Scale(
                    domain=["deadline", "projected", "as_of"], range=[[1, 0], [6, 4], [2, 2]]
                ),
                legend=None,
            ),
        )
    )

    def event_labels(side: str) -> alt.Chart:
        # Labels right of a mark start at it ("left"-aligned), the others end at it.
        return (
            alt.Chart(event_frame[event_frame["side"] == side])
            .mark_text(
                align=side,
                baseline="top",
                dx=6 if side == "left" else -6,
                fontSize=LABEL_FONT_SIZE,
            )
            .encode(
                x=alt.X("date:T", scale=x_scale),
                y=alt.Y("offset:Q", scale=None, axis=None),
                text="text:N",
            )
        )

    return (
        alt.layer(
            lines,
            dots,
            target_rule,
            target_text,
            event_rules,
            event_labels("left"),
            event_labels("right"),
        )
        .properties(height=height)
        .configure(**chart_config(lang))
    )
