"""Tables of the locality page: villages, last reports, per-commune breakdown, commune chooser."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from figures.boards import stage_indicators
from figures.locality import report_log
from i18n.formats import format_date, format_number, format_value
from ui.commune_picker import choose_village, render_commune_search, set_communes
from ui.data import reader
from ui.export import table_downloads
from ui.filter_state import Filters
from ui.locality import commune_names
from ui.tables import percent_bar, show_table
from ui.text import md

# Tall enough for a typical commune's ten or so villages without the page growing a mile.
TABLE_HEIGHT = 420
CHOOSER_KEY = "locality_search"
VILLAGE_PICK_KEY = "locality_village_pick"
COMMUNE_PICK_KEY = "locality_commune_list"


def _team_text(active: object, day: object, filters: Filters) -> str:
    if active is None or pd.isna(active):
        return filters.t("village.team_unreported")
    if active:
        return filters.t("village.team_active", date=format_date(day, filters.lang))
    return filters.t("village.team_inactive")


def render_villages(villages: pd.DataFrame, filters: Filters) -> None:
    """Villages with kind, team status and people reached where reported; one can be opened."""
    t, lang = filters.t, filters.lang
    st.subheader(t("village.title", count=len(villages)))
    if villages.empty:
        st.info(t("village.none_registered"))
        return
    reached_columns = [c for c in villages.columns if c.startswith("reached_")]
    if villages["team_active"].isna().all() and not reached_columns:
        st.info(t("village.nothing_reported"))
    table = pd.DataFrame(
        {
            t("village.name"): villages["name"],
            t("common.kind"): [t(f"kind.{k}") for k in villages["kind"]],
            t("village.team"): [
                _team_text(a, d, filters)
                for a, d in zip(villages["team_active"], villages["team_date"], strict=True)
            ],
        }
    )
    if len(filters.commune_codes) > 1:
        names = commune_names(filters)
        table.insert(0, t("common.commune"), villages["commune_code"].map(names))
    for column in reached_columns:
        label = t("village.reached", indicator=column.removeprefix("reached_"))
        table[label] = [format_number(v, lang) for v in villages[column]]
    if not reached_columns:
        table[t("village.reached_any")] = t("village.reached_unreported")
    show_table(table, lang, hide_index=True, height=min(TABLE_HEIGHT, 38 + 35 * len(table)))
    table_downloads(table, name="villages", lang=lang, key="export_villages")
    if len(filters.commune_codes) == 1:
        names = dict(zip(villages["code"], villages["name"], strict=True))
        st.selectbox(
            t("village.open"),
            [None, *villages["code"]],
            index=0,
            key=VILLAGE_PICK_KEY,
            format_func=lambda code: t("village.pick") if code is None else names[code],
            on_change=lambda: choose_village(st.session_state[VILLAGE_PICK_KEY]),
        )


def render_last_reports(reports: pd.DataFrame, filters: Filters) -> None:
    """The latest report of each indicator with its date and the import it came in."""
    t, lang = filters.t, filters.lang
    st.subheader(t("locality.last_reports"))
    if reports.empty:
        st.info(t("locality.no_reports"))
        return
    units = _units(filters)
    table = pd.DataFrame(
        {
            t("common.indicator"): reports["indicator_code"],
            t("locality.report_date"): [format_date(d, lang) for d in reports["report_date"]],
            t("common.value"): [
                _report_value(n, d, units.get(code, "count"), lang)
                for n, d, code in zip(
                    reports["numerator"],
                    reports["denominator"],
                    reports["indicator_code"],
                    strict=True,
                )
            ],
            t("locality.batch_file"): reports["file_name"],
            t("locality.batch_date"): [format_date(d, lang) for d in reports["imported_at"]],
        }
    )
    if len(filters.commune_codes) > 1:
        names = commune_names(filters)
        table.insert(0, t("common.commune"), reports["commune_code"].map(names))
    show_table(table, lang, hide_index=True, height=min(TABLE_HEIGHT, 38 + 35 * len(table)))
    table_downloads(table, name="last-reports", lang=filters.lang, key="export_last_reports")


def _units(filters: Filters) -> dict[str, str]:
    """Indicator code -> unit for the stage's indicators, in display order."""
    indicators = stage_indicators(reader(), filters.scope)
    return dict(zip(indicators["code"], indicators["unit"], strict=True))


def _report_value(numerator: float, denominator: float, unit: str, lang: str) -> str:
    """'245 / 597 (41,0%)' for a ratio, the count otherwise."""
    if unit == "percent" and not pd.isna(denominator) and denominator > 0:
        share = format_value(100.0 * numerator / denominator, "percent", lang)
        return f"{format_number(numerator, lang)} / {format_number(denominator, lang)} ({share})"
    return format_number(numerator, lang)


def render_breakdown(breakdown: pd.DataFrame, filters: Filters) -> None:
    """One row per chosen commune: rank, score, completeness, last report, every value."""
    t, lang = filters.t, filters.lang
    st.subheader(t("locality.breakdown"))
    units = _units(filters)
    table = pd.DataFrame(
        {
            t("common.commune"): breakdown["commune_name"],
            t("common.code"): breakdown["commune_code"],
            t("locality.rank"): breakdown["rank"].astype("Int64"),
            t("locality.score"): 100.0 * pd.to_numeric(breakdown["score"]),
            t("locality.completeness"): 100.0 * pd.to_numeric(breakdown["completeness"]),
            t("common.last_report"): [format_date(d, lang) for d in breakdown["last_report"]],
        }
    )
    for code, unit in units.items():
        if code in breakdown.columns:
            table[code] = [format_value(v, unit, lang) for v in breakdown[code]]
    show_table(
        table,
        lang,
        formats={t("locality.score"): None, t("locality.completeness"): None},
        hide_index=True,
        column_config={
            t("locality.score"): percent_bar(None, lang),
            t("locality.completeness"): percent_bar(None, lang),
        },
    )
    table_downloads(table, name="communes", lang=lang, key="export_breakdown")
    st.caption(t("locality.breakdown_hint"))


def render_chooser(filters: Filters, ranks: pd.DataFrame) -> None:
    """No commune chosen: a search box and the province's communes, best ranked first."""
    t = filters.t
    st.info(t("locality.choose_hint"))
    left, right = st.columns([2, 3])
    with left:
        render_commune_search(filters.communes, filters.lang, key=CHOOSER_KEY, container=st)
    kinds = dict(zip(filters.communes["code"], filters.communes["kind"], strict=True))
    table = pd.DataFrame(
        {
            t("locality.rank"): ranks["rank"].astype("Int64"),
            t("common.commune"): ranks["commune_name"],
            t("common.code"): ranks["commune_code"],
            t("common.kind"): [t(f"kind.{kinds[c]}") for c in ranks["commune_code"]],
            t("locality.score"): 100.0 * pd.to_numeric(ranks["score"]),
        }
    )
    with right:
        st.caption(t("locality.list_hint"))
        show_table(
            table,
            filters.lang,
            formats={t("locality.score"): None},
            hide_index=True,
            height=TABLE_HEIGHT,
            key=COMMUNE_PICK_KEY,
            on_select=lambda: _pick_from_list(list(ranks["commune_code"])),
            selection_mode="single-row",
            column_config={t("locality.score"): percent_bar(None, filters.lang)},
        )
        table_downloads(table, name="communes", lang=filters.lang, key="export_chooser")


def _pick_from_list(codes: list[str]) -> None:
    rows = st.session_state[COMMUNE_PICK_KEY].selection.rows
    if rows:
        set_communes([codes[rows[0]]])


def render_village(filters: Filters, village: pd.Series) -> None:
    """One village: its team status and every report it has, or that nothing is reported."""
    t, lang = filters.t, filters.lang
    st.title(md(village["name"]), anchor=False)
    st.caption(
        t(
            "village.caption",
            kind=t(f"kind.{village['kind']}"),
            code=village["code"],
            commune=commune_names(filters)[village["commune_code"]],
            date=format_date(filters.as_of, lang),
        )
    )
    st.metric(t("village.team"), _team_text(village["team_active"], village["team_date"], filters))
    log = report_log(reader(), filters.scope, village["code"])
    if log.empty:
        st.info(t("village.nothing_for_village", date=format_date(filters.as_of, lang)))
    else:
        st.subheader(t("village.reports"))
        units = _units(filters)
        log_table = pd.DataFrame(
            {
                t("common.indicator"): log["indicator_code"],
                t("locality.report_date"): [format_date(d, lang) for d in log["report_date"]],
                t("common.value"): [
                    _report_value(n, d, units.get(c, "count"), lang)
                    for n, d, c in zip(
                        log["numerator"], log["denominator"], log["indicator_code"], strict=True
                    )
                ],
                t("locality.batch_file"): log["file_name"],
                t("locality.batch_date"): [format_date(d, lang) for d in log["imported_at"]],
            }
        )
        show_table(log_table, lang, hide_index=True)
        table_downloads(log_table, name="village-reports", lang=lang, key="export_village_log")
    st.button(
        t("village.back", commune=commune_names(filters)[village["commune_code"]]),
        icon=":material/arrow_upward:",
        on_click=choose_village,
        args=(None,),
    )
