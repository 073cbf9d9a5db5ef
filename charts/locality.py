"""Small charts of the locality page: trend lines and target-group bars."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from charts.palette import ACTUAL_COLOUR, PACE_COLOUR, VALUE_COLOUR
from i18n import translate
from i18n.formats import format_date, format_number, format_percent, format_value

# Tall enough to read a slope, short enough for ten tiles on one 1080-pixel screen.
SPARKLINE_HEIGHT = 56
# One bar per target group, with room for its name on the left at projector size.
GROUP_BAR_HEIGHT = 34
GROUP_LABEL_WIDTH = 260


def trend_chart(
    trend: pd.DataFrame,
    *,
    unit: str,
    baseline: float,
    target: float,
    start: date,
    deadline: date,
    as_of: date,
    lang: str,
) -> alt.Chart:
    """Sparkline of one indicator's value since the stage start, with its dashed pace line."""
    end = max(min(as_of, deadline), start)
    span = max((deadline - start).days, 1)
    expected_end = baseline + (target - baseline) * (end - start).days / span
    pace = pd.DataFrame(
        {"report_date": [start.isoformat(), end.isoformat()], "value": [baseline, expected_end]}
    )
    # Tooltips show text written in the reader's language, not Vega's English number format.
    values = trend.assign(
        report_date=[d.isoformat() for d in trend["report_date"]],
        date_text=[format_date(d, lang) for d in trend["report_date"]],
        value_text=[format_value(v, unit, lang) for v in trend["value"]],
    )
    x = alt.X(
        "report_date:T",
        axis=None,
        scale=alt.Scale(domain=[start.isoformat(), end.isoformat()]),
    )
    y = alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False))
    date_title = translate("locality.trend_date", lang)
    value_title = translate("common.value", lang)
    line = (
        alt.Chart(values)
        .mark_line(color=ACTUAL_COLOUR, strokeWidth=2.5, point=alt.OverlayMarkDef(size=12))
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("date_text:N", title=date_title),
                alt.Tooltip("value_text:N", title=value_title),
            ],
        )
    )
    pace_line = (
        alt.Chart(pace)
        .mark_line(color=PACE_COLOUR, strokeDash=[4, 3], strokeWidth=1.5)
        .encode(x=x, y=y)
    )
    return (pace_line + line).properties(height=SPARKLINE_HEIGHT, width="container")


def target_group_chart(groups: pd.DataFrame, *, lang: str) -> alt.Chart:
    """Horizontal bars: % of each target group reached, with a tick at the group's goal.

    `groups` has name_vi, name_en, reached, population, goal_pct (fetch_target_group_totals).
    """
    frame = groups.assign(
        group=groups[f"name_{lang}"],
        share=[
            100.0 * r / p if p and p > 0 else None
            for r, p in zip(groups["reached"], groups["population"], strict=True)
        ],
    )[["group", "share", "goal_pct", "reached", "population"]]
    frame = frame.assign(
        share_text=[format_percent(v, lang) for v in frame["share"]],
        reached_text=[format_number(v, lang) for v in frame["reached"]],
        population_text=[format_number(v, lang) for v in frame["population"]],
        goal_text=[format_percent(v, lang, decimals=0) for v in frame["goal_pct"]],
    )
    order = list(frame["group"])
    y = alt.Y(
        "group:N",
        sort=order,
        title=None,
        axis=alt.Axis(labelLimit=GROUP_LABEL_WIDTH, labelFontSize=13),
        scale=alt.Scale(paddingInner=0.35),
    )
    x = alt.X(
        "share:Q",
        title=translate("locality.reached_pct", lang),
        scale=alt.Scale(domain=[0, 100]),
    )
    tooltip = [
        alt.Tooltip("group:N", title=translate("locality.target_group", lang)),
        alt.Tooltip("share_text:N", title=translate("locality.reached_pct", lang)),
        alt.Tooltip("reached_text:N", title=translate("locality.reached", lang)),
        alt.Tooltip("population_text:N", title=translate("locality.population", lang)),
        alt.Tooltip("goal_text:N", title=translate("locality.goal", lang)),
    ]
    base = alt.Chart(frame)
    bars = base.mark_bar(color=ACTUAL_COLOUR).encode(x=x, y=y, tooltip=tooltip)
    labels = base.mark_text(align="left", dx=4, fontSize=14).encode(x=x, y=y, text="share_text:N")
    goals = base.mark_tick(color=VALUE_COLOUR, thickness=3, size=GROUP_BAR_HEIGHT - 6).encode(
        x="goal_pct:Q", y=y, tooltip=tooltip
    )
    return (bars + labels + goals).properties(height=alt.Step(GROUP_BAR_HEIGHT))
