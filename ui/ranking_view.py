"""Pieces of the ranking page: the ranking table, and the communes without data."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n.formats import format_change, format_percent
from ui.committee_view import choosable_table
from ui.filter_state import Filters
from ui.tables import percent_bar, signed
from ui.text import md

TABLE_HEIGHT = 560  # about fifteen rows; the table scrolls inside


def ranking_table_rows(ranked: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The table of ranked communes: rank, change since the meeting, commune, kind, score
    (fraction), score change (percentage points) and how many indicators are in each status."""
    return pd.DataFrame(
        {
            "rank": ranked["rank"].astype("Int64").to_numpy(),
            "rank_change": ranked["rank_change"].astype("Int64").to_numpy(),
            "code": ranked["commune_code"].to_numpy(),
            "commune": ranked["commune_name"].to_numpy(),
            "kind": [filters.t(f"kind.{kind}") for kind in ranked["commune_kind"]],
            # Percent with one decimal, the precision ranks are tied at (SCORE_DECIMALS).
            "score": (100 * ranked["score"].astype(float)).round(1).to_numpy(),
            "score_change": (100 * ranked["score_change"].astype(float)).round(1).to_numpy(),
            "on_track": ranked["on_track"].to_numpy(),
            "at_risk": ranked["at_risk"].to_numpy(),
            "behind": ranked["behind"].to_numpy(),
            "scored": ranked["indicators_scored"].to_numpy(),
        }
    )


def render_ranking_table(table: pd.DataFrame, filters: Filters) -> str | None:
    """The sortable ranking table; returns the code of the commune whose row was chosen."""
    t, config = filters.t, st.column_config
    return choosable_table(
        table,
        filters,
        key="committee_ranking_table",
        height=TABLE_HEIGHT,
        columns={
            "rank": config.NumberColumn(t("ranking.rank"), width="small"),
            "rank_change": config.NumberColumn(
                t("ranking.rank_change"), help=t("ranking.rank_change_help")
            ),
            "score": percent_bar(t("ranking.score"), filters.lang, color="blue"),
            "score_change": config.NumberColumn(t("ranking.score_change")),
            "on_track": config.NumberColumn("✔", help=t("status.on_track"), width="small"),
            "at_risk": config.NumberColumn("▲", help=t("status.at_risk"), width="small"),
            "behind": config.NumberColumn("✖", help=t("status.behind"), width="small"),
            "scored": config.NumberColumn(t("ranking.scored"), help=t("ranking.scored_help")),
        },
        formats={
            "rank_change": signed(filters.lang),
            "score": None,
            "score_change": signed(filters.lang, decimals=1),
        },
    )


def render_unscored(unscored: pd.DataFrame, filters: Filters) -> None:
    """The communes that have no data to score, listed by name in a visible box."""
    if unscored.empty:
        return
    names = ", ".join(
        f"{md(n)} ({c})"
        for n, c in zip(unscored["commune_name"], unscored["commune_code"], strict=True)
    )
    st.warning(filters.t("ranking.unscored", count=len(unscored), names=names))


def improved_lines(improved: pd.DataFrame, filters: Filters) -> list[str]:
    """ "Commune — 71,2% (+4,3 điểm %, up 3 places)" for each most-improved commune."""
    lines = []
    for _, row in improved.iterrows():
        change = format_change(100 * row["score_change"], "percent", filters.lang)
        moved = row["rank_change"]
        places = (
            f", {filters.t('ranking.places_up', count=int(moved))}"
            if not pd.isna(moved) and moved > 0
            else ""
        )
        score = format_percent(100 * row["score"], filters.lang)
        lines.append(f"**{md(row['commune_name'])}** — {score} ({change}{places})")
    return lines
