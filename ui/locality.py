"""Sections of the locality page: breadcrumb, indicator tiles, rank, target groups, completeness."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from charts.locality import target_group_chart
from charts.sparkline import sparkline, sparkline_svg
from data_access.catalog import fetch_provinces
from i18n.formats import format_date, format_percent, format_signed, format_value
from ui.charts import show_chart
from ui.commune_picker import choose_village, set_communes
from ui.data import reader
from ui.filter_state import Filters
from ui.text import md
from ui.widgets import metric_delta, status_badge

# Five tiles a row: ten indicators in two rows at 1920 pixels, each wide enough for its name.
TILES_PER_ROW = 5


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value)


def commune_names(filters: Filters) -> dict[str, str]:
    """Commune code -> name for the province."""
    return dict(zip(filters.communes["code"], filters.communes["name"], strict=True))


def render_breadcrumb(filters: Filters, *, village_name: str | None = None) -> None:
    """Province › commune(s) › village; every level above the current one is a button."""
    names = commune_names(filters)
    provinces = reader().read(fetch_provinces)
    province = dict(zip(provinces["code"], provinces["name"], strict=True))[filters.province_code]
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    chosen = list(filters.commune_codes)
    if chosen:
        row.button(
            province,
            key="crumb_province",
            icon=":material/home:",
            type="tertiary",
            on_click=set_communes,
            args=([],),
            help=filters.t("locality.back_to_province"),
        )
    else:
        row.markdown(f"**{md(province)}**")
    for code in chosen:
        row.markdown("›")
        current = len(chosen) == 1 and village_name is None
        if current:
            row.markdown(f"**{md(names[code])}**")
        elif len(chosen) == 1:
            row.button(
                names[code],
                key=f"crumb_{code}",
                type="tertiary",
                on_click=choose_village,
                args=(None,),
            )
        else:
            row.button(
                names[code],
                key=f"crumb_{code}",
                type="tertiary",
                on_click=set_communes,
                args=([code],),
                help=filters.t("locality.open_one"),
            )
    if village_name is not None:
        row.markdown("›")
        row.markdown(f"**{md(village_name)}**")


def _delta(row: pd.Series, lang: str, t) -> tuple[dict, str | None]:
    """The tile's comparison with the province: points for percents (coloured the right way
    for the indicator's direction), a share for counts."""
    if _missing(row["value"]) or _missing(row["province_value"]):
        return {"delta": None}, None
    if row["unit"] == "percent":
        diff = float(row["value"]) - float(row["province_value"])
        delta = metric_delta(diff, "percent", row["direction"], lang)
        return delta, t("locality.points_vs_province")
    total = row["province_numerator"]
    if _missing(total) or not total:
        return {"delta": None}, None
    share = format_percent(100.0 * float(row["value"]) / float(total), lang)
    return {"delta": None}, t("locality.share_of_province", share=share)


def render_tile(row: pd.Series, trend: pd.DataFrame, filters: Filters) -> None:
    """One indicator: name, value with the province beside it, trend line, status and pace."""
    lang, t, stage = filters.lang, filters.t, filters.stage
    delta, description = _delta(row, lang, t)
    with st.container(border=True, height="stretch"):
        st.markdown(f"**{md(row['code'])}** · {md(row['name_' + lang])}")
        st.metric(
            row["code"],
            format_value(row["value"], row["unit"], lang),
            **delta,
            delta_description=description if delta["delta"] else None,
            label_visibility="collapsed",
        )
        if description and not delta["delta"]:
            st.caption(description)
        mine = trend[trend["indicator_code"] == row["code"]]
        if not mine.empty and not _missing(row["target"]):
            line = sparkline(
                mine,
                unit=row["unit"],
                baseline=float(row["baseline"]),
                target=float(row["target"]),
                start=stage.start_date,
                deadline=stage.deadline,
                as_of=filters.as_of,
            )
            # Inline SVG drawn by Markdown: ten chart views on one page cost the browser more
            # than the rest of the page (charts.sparkline). Its texts are escaped there.
            st.markdown(sparkline_svg(line, lang), unsafe_allow_html=True)
        st.markdown(
            f"{status_badge(row['status'], lang)} "
            + t(
                "locality.target_pace",
                target=format_value(row["target"], row["unit"], lang),
                expected=format_value(row["expected"], row["unit"], lang),
            )
        )
        st.caption(
            t(
                "locality.province_and_report",
                province=format_value(row["province_value"], row["unit"], lang),
                date=format_date(
                    None if _missing(row["last_report"]) else row["last_report"], lang
                ),
            )
        )


def render_tiles(tiles: pd.DataFrame, trend: pd.DataFrame, filters: Filters) -> None:
    """The stage's indicators as tiles, TILES_PER_ROW a row."""
    for start in range(0, len(tiles), TILES_PER_ROW):
        chunk = tiles.iloc[start : start + TILES_PER_ROW]
        columns = st.columns(TILES_PER_ROW)
        for column, (_, row) in zip(columns, chunk.iterrows(), strict=False):
            with column:
                render_tile(row, trend, filters)


def _score(value: float | None, lang: str) -> str:
    return "—" if _missing(value) else format_percent(100.0 * value, lang)


def render_summary(
    filters: Filters,
    *,
    rank: pd.Series | None,
    score: float | None,
    province_score: float | None,
    completeness: pd.DataFrame,
    villages: pd.DataFrame,
) -> None:
    """Rank, composite score against the province, reporting completeness, village teams."""
    t, lang = filters.t, filters.lang
    columns = st.columns(4)
    if rank is not None:
        rank_text = "—" if _missing(rank["rank"]) else f"{int(rank['rank'])}/{int(rank['ranked'])}"
        columns[0].metric(t("locality.rank"), rank_text, help=t("locality.rank_help"))
    else:
        columns[0].metric(t("locality.communes_chosen"), str(len(filters.commune_codes)))
    delta: dict = {"delta": None}
    if not _missing(score) and not _missing(province_score):
        points = 100.0 * (score - province_score)
        delta = {
            **metric_delta(points, "percent", "higher", lang),
            "delta": format_signed(points, lang, decimals=1),
        }
    columns[1].metric(
        t("locality.score"),
        _score(score, lang),
        **delta,
        delta_description=t(
            "locality.points_vs_province_score", score=_score(province_score, lang)
        ),
        help=t("locality.score_help"),
    )
    reported = int(completeness["periods_reported"].sum())
    elapsed = int(completeness["periods_elapsed"].sum())
    share = format_percent(100.0 * reported / elapsed, lang, decimals=0) if elapsed else "—"
    columns[2].metric(
        t("locality.completeness"),
        t("locality.periods", reported=reported, elapsed=elapsed),
        delta=share,
        delta_color="off",
        delta_arrow="off",
        help=t("locality.completeness_help"),
    )
    known = villages["team_active"].notna()
    active = int(villages.loc[known, "team_active"].astype(bool).sum())
    columns[3].metric(
        t("locality.teams"),
        t("locality.teams_value", active=active, total=len(villages)),
        help=t("locality.teams_help"),
    )


def render_target_groups(groups: pd.DataFrame, filters: Filters) -> None:
    """The five target groups as bars of people reached against the group's goal."""
    st.subheader(filters.t("locality.target_groups"))
    if groups.empty:
        st.info(filters.t("locality.no_target_groups"))
        return
    show_chart(
        "locality_groups",
        (filters.scope, filters.lang),
        lambda: target_group_chart(groups, lang=filters.lang),
        width="stretch",
    )
    st.caption(filters.t("locality.goal_tick"))


def render_completeness(grid: pd.DataFrame, completeness: pd.DataFrame, filters: Filters) -> None:
    """Each chosen commune's reporting periods over the stage as a strip."""
    t = filters.t
    st.subheader(t("locality.completeness_title"))
    if grid.empty:
        st.info(t("locality.stage_not_started"))
        return
    names = commune_names(filters)
    for row in completeness.itertuples():
        if len(completeness) > 1:
            st.markdown(f"**{md(names[row.commune_code])}**")
        st.caption(
            t("locality.periods", reported=row.periods_reported, elapsed=row.periods_elapsed)
        )
        mine = grid[grid["commune_code"] == row.commune_code]
        st.progress(row.share or 0.0)
        missing = mine[mine["complete"] & ~mine["reported"]]
        if not missing.empty:
            weeks = ", ".join(format_date(d, filters.lang) for d in missing["period_start"])
            st.caption(t("locality.missing_periods", periods=weeks))
