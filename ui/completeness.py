"""Reporting completeness on the Data page: headline counts, late communes, periods.

Each headline count is the number of rows of one status in the list below it, so the
screen cannot disagree with itself (the rule is data_access.completeness's `status`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.completeness import COMPLETE, LATE, NEVER, SUBMISSION_STATES
from figures.reporting import current_period_end
from i18n import translate
from i18n.formats import format_date
from ui.export import table_downloads
from ui.filter_state import Filters
from ui.tables import show_table


def status_counts(communes: pd.DataFrame) -> dict[str, int]:
    """How many communes are complete, late and never reported (they add up to all)."""
    counts = communes["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in (COMPLETE, LATE, NEVER)}


def late_communes_frame(communes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Communes not fully reported this period, most overdue first, with translated headers."""
    t = lambda key: translate(key, lang)  # noqa: E731
    late = communes[communes["status"] != COMPLETE]
    # Whole days as numbers, so the table sorts them as numbers and writes them right-aligned
    # in the reader's format, and the downloads keep them as numbers. A commune that never
    # reported has none: its status says so, and its cell shows "—".
    days = late["days_late"].round().astype("Int64")
    return pd.DataFrame(
        {
            t("common.code"): late["commune_code"],
            t("common.commune"): late["commune_name"],
            t("data.col_status"): late["status"].map(lambda s: t(f"data.completeness_{s}")),
            t("data.col_current"): [
                f"{c}/{n}"
                for c, n in zip(late["indicators_current"], late["indicators_total"], strict=True)
            ],
            t("data.col_never"): late["indicators_total"] - late["indicators_reported"],
            t("common.last_report"): late["last_report"].map(lambda d: format_date(d, lang)),
            t("data.col_oldest"): late["oldest_report"].map(lambda d: format_date(d, lang)),
            t("data.col_days_late"): days,
        }
    )


def periods_frame(periods: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Periods as rows, indicators as columns, cells "reported/total"."""
    if periods.empty:
        return pd.DataFrame()
    cells = periods.assign(
        cell=periods["communes_reported"].astype(str) + "/" + periods["communes_total"].astype(str),
        period=periods["period_start"].map(lambda d: format_date(d, lang))
        + " → "
        + periods["period_end"].map(lambda d: format_date(d, lang)),
    )
    table = cells.pivot(index="period", columns="indicator_code", values="cell")
    order = cells.drop_duplicates("period").sort_values("period_start", ascending=False)["period"]
    table = table.reindex(order).fillna("0/" + str(int(periods["communes_total"].iloc[0])))
    return table.rename_axis(translate("data.col_period", lang)).reset_index()


def render_commune_completeness(communes: pd.DataFrame, filters: Filters) -> None:
    """The headline counts and the list of communes late or never reported."""
    lang = filters.lang
    counts = status_counts(communes)
    first, second, third = st.columns(3)
    first.metric(translate("data.complete_metric", lang), f"{counts[COMPLETE]}/{len(communes)}")
    second.metric(translate("data.late_metric", lang), f"{counts[LATE]}")
    third.metric(translate("data.never_metric", lang), f"{counts[NEVER]}")
    st.caption(
        translate(
            "data.period_rule",
            lang,
            days=filters.stage.period_days,
            date=format_date(filters.as_of, lang),
        )
    )
    st.subheader(translate("data.late_header", lang), anchor=False)
    late = late_communes_frame(communes, lang)
    if late.empty:
        st.success(translate("data.all_current", lang))
        return
    st.caption(translate("data.late_listed", lang, rows=len(late), **counts))
    show_table(late, lang, hide_index=True, width="stretch")
    table_downloads(late, name="late-communes", lang=lang, key="export_late")


def render_period_completeness(periods: pd.DataFrame, lang: str) -> None:
    """Communes that reported per recent period and indicator (the whole province)."""
    st.subheader(translate("data.periods_header", lang), anchor=False)
    periods_table = periods_frame(periods, lang)
    if periods_table.empty:  # (an empty table would say Streamlit's own English "empty")
        st.caption(translate("data.periods_empty", lang))
        return
    show_table(periods_table, lang, hide_index=True, width="stretch")
    table_downloads(periods_table, name="reporting-periods", lang=lang, key="export_periods")


def submissions_frame(states: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Communes as rows, periods (newest first, by their last day) as columns, each cell the
    commune's state in words."""
    if states.empty:
        return pd.DataFrame()
    words = states.assign(
        word=states["state"].map(lambda s: translate(f"submissions.state.{s}", lang)),
        period=states["period_end"].map(lambda d: format_date(d, lang)),
    )
    table = words.pivot(index=["commune_code", "commune_name"], columns="period", values="word")
    order = words.drop_duplicates("period").sort_values("period_end", ascending=False)["period"]
    table = table[list(order)].reset_index()
    names = {"commune_code": translate("common.code", lang)}
    return table.rename(columns={**names, "commune_name": translate("common.commune", lang)})


def render_submission_completeness(states: pd.DataFrame, filters: Filters) -> None:
    """The current period's approved, submitted and missing counts, then every commune's state
    in each recent period (each count is the number of its word in the table's first column)."""
    lang = filters.lang
    st.subheader(translate("submissions.header", lang), anchor=False)
    end = current_period_end(states, filters.as_of)
    if end is None:
        st.caption(translate("submissions.empty", lang))
        return
    current = states[states["period_end"] == end]
    counts = current["state"].value_counts()
    for column, state in zip(st.columns(3), SUBMISSION_STATES, strict=True):
        column.metric(translate(f"submissions.metric.{state}", lang), int(counts.get(state, 0)))
    start = format_date(current["period_start"].iloc[0], lang)
    st.caption(translate("submissions.rule", lang, start=start, end=format_date(end, lang)))
    table = submissions_frame(states, lang)
    show_table(table, lang, hide_index=True, width="stretch")
    table_downloads(table, name="submissions", lang=lang, key="export_submissions")
