"""Data of the committee's screens: cached queries for the current filters plus the pure math.

Every loader takes the shared filters; the commune filter narrows what is shown, while ranks are
always computed over the whole province (a commune's rank is its place among all communes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from campaign.changes import (
    compute_fallen_behind,
    compute_history_values,
    compute_tile_changes,
)
from campaign.ranking import compute_commune_scores, compute_ranking
from campaign.target_groups import commune_reach_rows, compute_group_reach, group_reach_rows
from data_access.catalog import fetch_target_groups
from data_access.history import fetch_indicator_history
from data_access.populations import fetch_commune_populations
from ui.boards import (
    load_commune_board,
    load_group_totals,
    load_indicator_board,
    load_stage_indicators,
)
from ui.data import cached_query
from ui.filters import Filters


def load_history(filters: Filters, indicator_codes: list[str] | None = None) -> pd.DataFrame:
    """The chosen communes' exact value per indicator and report date up to as-of
    (fetch_indicator_history plus unit and value)."""
    history = cached_query(
        fetch_indicator_history,
        stage_id=filters.stage_id,
        as_of=filters.as_of,
        commune_codes=filters.commune_filter,
        indicator_codes=indicator_codes,
    )
    return compute_history_values(history, load_stage_indicators(filters))


def load_tiles(filters: Filters, meeting: date) -> pd.DataFrame:
    """The indicator board of the chosen communes with the changes since the previous report
    and since the meeting (campaign.changes.compute_tile_changes)."""
    board = load_indicator_board(filters)
    meeting_board = load_indicator_board(filters, as_of=meeting)
    return compute_tile_changes(board, meeting_board, load_history(filters))


@dataclass(frozen=True)
class MeetingBoards:
    """Every commune of the province x indicator, now and on the meeting date."""

    now: pd.DataFrame
    meeting: pd.DataFrame


def load_meeting_boards(filters: Filters, meeting: date) -> MeetingBoards:
    """The province's commune boards now and at the meeting (computed once per page run)."""
    return MeetingBoards(load_commune_board(filters), load_commune_board(filters, as_of=meeting))


def rank_communes(boards: MeetingBoards, filters: Filters) -> pd.DataFrame:
    """Every commune of the province ranked now and at the meeting (compute_ranking), then
    narrowed to the chosen communes if any."""
    now, then = compute_commune_scores(boards.now), compute_commune_scores(boards.meeting)
    return narrow(compute_ranking(now, then), filters)


def fallen_behind(boards: MeetingBoards, filters: Filters) -> pd.DataFrame:
    """Chosen communes (default: all) that fell behind on an indicator since the meeting."""
    return narrow(compute_fallen_behind(boards.now, boards.meeting), filters)


def load_ranking(filters: Filters, meeting: date) -> pd.DataFrame:
    """rank_communes for a page that needs nothing else from the meeting boards."""
    return rank_communes(load_meeting_boards(filters, meeting), filters)


def load_fallen_behind(filters: Filters, meeting: date) -> pd.DataFrame:
    """fallen_behind for a page that needs nothing else from the meeting boards."""
    return fallen_behind(load_meeting_boards(filters, meeting), filters)


def narrow(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows of the chosen communes only (all rows when none is chosen)."""
    if not filters.commune_codes:
        return frame
    return frame[frame["commune_code"].isin(filters.commune_codes)].reset_index(drop=True)


def load_group_reach(filters: Filters) -> pd.DataFrame:
    """One row per target group over the chosen communes, judged against the stage's pace."""
    rows = group_reach_rows(load_group_totals(filters), load_indicator_board(filters))
    return _judge_reach(rows, filters)


def load_commune_group_reach(filters: Filters) -> pd.DataFrame:
    """One row per chosen commune (default: all) and target group, each judged on its own pace."""
    board = load_commune_board(filters, commune_codes=filters.commune_filter)
    populations = cached_query(
        fetch_commune_populations, stage_id=filters.stage_id, as_of=filters.as_of
    )
    rows = commune_reach_rows(board, populations, load_stage_indicators(filters))
    return _judge_reach(rows, filters)


def load_target_groups(filters: Filters) -> pd.DataFrame:
    """The target-group catalogue: code, name_vi, name_en, goal_pct, sort_order."""
    return cached_query(fetch_target_groups)


def _judge_reach(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    return compute_group_reach(
        rows,
        filters.stage,
        as_of=filters.as_of,
        stale_after_days=filters.stale_after_days,
        at_risk_margin=filters.at_risk_margin,
    )
