"""Overview: the ten campaign indicators of the province (or the chosen communes) at a glance."""

import streamlit as st

from ui.boards import load_indicator_board
from ui.filters import current_filters
from ui.format import format_date
from ui.widgets import indicator_tile

TILES_PER_ROW = 5

filters = current_filters()
st.title(filters.t("page.overview"))
st.caption(
    filters.t("common.as_of", date=format_date(filters.as_of, filters.lang))
    + " · "
    + filters.t("app.synthetic")
)
board = load_indicator_board(filters)
for start in range(0, len(board), TILES_PER_ROW):
    chunk = board.iloc[start : start + TILES_PER_ROW]
    for column, (_, row) in zip(st.columns(TILES_PER_ROW), chunk.iterrows(), strict=False):
        with column:
            indicator_tile(row, filters.stage, filters.lang)
