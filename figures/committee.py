"""The committee's figures for a Scope: tiles, target groups, ranking, and what changed.

Ranks are always computed over every commune of the province (a commune's rank is its place
among all communes) and then narrowed to the scope's communes; one rule serves the overview,
the ranking page, the locality page, the slides and the brief.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from campaign.changes import compute_fallen_behind, compute_status_changes, compute_tile_changes
from campaign.ranking import (
    compute_commune_scores,
    compute_ranking,
    laggards,
    most_improved,
    split_ranked,
    weakest_and_strongest,
)
from campaign.target_groups import (
    commune_reach_rows,
    compute_group_reach,
    group_reach_rows,
)
from data_access.history import fetch_target_group_totals
from data_access.populations import fetch_commune_populations
from figures.boards import (
    commune_board,
    history,
    indicator_board,
    judging,
    ranking_board,
    stage_indicators,
)
from figures.lists import SHORT_LIST, WEAKEST_LIST
from figures.reader import Reader, figure
from figures.scope import Scope


def narrow(frame: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Rows of the scope's communes only (every row for the whole province)."""
    if scope.is_province:
        return frame.reset_index(drop=True)
    return frame[frame["commune_code"].isin(scope.commune_codes)].reset_index(drop=True)


@figure
def tiles(reader: Reader, scope: Scope, meeting: date) -> pd.DataFrame:
    """The scope's indicator board with the change since the previous report and since the
    meeting (campaign.changes.compute_tile_changes)."""
    return compute_tile_changes(
        indicator_board(reader, scope),
        indicator_board(reader, scope.at(meeting)),
        history(reader, scope),
    )


def status_changes(tile_rows: pd.DataFrame) -> pd.DataFrame:
    """Indicators whose status at the meeting differs from their status now."""
    return compute_status_changes(tile_rows)


@figure
def ranking(reader: Reader, scope: Scope, meeting: date) -> pd.DataFrame:
    """Every commune of the province ranked by composite score now and at the meeting
    (campaign.ranking.compute_ranking), narrowed to the scope's communes."""
    now = compute_commune_scores(ranking_board(reader, scope))
    then = compute_commune_scores(ranking_board(reader, scope.at(meeting)))
    return narrow(compute_ranking(now, then), scope)


def ranked_and_unscored(ranked: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(communes with a rank, communes without data to score), each in ranking order."""
    return split_ranked(ranked)


def weakest(ranked: pd.DataFrame) -> pd.DataFrame:
    """The WEAKEST_LIST lowest-ranked communes of a ranking, worst first."""
    return laggards(ranked, WEAKEST_LIST)


def weakest_and_strongest_short(ranked: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The SHORT_LIST weakest (worst first) and strongest (best first), never overlapping."""
    return weakest_and_strongest(ranked, SHORT_LIST)


def improved(ranked: pd.DataFrame) -> pd.DataFrame:
    """The SHORT_LIST communes whose score rose most since the meeting."""
    ranked_only, _ = split_ranked(ranked)
    return most_improved(ranked_only, SHORT_LIST)


@figure
def fallen_behind(reader: Reader, scope: Scope, meeting: date) -> pd.DataFrame:
    """The scope's communes that fell behind on an indicator since the meeting
    (campaign.changes.compute_fallen_behind), most indicators first."""
    fell = compute_fallen_behind(
        commune_board(reader, scope), commune_board(reader, scope.at(meeting))
    )
    return narrow(fell, scope)


@figure
def group_totals(reader: Reader, scope: Scope) -> pd.DataFrame:
    """People reached and population per target group over the scope's communes
    (fetch_target_group_totals); under an agency, only groups tied to its indicators."""
    totals = reader.read(
        fetch_target_group_totals,
        stage_id=scope.stage_id,
        as_of=scope.as_of,
        commune_codes=scope.commune_filter,
    )
    if scope.agency_codes is None:
        return totals
    mine = set(stage_indicators(reader, scope)["code"])
    return totals[totals["indicator_code"].isin(mine)].reset_index(drop=True)


@figure
def group_reach(reader: Reader, scope: Scope) -> pd.DataFrame:
    """One row per target group over the scope's communes, judged on the stage's pace."""
    rows = group_reach_rows(group_totals(reader, scope), indicator_board(reader, scope))
    return compute_group_reach(rows, **judging(scope))


@figure
def commune_group_reach(reader: Reader, scope: Scope) -> pd.DataFrame:
    """One row per commune of the scope and target group, each judged on its own pace."""
    board = narrow(commune_board(reader, scope), scope)
    populations = reader.read(fetch_commune_populations, stage_id=scope.stage_id, as_of=scope.as_of)
    rows = commune_reach_rows(board, populations, stage_indicators(reader, scope))
    return compute_group_reach(rows, **judging(scope))
