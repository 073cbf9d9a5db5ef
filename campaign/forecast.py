"""One indicator's trend in the stage and where it is heading. Pure pandas, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from campaign.metrics import (
    compute_projected_finish,
    compute_recent_rate,
    compute_required_rate,
)


@dataclass(frozen=True)
class Forecast:
    """Recent rate and required rate (units per day) and the projected finish date."""

    rate: float | None
    required_rate: float | None
    projected_finish: date | None


def stage_points(history_values: pd.DataFrame, *, start: date) -> pd.DataFrame:
    """The report dates of the stage, led by the last one on or before its start (where the
    stage picked up), with their values: report_date, value."""
    ordered = history_values.sort_values("report_date")
    before = ordered[ordered["report_date"] <= start]
    first = before["report_date"].iloc[-1] if len(before) else start
    points = ordered[ordered["report_date"] >= first]
    return points[["report_date", "value"]].reset_index(drop=True)


def pace_points(*, start: date, deadline: date, baseline: float, target: float) -> pd.DataFrame:
    """The pace line's two ends: baseline at the stage start, target at the deadline."""
    return pd.DataFrame({"date": [start, deadline], "value": [float(baseline), float(target)]})


def compute_forecast(
    points: pd.DataFrame, *, target: float, deadline: date, as_of: date, direction: str
) -> Forecast:
    """Recent rate (campaign.metrics.compute_recent_rate), the finish it projects and the rate
    still required by the deadline, from the group's values up to as-of."""
    history = list(zip(points["report_date"], points["value"], strict=True))
    if not history:
        return Forecast(None, None, None)
    value = float(points["value"].iloc[-1])
    rate = compute_recent_rate(history, as_of=as_of)
    projected = compute_projected_finish(
        value=value, target=target, rate=rate, as_of=as_of, direction=direction
    )
    required = compute_required_rate(
        value=value, target=target, as_of=as_of, deadline=deadline, direction=direction
    )
    return Forecast(rate, required, projected)


def chart_horizon(*, start: date, deadline: date) -> date:
    """The last date a trend chart shows: the deadline plus half the stage again, so a finish
    projected a little late is drawn, and one years away does not flatten the chart."""
    return deadline + timedelta(days=max((deadline - start).days // 2, 1))
