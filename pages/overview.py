"""Overview: the ten campaign indicators of the province (or the chosen communes) at a glance."""

import streamlit as st

from campaign.scoreboard import compute_indicator_board
from data_access.catalog import fetch_stage_indicators
from data_access.progress import fetch_indicator_totals
from data_access.settings import load_settings
from ui.data import cached_query
from ui.filters import current_filters
from ui.format import format_date
from ui.widgets import indicator_tile

TILES_PER_ROW = 5

filters = current_filters()
settings = load_settings()
st.title(filters.t("page.overview"))
st.caption(
    filters.t("common.as_of", date=format_date(filters.as_of, filters.lang))
    + " · "
    + filters.t("app.synthetic")
)
indicators = cached_query(fetch_stage_indicators, stage_id=filters.stage_id)
totals = cached_query(
    fetch_indicator_totals,
    stage_id=filters.stage_id,
    as_of=filters.as_of,
    commune_codes=filters.commune_filter,
)
board = compute_indicator_board(
    indicators,
    totals,
    filters.stage,
    as_of=filters.as_of,
    stale_after_days=int(filters.stage["period_days"]) + settings.stale_grace_days,
    at_risk_margin=settings.at_risk_margin,
)
for start in range(0, len(board), TILES_PER_ROW):
    for column, (_, row) in zip(
        st.columns(TILES_PER_ROW),
        board.iloc[start : start + TILES_PER_ROW].iterrows(),
        strict=False,
    ):
        with column:
            indicator_tile(row, filters.stage, filters.lang)
