"""Reporting completeness for a Scope: which communes reported, and which are late."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data_access.completeness import (
    MISSING_STATE,
    fetch_commune_completeness,
    fetch_period_completeness,
    fetch_submission_completeness,
)
from data_access.reminders import fetch_focal_points
from figures.reader import Reader
from figures.scope import Scope


def commune_completeness(reader: Reader, scope: Scope) -> pd.DataFrame:
    """One row per commune of the scope, most overdue first
    (data_access.completeness.fetch_commune_completeness)."""
    rows = reader.read(
        fetch_commune_completeness,
        stage_id=scope.stage_id,
        as_of=scope.as_of,
        period_days=scope.stage.period_days,
    )
    if scope.is_province:
        return rows
    return rows[rows["commune_code"].isin(scope.commune_codes)].reset_index(drop=True)


def period_completeness(reader: Reader, scope: Scope) -> pd.DataFrame:
    """Communes that reported per recent period and indicator, over the whole province."""
    stage = scope.stage
    return reader.read(
        fetch_period_completeness,
        stage_id=stage.stage_id,
        as_of=scope.as_of,
        start_date=stage.start_date,
        deadline=stage.deadline,
        period_days=stage.period_days,
    )


def submission_completeness(reader: Reader, scope: Scope) -> pd.DataFrame:
    """Each commune of the scope in each recent period: approved, submitted or missing
    (data_access.completeness.fetch_submission_completeness), newest period first."""
    stage = scope.stage
    rows = reader.read(
        fetch_submission_completeness,
        stage_id=stage.stage_id,
        as_of=scope.as_of,
        start_date=stage.start_date,
        deadline=stage.deadline,
        period_days=stage.period_days,
    )
    if scope.is_province:
        return rows
    return rows[rows["commune_code"].isin(scope.commune_codes)].reset_index(drop=True)


def current_period_end(states: pd.DataFrame, as_of: date) -> date | None:
    """The newest period that has ended by `as_of` (the one communes are due to submit),
    else the newest period; None without periods."""
    if states.empty:
        return None
    ends = sorted(set(states["period_end"]), reverse=True)
    ended = [end for end in ends if end <= as_of]
    return ended[0] if ended else ends[0]


def reminders(reader: Reader, scope: Scope) -> tuple[date | None, pd.DataFrame]:
    """The current period's end and the scope's communes that have not submitted it, with
    their focal points. Columns: commune_code, commune_name, focal_name, focal_phone,
    focal_email."""
    states = submission_completeness(reader, scope)
    end = current_period_end(states, scope.as_of)
    owing = states[(states["period_end"] == end) & (states["state"] == MISSING_STATE)]
    focal = reader.read(fetch_focal_points, stage_id=scope.stage_id)
    rows = owing[["commune_code", "commune_name"]].merge(focal, on="commune_code", how="left")
    return end, rows.fillna("").reset_index(drop=True)
