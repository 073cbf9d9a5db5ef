"""The history of one commune's values on the locality page, for data officers: who entered,
submitted, returned, approved or reopened each value, when, old → new."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.entry.history import describe_value, fetch_visible_value_history
from i18n import translate
from i18n.formats import format_date
from ui.data import app_engine
from ui.filter_state import Filters
from ui.tables import show_table


def value_history_frame(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The steps newest first, with translated headers and actions."""
    t = lambda key: translate(key, lang)  # noqa: E731
    steps = history.iloc[::-1]
    return pd.DataFrame(
        {
            t("history.col.at"): steps["at"].astype(str).str[:16],
            t("history.col.period"): steps["as_of"].map(lambda d: format_date(d, lang)),
            t("history.col.action"): steps["action"].map(lambda a: t(f"entry.action.{a}")),
            t("history.col.by"): steps["user_name"],
            t("history.col.change"): [
                f"{describe_value(old)} → {describe_value(new)}" if (old or new) else ""
                for old, new in zip(steps["old_value"], steps["new_value"], strict=True)
            ],
            t("history.col.reason"): steps["reason"].fillna(""),
        }
    )


def render_value_history(filters: Filters, commune_code: str, indicators: pd.DataFrame) -> None:
    """An indicator chooser and its value's history; nothing for viewers who may not see it
    (the query refuses them too)."""
    if not filters.viewer.limits.may("import_reports"):
        return
    lang = filters.lang
    with st.expander(translate("history.header", lang)):
        names = dict(zip(indicators["code"], indicators["name_" + lang], strict=True))
        code = st.selectbox(
            translate("history.indicator", lang),
            list(names),
            format_func=lambda c: f"{c} · {names[c]}",
            key="value_history_indicator",
        )
        if code is None:
            return
        history = fetch_visible_value_history(
            app_engine(), actor=filters.viewer.actor, commune_code=commune_code, indicator_code=code
        )
        if history is None:
            return
        if history.empty:
            st.caption(translate("history.empty", lang))
            return
        show_table(value_history_frame(history, lang), lang, hide_index=True, width="stretch")
