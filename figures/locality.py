"""The locality drill-down for a Scope of one commune, a cluster, or a village below a commune."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from campaign.locality import (
    compute_completeness,
    compute_period_grid,
    compute_trend,
    compute_village_table,
)
from campaign.metrics import compute_composite_score
from campaign.ranking import compute_commune_scores, compute_ranking
from data_access.catalog import fetch_villages
from data_access.history import fetch_indicator_history
from data_access.locality import (
    fetch_last_reports,
    fetch_locality_report_log,
    fetch_reporting_days,
    fetch_village_reports,
)
from figures.boards import commune_board, indicator_board, ranking_board, stage_indicators
from figures.committee import group_totals
from figures.reader import Reader, figure
from figures.scope import Scope

TILE_COLUMNS = [
    "code",
    "name_vi",
    "name_en",
    "unit",
    "direction",
    "baseline",
    "target",
    "value",
    "expected",
    "progress",
    "status",
    "last_report",
]


@figure
def ranks(reader: Reader, scope: Scope) -> pd.DataFrame:
    """The communes the user may see, ranked among every commune of the province as the
    ranking page ranks them: columns of campaign.ranking.compute_ranking plus `ranked` (how
    many communes of the province have a rank)."""
    ranking = compute_ranking(compute_commune_scores(ranking_board(reader, scope)))
    ranking = ranking.assign(ranked=int(ranking["rank"].notna().sum()))
    if scope.allowed_communes is None:
        return ranking
    return ranking[ranking["commune_code"].isin(scope.allowed_communes)].reset_index(drop=True)


@figure
def locality_tiles(reader: Reader, scope: Scope) -> pd.DataFrame:
    """One row per indicator for the scope's communes (figures.boards.indicator_board) with the
    province beside it: TILE_COLUMNS plus province_value and province_numerator."""
    tiles = indicator_board(reader, scope)[TILE_COLUMNS]
    province = indicator_board(reader, scope.whole_province())
    extra = province[["code", "value", "numerator"]].rename(
        columns={"value": "province_value", "numerator": "province_numerator"}
    )
    return tiles.merge(extra, on="code", how="left").reset_index(drop=True)


def province_score(reader: Reader, scope: Scope) -> float | None:
    """The province's composite score: mean clipped progress of its indicator values."""
    return compute_composite_score(indicator_board(reader, scope.whole_province())["progress"])


def scope_score(tile_rows: pd.DataFrame) -> float | None:
    """Composite score of the scope's tiles."""
    return compute_composite_score(tile_rows["progress"])


@figure
def trend(reader: Reader, scope: Scope) -> pd.DataFrame:
    """The scope's value per indicator and report date since the stage start (compute_trend)."""
    rows = reader.read(
        fetch_indicator_history,
        stage_id=scope.stage_id,
        as_of=scope.as_of,
        commune_codes=scope.commune_filter,
        indicator_codes=None,
    )
    indicators = stage_indicators(reader, scope)
    units = dict(zip(indicators["code"], indicators["unit"], strict=True))
    return compute_trend(rows, units, start=scope.stage.start_date)


@dataclass(frozen=True)
class Completeness:
    """Each chosen commune's reporting periods (grid) and periods reported / elapsed."""

    grid: pd.DataFrame
    summary: pd.DataFrame


@figure
def completeness(reader: Reader, scope: Scope) -> Completeness:
    """The period grid and the periods reported / elapsed of each of the scope's communes."""
    communes = list(scope.commune_codes)
    stage = scope.stage
    days = reader.read(
        fetch_reporting_days, stage_id=stage.stage_id, as_of=scope.as_of, commune_codes=communes
    )
    grid = compute_period_grid(
        days,
        communes,
        start=stage.start_date,
        deadline=stage.deadline,
        as_of=scope.as_of,
        period_days=stage.period_days,
    )
    return Completeness(grid, compute_completeness(grid, communes))


@figure
def villages(reader: Reader, scope: Scope) -> pd.DataFrame:
    """Villages of the scope's communes with team status and people reached."""
    communes = list(scope.commune_codes)
    registered = reader.read(fetch_villages, commune_codes=communes)
    reports = reader.read(
        fetch_village_reports, stage_id=scope.stage_id, as_of=scope.as_of, commune_codes=communes
    )
    return compute_village_table(registered, reports)


def last_reports(reader: Reader, scope: Scope) -> pd.DataFrame:
    """The latest report of each of the scope's communes and indicators, with its import."""
    rows = reader.read(
        fetch_last_reports,
        stage_id=scope.stage_id,
        as_of=scope.as_of,
        commune_codes=list(scope.commune_codes),
    )
    shown = set(stage_indicators(reader, scope)["code"])
    return rows[rows["indicator_code"].isin(shown)].reset_index(drop=True)


def report_log(reader: Reader, scope: Scope, locality_code: str) -> pd.DataFrame:
    """Every report of one commune or village of the scope up to the as-of date, newest first."""
    allowed = set(scope.commune_codes)
    if locality_code[:5] not in allowed:
        raise PermissionError(locality_code)
    return reader.read(fetch_locality_report_log, locality_code=locality_code, as_of=scope.as_of)


@figure
def breakdown(
    reader: Reader, scope: Scope, ranked: pd.DataFrame, summary: pd.DataFrame
) -> pd.DataFrame:
    """One row per chosen commune: rank, score, completeness, last report, each indicator's value.

    Columns: commune_code, commune_name, rank, score, completeness, last_report and one column
    per indicator code holding its value.
    """
    board = commune_board(reader, scope)
    mine = board[board["commune_code"].isin(scope.commune_codes)]
    values = mine.pivot(index="commune_code", columns="indicator_code", values="value")
    order = list(stage_indicators(reader, scope)["code"])
    values = values.reindex(columns=[c for c in order if c in values.columns])
    last = mine.groupby("commune_code")["last_report"].max()
    table = ranked[ranked["commune_code"].isin(scope.commune_codes)][
        ["commune_code", "commune_name", "rank", "score"]
    ].merge(summary[["commune_code", "share"]], on="commune_code", how="left")
    table = table.rename(columns={"share": "completeness"})
    table["last_report"] = table["commune_code"].map(last)
    table = table.merge(values, left_on="commune_code", right_index=True, how="left")
    position = {code: i for i, code in enumerate(scope.commune_codes)}
    return table.sort_values("commune_code", key=lambda s: s.map(position)).reset_index(drop=True)


def target_groups(reader: Reader, scope: Scope) -> pd.DataFrame:
    """People reached and population of each target group over the scope's communes."""
    return group_totals(reader, scope)
