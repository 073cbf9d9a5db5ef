"""Small shared widgets: status badges and indicator tiles."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from ui.format import format_date, format_value
from ui.i18n import translate

# Colour plus a symbol and a word, so status survives colour-blind eyes and washed-out
# projectors: blue/orange/red differ in lightness as well as hue.
STATUS_STYLE = {
    "on_track": ("blue", "✔"),
    "at_risk": ("orange", "▲"),
    "behind": ("red", "✖"),
    "stale": ("gray", "⏱"),
    "no_data": ("gray", "∅"),
}


def status_badge(status: str, lang: str) -> str:
    """Markdown for a coloured badge with symbol and word."""
    colour, symbol = STATUS_STYLE[status]
    return f":{colour}-background[{symbol} {translate('status.' + status, lang)}]"


def indicator_tile(row: pd.Series, stage: pd.Series, lang: str) -> None:
    """One indicator: name, value, target and deadline, progress bar, status, as-of date."""
    with st.container(border=True):
        st.markdown(f"**{row['code']} · {row['name_' + lang]}**")
        st.metric(
            translate("common.value", lang),
            format_value(row["value"], row["unit"], lang),
            label_visibility="collapsed",
        )
        progress = row["progress"]
        fraction = 0.0 if progress is None or math.isnan(progress) else min(max(progress, 0), 1)
        st.progress(fraction)
        target = format_value(row["target"], row["unit"], lang)
        deadline = format_date(stage["deadline"], lang)
        st.markdown(
            f"{status_badge(row['status'], lang)} &nbsp; {translate('common.target', lang)}: "
            f"**{target}** · {translate('common.deadline', lang)}: {deadline}"
        )
        st.caption(
            translate("common.as_of", lang, date=format_date(row["last_report"], lang))
            + " · "
            + translate(
                "common.completeness",
                lang,
                current=int(row["communes_current"]),
                total=int(row["communes_total"]),
            )
        )
