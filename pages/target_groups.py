"""Target groups: each group's bar for the province (or the chosen communes) and one bar per
commune sorted by its gap to the stage target, with who is furthest in people."""

import streamlit as st

from figures import committee
from ui.committee_view import (
    apply_projector_style,
    as_of_caption,
    url_choice,
    write_page_param,
)
from ui.data import reader
from ui.filter_state import current_filters
from ui.groups_view import render_group_tab
from ui.scope_view import render_scope_line, scope_title

KIND_PARAM, KIND_KEY = "kind", "committee_group_kind"
SORT_PARAM, SORT_KEY = "sort", "committee_group_sort"
SORTS = ("gap_points", "gap_people")
GROUP_TAB_KEY = "committee_group_tab"  # the open tab (its label: the group's name)
GROUP_KEY = "committee_group_open"  # the open tab's group code
COMMUNE_KINDS = ("xa", "phuong", "dac_khu")

filters = current_filters("target_groups")
apply_projector_style()
lang, t = filters.lang, filters.t
st.title(scope_title(filters, "page.target_groups"), anchor=False)
render_scope_line(filters)
st.caption(as_of_caption(filters))

kinds = ["all", *[k for k in COMMUNE_KINDS if k in set(filters.communes["kind"])]]
for param, key, options in ((KIND_PARAM, KIND_KEY, kinds), (SORT_PARAM, SORT_KEY, SORTS)):
    url_choice(
        param,
        key,
        accept=lambda text, options=options: text if text in options else None,
        problem=lambda text, param=param: t("groups.bad_param", name=param, value=text),
    )
    if st.session_state.get(key) not in options:
        st.session_state[key] = options[0]
kind_column, sort_column = st.columns(2)
kind = kind_column.segmented_control(
    t("groups.kind_filter"),
    kinds,
    key=KIND_KEY,
    required=True,
    format_func=lambda k: t("groups.kind_all") if k == "all" else t(f"kind.{k}"),
    persist_state="session",
)
sort = sort_column.segmented_control(
    t("groups.sort"),
    SORTS,
    key=SORT_KEY,
    required=True,
    format_func=lambda s: t(f"groups.sort_{s}"),
    persist_state="session",
)
write_page_param(KIND_PARAM, kind)
write_page_param(SORT_PARAM, sort)

groups = committee.group_reach(reader(), filters.scope)
communes = committee.commune_group_reach(reader(), filters.scope)
if kind != "all":
    communes = communes[communes["commune_kind"] == kind]
if groups.empty:  # e.g. an agency whose indicators are tied to no target group
    st.info(t("groups.none"))
    st.stop()
# Only the open tab is drawn (a tab switch reruns the page): one group's bars, not five. The
# open group stays open when the language changes its tab's label.
labels, codes = list(groups[f"name_{lang}"]), list(groups["target_group_code"])
if st.session_state.get(GROUP_TAB_KEY) not in labels and st.session_state.get(GROUP_KEY) in codes:
    st.session_state[GROUP_TAB_KEY] = labels[codes.index(st.session_state[GROUP_KEY])]
tabs = st.tabs(labels, key=GROUP_TAB_KEY, on_change="rerun")
for tab, code in zip(tabs, codes, strict=True):
    if tab.open is False:
        continue
    st.session_state[GROUP_KEY] = code
    with tab:
        render_group_tab(
            groups[groups["target_group_code"] == code],
            communes[communes["target_group_code"] == code],
            filters,
            sort=sort,
        )
st.caption(t("committee.bars_legend") + " " + t("groups.gap_note"))
