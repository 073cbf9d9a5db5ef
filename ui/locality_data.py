"""Data of the locality page: cached queries for the chosen communes plus the pure math on them."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from campaign.locality import (
    compute_commune_ranks,
    compute_completeness,
    compute_period_grid,
    compute_trend,
    compute_village_table,
)
from campaign.metrics import compute_composite_score
from data_access.catalog import fetch_villages
from data_access.history import fetch_indicator_history
from data_access.locality import (
    fetch_last_reports,
    fetch_locality_report_log,
    fetch_reporting_days,
    fetch_village_reports,
)
from ui.boards import (
    load_commune_board,
    load_group_totals,
    load_indicator_board,
    load_stage_indicators,
)
from ui.data import cached_query
from ui.filters import Filters

TILE_COLUMNS = [
    "code",
    "name_vi",
    "name_en",
    "unit",
    "baseline",
    "target",
    "value",
    "expected",
    "progress",
    "status",
    "last_report",
]


def province_filters(filters: Filters) -> Filters:
    """The same filters for the whole province."""
    return replace(filters, commune_codes=(), village_code=None)


def load_province_board(filters: Filters) -> pd.DataFrame:
    """One row per commune x indicator for every commune of the province."""
    return load_commune_board(filters)


def load_tiles(filters: Filters) -> pd.DataFrame:
    """One row per stage indicator for the chosen communes, with the province value beside it.

    One commune: its own row of the commune board (its own target where it has one). Several:
    Σnumerator / Σdenominator over them (load_indicator_board). Columns: TILE_COLUMNS plus
    province_value and province_numerator (for counts: the commune's share of the province).
    """
    if len(filters.commune_codes) == 1:
        board = load_province_board(filters)
        tiles = board[board["commune_code"] == filters.commune_codes[0]]
        tiles = tiles.rename(columns={"indicator_code": "code"})[TILE_COLUMNS]
    else:
        tiles = load_indicator_board(filters)[TILE_COLUMNS]
    province = load_indicator_board(province_filters(filters))
    extra = province[["code", "value", "numerator"]].rename(
        columns={"value": "province_value", "numerator": "province_numerator"}
    )
    return tiles.merge(extra, on="code", how="left").reset_index(drop=True)


def load_ranks(filters: Filters) -> pd.DataFrame:
    """Every commune of the province ranked by composite score (compute_commune_ranks)."""
    return compute_commune_ranks(load_province_board(filters))


def load_province_score(filters: Filters) -> float | None:
    """The province's own composite score: mean clipped progress of its indicator values."""
    return compute_composite_score(load_indicator_board(province_filters(filters))["progress"])


def load_group_score(tiles: pd.DataFrame) -> float | None:
    """Composite score of the chosen communes' tiles."""
    return compute_composite_score(tiles["progress"])


def load_trend(filters: Filters) -> pd.DataFrame:
    """Group value per indicator and report date since the stage start (compute_trend)."""
    history = cached_query(
        fetch_indicator_history,
        stage_id=filters.stage_id,
        as_of=filters.as_of,
        commune_codes=filters.commune_filter,
    )
    indicators = load_stage_indicators(filters)
    units = dict(zip(indicators["code"], indicators["unit"], strict=True))
    return compute_trend(history, units, start=filters.stage["start_date"])


def load_target_groups(filters: Filters) -> pd.DataFrame:
    """People reached and population of each target group over the chosen communes."""
    return load_group_totals(filters)


def load_completeness(filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The period grid and the periods reported / elapsed of each chosen commune."""
    communes = list(filters.commune_codes)
    days = cached_query(
        fetch_reporting_days,
        stage_id=filters.stage_id,
        as_of=filters.as_of,
        commune_codes=communes,
    )
    grid = compute_period_grid(
        days,
        communes,
        start=filters.stage["start_date"],
        deadline=filters.stage["deadline"],
        as_of=filters.as_of,
        period_days=int(filters.stage["period_days"]),
    )
    return grid, compute_completeness(grid, communes)


def load_villages(filters: Filters) -> pd.DataFrame:
    """Villages of the chosen communes with team status and people reached."""
    communes = list(filters.commune_codes)
    villages = cached_query(fetch_villages, commune_codes=communes)
    reports = cached_query(
        fetch_village_reports,
        stage_id=filters.stage_id,
        as_of=filters.as_of,
        commune_codes=communes,
    )
    return compute_village_table(villages, reports)


def load_last_reports(filters: Filters) -> pd.DataFrame:
    """The latest report of each chosen commune and indicator, with its import batch."""
    return cached_query(
        fetch_last_reports,
        stage_id=filters.stage_id,
        as_of=filters.as_of,
        commune_codes=list(filters.commune_codes),
    )


def load_report_log(filters: Filters, locality_code: str) -> pd.DataFrame:
    """Every report of one commune or village up to the as-of date, newest first."""
    return cached_query(fetch_locality_report_log, locality_code=locality_code, as_of=filters.as_of)


def load_breakdown(
    filters: Filters, ranks: pd.DataFrame, completeness: pd.DataFrame
) -> pd.DataFrame:
    """One row per chosen commune: rank, score, completeness, last report, each indicator's value.

    Columns: commune_code, commune_name, rank, score, completeness, last_report and one column
    per indicator code holding its value.
    """
    board = load_province_board(filters)
    mine = board[board["commune_code"].isin(filters.commune_codes)]
    values = mine.pivot(index="commune_code", columns="indicator_code", values="value")
    indicator_order = list(load_stage_indicators(filters)["code"])
    values = values.reindex(columns=[c for c in indicator_order if c in values.columns])
    last = mine.groupby("commune_code")["last_report"].max()
    table = ranks[ranks["commune_code"].isin(filters.commune_codes)][
        ["commune_code", "commune_name", "rank", "score"]
    ].merge(completeness[["commune_code", "share"]], on="commune_code", how="left")
    table = table.rename(columns={"share": "completeness"})
    table["last_report"] = table["commune_code"].map(last)
    table = table.merge(values, left_on="commune_code", right_index=True, how="left")
    order = {code: i for i, code in enumerate(filters.commune_codes)}
    return table.sort_values("commune_code", key=lambda s: s.map(order)).reset_index(drop=True)
