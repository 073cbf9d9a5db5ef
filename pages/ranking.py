"""Ranking: communes by composite score, how ranks moved since the last meeting, the most
improved and the laggards; communes without data listed apart."""

import streamlit as st

from figures import committee
from i18n.formats import format_date
from ui.committee_view import (
    apply_projector_style,
    as_of_caption,
    meeting_date_input,
    ranked_list,
)
from ui.data import reader
from ui.filter_state import current_filters
from ui.links import open_locality
from ui.ranking_view import (
    improved_lines,
    ranking_table_rows,
    render_ranking_table,
    render_unscored,
)
from ui.scope_view import render_scope_line, scope_title

filters = current_filters("ranking")
t = filters.t
apply_projector_style()
title, control = st.columns([4, 1], vertical_alignment="bottom")
title.title(scope_title(filters, "page.ranking"), anchor=False)
render_scope_line(filters)
with control:
    meeting = meeting_date_input(filters)
st.caption(as_of_caption(filters))
st.markdown(t("ranking.method"))
if filters.agency_code:
    st.info(t("ranking.agency", agency=filters.agency_code))

ranking = committee.ranking(reader(), filters.scope, meeting)
ranked, unscored = committee.ranked_and_unscored(ranking)
if filters.commune_codes:
    st.info(t("ranking.filtered", count=len(ranking)))
render_unscored(unscored, filters)

improved_column, laggard_column = st.columns(2, gap="large")
with improved_column:
    st.subheader(t("ranking.improved", date=format_date(meeting, filters.lang)))
    lines = improved_lines(committee.improved(ranked), filters)
    st.markdown("  \n".join(lines) if lines else t("ranking.none_improved"))
with laggard_column:
    st.subheader(t("ranking.laggards"))
    ranked_list(committee.weakest(ranked), filters, empty=t("committee.no_ranked"))

st.subheader(t("ranking.table", count=len(ranked)))
st.caption(t("committee.table_hint"))
chosen = render_ranking_table(ranking_table_rows(ranked, filters), filters)
if chosen is not None:
    open_locality(filters, chosen)
