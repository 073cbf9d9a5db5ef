"""Locality drill-down: one commune, a cluster of communes, or a village below a commune."""

import streamlit as st

from figures import locality
from ui.committee_view import as_of_caption
from ui.data import reader
from ui.filter_state import current_filters
from ui.locality import (
    commune_names,
    render_breadcrumb,
    render_completeness,
    render_summary,
    render_target_groups,
    render_tiles,
)
from ui.locality_tables import (
    render_breakdown,
    render_chooser,
    render_last_reports,
    render_village,
    render_villages,
)
from ui.text import md
from ui.value_history import render_value_history

filters = current_filters("locality")
scope, t = filters.scope, filters.t
chosen = list(filters.commune_codes)
names = commune_names(filters)
ranks = locality.ranks(reader(), scope)
caption = as_of_caption(filters)

if not chosen:
    render_breadcrumb(filters)
    st.title(t("page.locality"))
    st.caption(caption)
    render_chooser(filters, ranks)
    st.stop()

villages = locality.villages(reader(), scope)
if filters.village_code is not None and filters.village_code in set(villages["code"]):
    village = villages.set_index("code").loc[filters.village_code].copy()
    village["code"] = filters.village_code
    render_breadcrumb(filters, village_name=village["name"])
    render_village(filters, village)
    st.stop()

render_breadcrumb(filters)
if len(chosen) == 1:
    kinds = dict(zip(filters.communes["code"], filters.communes["kind"], strict=True))
    st.title(md(names[chosen[0]]), anchor=False)
    st.caption(t(f"kind.{kinds[chosen[0]]}") + f" · {chosen[0]} · " + caption)
else:
    st.title(t("locality.cluster_title", count=len(chosen)), anchor=False)
    st.caption(", ".join(md(names[code]) for code in chosen) + " · " + caption)

tiles = locality.locality_tiles(reader(), scope)
completeness = locality.completeness(reader(), scope)
own_rank = ranks[ranks["commune_code"] == chosen[0]].iloc[0] if len(chosen) == 1 else None
render_summary(
    filters,
    rank=own_rank,
    score=locality.scope_score(tiles),
    province_score=locality.province_score(reader(), scope),
    completeness=completeness.summary,
    villages=villages,
)
render_tiles(tiles, locality.trend(reader(), scope), filters)
if len(chosen) > 1:
    render_breakdown(locality.breakdown(reader(), scope, ranks, completeness.summary), filters)

left, right = st.columns([3, 2], gap="large")
with left:
    render_target_groups(locality.target_groups(reader(), scope), filters)
with right:
    render_completeness(completeness.grid, completeness.summary, filters)
left, right = st.columns([1, 1], gap="large")
with left:
    render_villages(villages, filters)
with right:
    render_last_reports(locality.last_reports(reader(), scope), filters)
if len(chosen) == 1:
    render_value_history(filters, chosen[0], tiles)
