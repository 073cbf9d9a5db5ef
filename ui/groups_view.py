"""One target group's tab: the group bar, the commune bars by gap, the furthest in people."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from campaign.target_groups import sort_by_gap
from charts.bars import reach_bars_chart
from charts.rows import commune_bar_rows, group_bar_rows
from i18n.formats import format_number, format_percent, status_label
from ui.charts import show_chart
from ui.filter_state import Filters
from ui.text import md

FURTHEST_LISTED = 8
COMMUNE_CHART_HEIGHT = 620  # the commune bars scroll inside this box; the worst stay on top
COMMUNE_BAR_PX = 14  # thinner than the groups' bars: a hundred communes scroll in the box


def render_group_tab(
    group: pd.DataFrame, communes: pd.DataFrame, filters: Filters, *, sort: str
) -> None:
    """`group`: the group's one compute_group_reach row (as a frame); `communes`: its communes'
    rows, already narrowed to the chosen kind."""
    t, lang = filters.t, filters.lang
    row = group.iloc[0]
    goal = format_percent(row["goal_pct"], lang, decimals=0)
    st.markdown(t("groups.goal", goal=goal, indicator=row["indicator_code"] or "—"))
    scope = t("groups.chosen") if filters.commune_codes else t("groups.province")
    axis = t("committee.reach_axis")
    code = str(row["target_group_code"])
    show_chart(
        "group_overall",
        (filters.scope, lang, code),
        lambda: reach_bars_chart(group_bar_rows(group, lang, name=scope), x_title=axis, lang=lang),
        width="stretch",
    )
    if communes.empty:
        st.info(t("groups.no_communes"))
        return
    ordered = sort_by_gap(communes, by=sort)
    bars_column, furthest_column = st.columns([3, 1], gap="large")
    with bars_column:
        st.markdown(f"**{t('groups.commune_bars', count=len(ordered))}**")
        with st.container(height=COMMUNE_CHART_HEIGHT):
            show_chart(
                "group_communes",
                (filters.scope, lang, code, sort, tuple(ordered["commune_code"])),
                lambda: reach_bars_chart(
                    commune_bar_rows(ordered, lang),
                    x_title=axis,
                    lang=lang,
                    bar_size=COMMUNE_BAR_PX,
                ),
                width="stretch",
            )
    with furthest_column:
        st.markdown(f"**{t('groups.furthest')}**")
        furthest = sort_by_gap(ordered, by="gap_people").head(FURTHEST_LISTED)
        furthest = furthest[furthest["gap_people"] > 0]
        lines = [
            f"{i}\\. **{md(r['commune_name'])}** — "
            + t("committee.people_short", count=format_number(r["gap_people"], lang))
            + f" ({format_percent(r['percent'], lang)}, {status_label(r['status'], lang)})"
            for i, (_, r) in enumerate(furthest.iterrows(), start=1)
        ]
        st.markdown("  \n".join(lines) if lines else t("groups.all_at_target"))
        at_target = int((ordered["gap_points"] == 0).sum())
        st.caption(t("groups.at_target", count=at_target, total=len(ordered)))
