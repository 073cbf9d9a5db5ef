"""Reporting completeness for a Scope: which communes reported, and which are late."""

from __future__ import annotations

import pandas as pd

from data_access.completeness import fetch_commune_completeness, fetch_period_completeness
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
