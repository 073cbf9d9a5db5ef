"""One indicator for a Scope: its value, trend against the pace line, forecast and communes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from campaign.forecast import (
    Forecast,
    chart_horizon,
    compute_forecast,
    pace_points,
    stage_points,
)
from figures.boards import commune_board, history, indicator_board
from figures.committee import narrow
from figures.reader import Reader, figure
from figures.scope import Scope


@dataclass(frozen=True)
class IndicatorView:
    """Everything the indicators page shows of one indicator."""

    current: pd.Series  # the indicator's row of the scope's indicator board
    points: pd.DataFrame  # report_date, value: the stage's trend
    pace: pd.DataFrame  # date, value: the pace line's two ends
    forecast: Forecast
    horizon: date  # the last date the trend chart shows
    communes: pd.DataFrame  # the scope's communes' board rows, weakest progress first


@figure
def indicator_view(reader: Reader, scope: Scope, code: str) -> IndicatorView:
    """The scope's view of indicator `code` (one of figures.boards.stage_indicators)."""
    stage = scope.stage
    current = indicator_board(reader, scope).set_index("code").loc[code]
    points = stage_points(history(reader, scope, [code]), start=stage.start_date)
    forecast = compute_forecast(
        points,
        target=current["target"],
        deadline=stage.deadline,
        as_of=scope.as_of,
        direction=current["direction"],
    )
    pace = pace_points(
        start=stage.start_date,
        deadline=stage.deadline,
        baseline=current["baseline"],
        target=current["target"],
    )
    board = narrow(commune_board(reader, scope), scope)
    rows = board[board["indicator_code"] == code]
    rows = rows.sort_values(["progress", "commune_code"], na_position="last")
    return IndicatorView(
        current=current,
        points=points,
        pace=pace,
        forecast=forecast,
        horizon=chart_horizon(start=stage.start_date, deadline=stage.deadline),
        communes=rows.reset_index(drop=True),
    )
