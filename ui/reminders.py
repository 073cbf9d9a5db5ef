"""Reminders on the Data page: the communes that have not submitted the current period, with
their focal points, as a table to download and as text to copy into a message."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from i18n import translate
from i18n.formats import format_date
from ui.export import table_downloads
from ui.filter_state import Filters
from ui.tables import show_table

COLUMNS = ("commune_code", "commune_name", "focal_name", "focal_phone", "focal_email")


def reminders_frame(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reminder list with translated headers."""
    labels = [translate(f"reminders.col.{c}", lang) for c in COLUMNS]
    return rows[list(COLUMNS)].set_axis(labels, axis=1)


def reminders_text(rows: pd.DataFrame) -> str:
    """One line per commune: code, name and whatever of the focal point is known."""
    lines = []
    for row in rows.itertuples(index=False):
        parts = [f"{row.commune_code} {row.commune_name}"]
        parts += [v for v in (row.focal_name, row.focal_phone, row.focal_email) if v]
        lines.append(" – ".join(parts))
    return "\n".join(lines)


def render_reminders(end: date | None, rows: pd.DataFrame, filters: Filters) -> None:
    """The communes owing the current period: a count, the table, its downloads, the text."""
    lang = filters.lang
    st.subheader(translate("reminders.header", lang), anchor=False)
    if end is None:
        st.caption(translate("submissions.empty", lang))
        return
    when = format_date(end, lang)
    if rows.empty:
        st.success(translate("reminders.none", lang, date=when))
        return
    st.caption(translate("reminders.caption", lang, count=len(rows), date=when))
    table = reminders_frame(rows, lang)
    show_table(table, lang, hide_index=True, width="stretch")
    table_downloads(table, name="reminders", lang=lang, key="export_reminders")
    with st.expander(translate("reminders.copy", lang)):
        # st.code keeps the text as typed (never Markdown) and has its own copy button.
        st.code(reminders_text(rows), language=None, wrap_lines=True)
