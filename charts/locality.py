"""The locality page's target-group bars (its trend lines are charts.sparkline)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.palette import ACTUAL_COLOUR, VALUE_COLOUR
from i18n import translate
from i18n.formats import format_number, format_percent

# One bar per target group, with room for its name on the left at projector size.
GROUP_BAR_HEIGHT = 34
GROUP_LABEL_WIDTH = 260


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
