"""Reporting completeness on the Data page: headline counts, late communes, periods."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import translate
from i18n.formats import format_date
from ui.export import table_downloads


def late_communes_frame(communes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Communes not fully reported this period, most overdue first, with translated headers."""
    t = lambda key: translate(key, lang)  # noqa: E731
    late = communes[communes["indicators_current"] < communes["indicators_total"]]
    days = late["days_late"].map(lambda d: t("data.never") if pd.isna(d) else str(int(d)))
    return pd.DataFrame(
        {
            t("common.code"): late["commune_code"],
            t("common.commune"): late["commune_name"],
            t("data.col_current"): [
                f"{c}/{n}"
                for c, n in zip(late["indicators_current"], late["indicators_total"], strict=True)
            ],
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


def completeness_tables(communes: pd.DataFrame, periods: pd.DataFrame, filters: object) -> None:
    """Draw the headline counts, the late communes and the per-period table."""
    lang = filters.lang
    total = len(communes)
    complete = int((communes["indicators_current"] == communes["indicators_total"]).sum())
    never = int((communes["indicators_reported"] < communes["indicators_total"]).sum())
    first, second, third = st.columns(3)
    first.metric(translate("data.complete_metric", lang), f"{complete}/{total}")
    second.metric(translate("data.late_metric", lang), f"{total - complete - never}")
    third.metric(translate("data.never_metric", lang), f"{never}")
    st.caption(
        translate(
            "data.period_rule",
            lang,
            days=filters.stage.period_days,
            date=format_date(filters.as_of, lang),
        )
    )
    st.subheader(translate("data.late_header", lang))
    late = late_communes_frame(communes, lang)
    if late.empty:
        st.success(translate("data.all_current", lang))
    else:
        st.dataframe(late, hide_index=True, width="stretch")
        table_downloads(late, name="late-communes", lang=lang, key="export_late")
    st.subheader(translate("data.periods_header", lang))
    periods_table = periods_frame(periods, lang)
    st.dataframe(periods_table, hide_index=True, width="stretch")
    table_downloads(periods_table, name="reporting-periods", lang=lang, key="export_periods")
