"""Each indicator's progress to target as a horizontal bar, coloured by status, pace ticked."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from charts.palette import STATUS_COLOURS
from i18n import translate
from i18n.formats import status_word

# Bars stop here so one indicator far over target does not squash the others.
PROGRESS_AXIS_MAX = 120


def _clip_percent(progress: object) -> float | None:
    try:
        value = float(progress)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else min(max(100 * value, 0.0), PROGRESS_AXIS_MAX)


def progress_chart(board: pd.DataFrame, lang: str, *, width: int = 620) -> alt.LayerChart:
    """Horizontal bars of an indicator board: progress to target, status colour, pace ticks."""
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
