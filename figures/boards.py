"""Indicator boards for a Scope: each indicator for the scope, and each commune × indicator.

The targets that apply are campaign.targets' rule: the province's for the province, a commune's
own row or its share of the province's for a commune, a cluster's sum for several communes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from campaign.changes import compute_history_values
from campaign.scoreboard import compute_commune_board, compute_indicator_board
from campaign.targets import (
    compute_cluster_targets,
    compute_commune_targets,
    compute_population_shares,
)
from data_access.catalog import fetch_stage_indicators
from data_access.history import fetch_indicator_history
from data_access.populations import fetch_commune_populations
from data_access.progress import fetch_commune_reports, fetch_indicator_totals
from figures.reader import Reader, figure
from figures.scope import Scope

# What a commune board is built from: the commune, its latest report and the targets that apply.
COMMUNE_TARGET_COLUMNS = (
    "commune_code",
    "commune_name",
    "commune_kind",
    "indicator_code",
    "report_date",
    "numerator",
    "denominator",
    "baseline",
    "target",
    "target_source",
)


def judging(scope: Scope) -> dict[str, Any]:
    """The keyword arguments every judgement of the scope takes (pace window, staleness)."""
    return {
        "start_date": scope.stage.start_date,
        "deadline": scope.stage.deadline,
        "as_of": scope.as_of,
        "stale_after_days": scope.stale_after_days,
        "at_risk_margin": scope.at_risk_margin,
    }


def stage_indicators(reader: Reader, scope: Scope) -> pd.DataFrame:
    """The stage's indicators of the scope's agencies, with the province targets, in display
    order (columns of data_access.catalog.fetch_stage_indicators)."""
    return reader.read(
        fetch_stage_indicators,
        stage_id=scope.stage_id,
        agency_codes=None if scope.agency_codes is None else list(scope.agency_codes),
    )


@figure
def population_shares(reader: Reader, scope: Scope) -> pd.DataFrame:
    """Each commune's share of the province's population behind each indicator's count."""
    every = reader.read(fetch_stage_indicators, stage_id=scope.stage_id, agency_codes=None)
    populations = reader.read(fetch_commune_populations, stage_id=scope.stage_id, as_of=scope.as_of)
    return compute_population_shares(every, populations)


@figure
def commune_board(reader: Reader, scope: Scope) -> pd.DataFrame:
    """Every commune the user may see × the scope's indicators, each judged on its own targets
    (campaign.scoreboard.compute_commune_board columns plus target_source)."""
    board = ranking_board(reader, scope)
    if scope.allowed_communes is None:
        return board
    return board[board["commune_code"].isin(scope.allowed_communes)].reset_index(drop=True)


def ranking_board(reader: Reader, scope: Scope) -> pd.DataFrame:
    """Every commune of the province × the scope's indicators: what ranks are computed over.

    Only for ranking (a commune's rank is its place among all communes); what is shown from
    it is narrowed to the scope by the caller (figures.committee.ranking). It depends on the
    stage, date, agencies and judging only, so every scope of those shares one.
    """
    every = replace(scope, commune_codes=(), village_code=None, allowed_communes=None)
    return _province_board(reader, every)


@figure
def _province_board(reader: Reader, scope: Scope) -> pd.DataFrame:
    rows = reader.read(
        fetch_commune_reports,
        stage_id=scope.stage_id,
        as_of=scope.as_of,
        start_date=scope.stage.start_date,
    )
    targeted = compute_commune_targets(rows, population_shares(reader, scope))
    return compute_commune_board(
        stage_indicators(reader, scope), targeted[list(COMMUNE_TARGET_COLUMNS)], **judging(scope)
    )


def _scope_targets(reader: Reader, scope: Scope, indicators: pd.DataFrame) -> pd.DataFrame:
    """The indicators with the baseline and target that apply to the scope's communes."""
    if scope.is_province:
        return indicators
    if len(scope.commune_codes) == 1:
        board = commune_board(reader, scope)
        own = board[board["commune_code"] == scope.commune_codes[0]]
        own = own.set_index("indicator_code")[["baseline", "target"]]
        return indicators.drop(columns=["baseline", "target"]).join(own, on="code")
    start = reader.read(
        fetch_indicator_totals,
        stage_id=scope.stage_id,
        as_of=scope.stage.start_date,
        period_days=scope.stage.period_days,
        commune_codes=list(scope.commune_codes),
    )
    shares = population_shares(reader, scope)
    return compute_cluster_targets(indicators, shares, start, scope.commune_codes)


@figure
def indicator_board(reader: Reader, scope: Scope) -> pd.DataFrame:
    """One row per indicator of the scope: Σnumerator / Σdenominator over its communes, judged
    against the targets that apply to them (campaign.scoreboard.compute_indicator_board)."""
    indicators = stage_indicators(reader, scope)
    totals = reader.read(
        fetch_indicator_totals,
        stage_id=scope.stage_id,
        as_of=scope.as_of,
        period_days=scope.stage.period_days,
        commune_codes=scope.commune_filter,
    )
    scoped = _scope_targets(reader, scope, indicators)
    return compute_indicator_board(scoped, totals, **judging(scope))


@figure
def history(reader: Reader, scope: Scope, indicator_codes: list[str] | None = None) -> pd.DataFrame:
    """The scope's exact value per indicator and report date up to as-of
    (data_access.history.fetch_indicator_history plus unit and value)."""
    rows = reader.read(
        fetch_indicator_history,
        stage_id=scope.stage_id,
        as_of=scope.as_of,
        commune_codes=scope.commune_filter,
        indicator_codes=indicator_codes,
    )
    return compute_history_values(rows, stage_indicators(reader, scope))
