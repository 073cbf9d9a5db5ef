"""Indicator boards for the current filters: cached queries plus the pure board math."""

from __future__ import annotations

from datetime import date

import pandas as pd

from campaign.scoreboard import compute_commune_board, compute_indicator_board
from data_access.catalog import fetch_stage_indicators
from data_access.history import fetch_target_group_totals
from data_access.progress import (
    fetch_commune_reports,
    fetch_indicator_totals,
    fetch_scope_indicators,
)
from ui.data import cached_query
from ui.filters import Filters


def load_stage_indicators(filters: Filters) -> pd.DataFrame:
    """The stage's indicators (of the chosen agency) with province targets."""
    return cached_query(
        fetch_stage_indicators, stage_id=filters.stage_id, agency_codes=filters.agency_filter
    )


def load_indicator_board(filters: Filters, *, as_of: date | None = None) -> pd.DataFrame:
    """One row per indicator for the chosen communes (or the province), with their targets."""
    as_of = as_of or filters.as_of
    totals = cached_query(
        fetch_indicator_totals,
        stage_id=filters.stage_id,
        as_of=as_of,
        commune_codes=filters.commune_filter,
    )
    indicators = cached_query(
        fetch_scope_indicators,
        stage_id=filters.stage_id,
        as_of=as_of,
        commune_codes=filters.commune_filter,
        agency_codes=filters.agency_filter,
    )
    return compute_indicator_board(
        indicators,
        totals,
        filters.stage,
        as_of=as_of,
        stale_after_days=filters.stale_after_days,
        at_risk_margin=filters.at_risk_margin,
    )


def load_commune_board(
    filters: Filters, *, commune_codes: list[str] | None = None, as_of: date | None = None
) -> pd.DataFrame:
    """One row per commune x indicator (default: every commune of the province)."""
    as_of = as_of or filters.as_of
    reports = cached_query(
        fetch_commune_reports,
        stage_id=filters.stage_id,
        as_of=as_of,
        commune_codes=commune_codes,
    )
    return compute_commune_board(
        load_stage_indicators(filters),
        reports,
        filters.stage,
        as_of=as_of,
        stale_after_days=filters.stale_after_days,
        at_risk_margin=filters.at_risk_margin,
    )


def load_group_totals(filters: Filters) -> pd.DataFrame:
    """Target-group reach over the chosen communes (fetch_target_group_totals); with an agency
    chosen, only the groups tied to that agency's indicators."""
    totals = cached_query(
        fetch_target_group_totals,
        stage_id=filters.stage_id,
        as_of=filters.as_of,
        commune_codes=filters.commune_filter,
    )
    if filters.agency_filter is None:
        return totals
    mine = set(load_stage_indicators(filters)["code"])
    return totals[totals["indicator_code"].isin(mine)].reset_index(drop=True)
