"""Locality drill-down: one commune, a cluster of communes, or a village below a commune."""

import streamlit as st

from ui.filters import current_filters
from ui.format import format_date
from ui.locality import (
    commune_names,
    render_breadcrumb,
    render_completeness,
    render_summary,
    render_target_groups,
    render_tiles,
)
from ui.locality_data import (
    load_breakdown,
    load_completeness,
    load_group_score,
    load_last_reports,
    load_province_score,
    load_ranks,
    load_target_groups,
    load_tiles,
    load_trend,
    load_villages,
)
from ui.locality_tables import (
    render_breakdown,
    render_chooser,
    render_last_reports,
    render_village,
    render_villages,
)

filters = current_filters()
t, lang = filters.t, filters.lang
chosen = list(filters.commune_codes)
names = commune_names(filters)
ranks = load_ranks(filters)
as_of_caption = (
    t("common.as_of", date=format_date(filters.as_of, lang)) + " · " + t("app.synthetic")
)

if not chosen:
    render_breadcrumb(filters)
    st.title(t("page.locality"))
    st.caption(as_of_caption)
    render_chooser(filters, ranks)
    st.stop()

villages = load_villages(filters)
if filters.village_code is not None and filters.village_code in set(villages["code"]):
    village = villages.set_index("code").loc[filters.village_code].copy()
    village["code"] = filters.village_code
    render_breadcrumb(filters, village_name=village["name"])
    render_village(filters, village)
    st.stop()

render_breadcrumb(filters)
if len(chosen) == 1:
    kinds = dict(zip(filters.communes["code"], filters.communes["kind"], strict=True))
    st.title(names[chosen[0]])
    st.caption(t(f"kind.{kinds[chosen[0]]}") + f" · {chosen[0]} · " + as_of_caption)
else:
    st.title(t("locality.cluster_title", count=len(chosen)))
    st.caption(", ".join(names[code] for code in chosen) + " · " + as_of_caption)

tiles = load_tiles(filters)
grid, completeness = load_completeness(filters)
own_rank = ranks[ranks["commune_code"] == chosen[0]].iloc[0] if len(chosen) == 1 else None
render_summary(
    filters,
    rank=own_rank,
    score=load_group_score(tiles),
    province_score=load_province_score(filters),
    completeness=completeness,
    villages=villages,
)
render_tiles(tiles, load_trend(filters), filters)
if len(chosen) > 1:
    render_breakdown(load_breakdown(filters, ranks, completeness), filters)

left, right = st.columns([3, 2], gap="large")
with left:
    render_target_groups(load_target_groups(filters), filters)
with right:
    render_completeness(grid, completeness, filters)
left, right = st.columns([1, 1], gap="large")
with left:
    render_villages(villages, filters)
with right:
    render_last_reports(load_last_reports(filters), filters)
