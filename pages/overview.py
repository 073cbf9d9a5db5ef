"""Overview: the ten indicators at a glance, the target groups, the weakest and strongest
communes, and what changed since the last meeting."""

import streamlit as st

from charts.bars import reach_bars_chart
from charts.rows import group_bar_rows
from figures import committee
from figures.lists import FALLEN_LIST
from i18n.formats import format_date
from ui.brief_download import brief_download_button
from ui.charts import show_chart
from ui.committee_rows import fallen_behind_lines, status_change_lines
from ui.committee_view import (
    TILE_KEY,
    apply_projector_style,
    as_of_caption,
    meeting_date_input,
    ranked_list,
)
from ui.data import reader
from ui.filter_state import current_filters
from ui.links import open_indicator, open_locality
from ui.presentation import present_button
from ui.scope_view import render_scope_line, scope_title
from ui.widgets import indicator_tile

# Five tiles and their gaps fill a 1920-pixel screen beside the sidebar.
TILE_WIDTH_PX = 276
WEAKEST_ANCHOR = "weakest"

filters = current_filters("overview")
scope, lang = filters.scope, filters.lang
apply_projector_style()
# One header row (title, meeting date, actions) so the ten tiles still fit a 1080-pixel screen.
title, meeting_column, actions = st.columns([2.2, 1, 1.8], vertical_alignment="bottom")
title.title(scope_title(filters, "page.overview"), anchor=False)
with meeting_column:
    meeting = meeting_date_input(filters)
with actions, st.container(horizontal=True, horizontal_alignment="right"):
    present_button(filters)
    brief_download_button(filters, meeting)
# The ten weakest are below the tiles: one click away from the top.
jump = f"[↓ {filters.t('committee.weakest')}](#{WEAKEST_ANCHOR})"
render_scope_line(filters, extra=(as_of_caption(filters), jump))

tiles = committee.tiles(reader(), scope, meeting)
# Tiles of a fixed width that wrap: five a row on a 1920-pixel projector, three on a laptop.
with st.container(horizontal=True, wrap=True, gap="small", key="overview-tiles"):
    for _, row in tiles.iterrows():
        if indicator_tile(
            row,
            scope.stage.deadline,
            lang,
            meeting=meeting,
            key=f"{TILE_KEY}{row['code']}",
            openable=True,
            width=TILE_WIDTH_PX,
        ):
            open_indicator(filters, str(row["code"]))

groups_column, communes_column = st.columns([3, 2], gap="large")
with groups_column:
    st.subheader(filters.t("committee.groups_title"))
    show_chart(
        "overview_groups",
        (scope, lang),
        lambda: reach_bars_chart(
            group_bar_rows(committee.group_reach(reader(), scope), lang),
            x_title=filters.t("committee.reach_axis"),
            lang=lang,
        ),
        width="stretch",
    )
    st.caption(filters.t("committee.bars_legend"))
with communes_column:
    ranking = committee.ranking(reader(), scope, meeting)
    weakest, strongest = committee.weakest_and_strongest_short(ranking)
    weak_column, strong_column = st.columns(2)
    chosen = None
    with weak_column:
        st.subheader(filters.t("committee.weakest"), anchor=WEAKEST_ANCHOR)
        chosen = ranked_list(weakest, filters, empty=filters.t("committee.no_ranked"), key="weak")
    with strong_column:
        st.subheader(filters.t("committee.strongest"))
        empty = filters.t("committee.no_ranked")
        chosen = ranked_list(strongest, filters, empty=empty, key="strong") or chosen
    if chosen is not None:
        open_locality(filters, chosen)
    st.caption(filters.t("committee.score_note"))

st.subheader(filters.t("committee.changes_title", date=format_date(meeting, lang)))
status_column, fallen_column = st.columns(2, gap="large")
with status_column:
    st.markdown(f"**{filters.t('committee.status_changed')}**")
    lines = status_change_lines(committee.status_changes(tiles), filters)
    st.markdown("  \n".join(lines) if lines else filters.t("committee.no_status_change"))
with fallen_column:
    fallen = committee.fallen_behind(reader(), scope, meeting)
    st.markdown(f"**{filters.t('committee.fell_behind', count=len(fallen))}**")
    lines = fallen_behind_lines(fallen.head(FALLEN_LIST), filters)
    if len(fallen) > FALLEN_LIST:
        lines.append(filters.t("committee.and_more", count=len(fallen) - FALLEN_LIST))
    st.markdown("  \n".join(lines) if lines else filters.t("committee.none_fell_behind"))
