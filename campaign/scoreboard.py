"""Assemble indicator boards: values, pace, progress and status for a province or its communes."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from campaign.metrics import AT_RISK_MARGIN, compute_status_frame


def compute_values(numerator: pd.Series, denominator: pd.Series, unit: pd.Series) -> pd.Series:
    """Vectorised compute_value: 100·Σnum/Σden for percent rows, the numerator for counts."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = 100.0 * numerator.astype(float) / denominator.astype(float)
    ratio = ratio.where(denominator.astype(float) > 0)
    return pd.Series(np.where(unit == "percent", ratio, numerator.astype(float)), index=unit.index)


def _judge(
    frame: pd.DataFrame,
    *,
    start_date: date,
    deadline: date,
    as_of: date,
    stale_after_days: int,
    margin: float,
) -> pd.DataFrame:
    frame = frame.assign(
        start_date=start_date, deadline=deadline, stale_after_days=stale_after_days
    )
    return compute_status_frame(frame, as_of=as_of, at_risk_margin=margin)


def compute_indicator_board(
    indicators: pd.DataFrame,
    totals: pd.DataFrame,
    *,
    start_date: date,
    deadline: date,
    as_of: date,
    stale_after_days: int,
    at_risk_margin: float = AT_RISK_MARGIN,
) -> pd.DataFrame:
    """One row per stage indicator for a group of communes.

    `indicators` comes from fetch_stage_indicators, `totals` from fetch_indicator_totals. Adds
    value, expected, progress, status and last_report to the indicator columns.
    """
    board = indicators.merge(
        totals, left_on="code", right_on="indicator_code", how="left", validate="one_to_one"
    )
    board["value"] = compute_values(board["numerator"], board["denominator"], board["unit"])
    return _judge(
        board,
        start_date=start_date,
        deadline=deadline,
        as_of=as_of,
        stale_after_days=stale_after_days,
        margin=at_risk_margin,
    )


def compute_commune_board(
    indicators: pd.DataFrame,
    commune_reports: pd.DataFrame,
    *,
    start_date: date,
    deadline: date,
    as_of: date,
    stale_after_days: int,
    at_risk_margin: float = AT_RISK_MARGIN,
) -> pd.DataFrame:
    """One row per commune and stage indicator, from fetch_commune_reports.

    Keeps the commune columns and adds the indicator's unit, direction and names, value,
    expected, progress, status and last_report (= report_date).
    """
    meta = indicators[["code", "name_vi", "name_en", "unit", "direction", "agency_code"]]
    board = commune_reports.merge(
        meta.rename(columns={"code": "indicator_code"}), on="indicator_code", how="inner"
    )
    board["value"] = compute_values(board["numerator"], board["denominator"], board["unit"])
    board["last_report"] = board["report_date"]
    return _judge(
        board,
        start_date=start_date,
        deadline=deadline,
        as_of=as_of,
        stale_after_days=stale_after_days,
        margin=at_risk_margin,
    )
