"""Small shared widgets: status badges and indicator tiles."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import streamlit as st

from ui.format import format_date, format_number, format_percent, format_value
from ui.i18n import translate

# Colour plus a symbol and a word, so status survives colour-blind eyes and washed-out
# projectors: blue/orange/red differ in lightness as well as hue.
STATUS_STYLE = {
    "on_track": ("blue", "✔"),
    "at_risk": ("orange", "▲"),
    "behind": ("red", "✖"),
    "stale": ("gray", "◷"),  # a clock face every common font has (⏱ is missing in many)
    "no_data": ("gray", "∅"),
}


def status_badge(status: str, lang: str) -> str:
    """Markdown for a coloured badge with symbol and word."""
    colour, symbol = STATUS_STYLE[status]
    return f":{colour}-background[{symbol} {translate('status.' + status, lang)}]"


def status_label(status: str, lang: str) -> str:
    """Plain text of a status: its symbol and word (for tables and charts)."""
    return f"{STATUS_STYLE[status][1]} {translate('status.' + status, lang)}"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_change(change: float | None, unit: str, lang: str) -> str | None:
    """A signed change in the indicator's unit ("+4,3 điểm %", "+1.234"); None when unknown."""
    if _missing(change):
        return None
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    if unit == "percent":
        text = format_number(abs(change), lang, decimals=1)
        return f"{sign}{text} {translate('tile.points', lang)}"
    return f"{sign}{format_number(abs(change), lang)}"


def _progress_fraction(progress: float | None) -> float:
    return 0.0 if _missing(progress) else min(max(float(progress), 0.0), 1.0)


def indicator_tile(
    row: pd.Series,
    stage: pd.Series,
    lang: str,
    *,
    meeting: date | None = None,
    key: str | None = None,
) -> None:
    """One indicator: name, value, target and deadline, progress bar, status, as-of date.

    When `row` carries the columns of campaign.changes.compute_tile_changes, the tile also shows
    the change since the previous report (as the metric's delta) and since `meeting`. `key`
    names the tile's container (its CSS class is st-key-<key>), for page styles.
    """
    unit = row["unit"]
    with st.container(border=True, key=key):
        st.markdown(f"**{row['code']} · {row['name_' + lang]}**")
        delta, since, colour = None, None, "normal"
        if "change_previous" in row.index and not _missing(row["change_previous"]):
            delta = format_change(row["change_previous"], unit, lang)
            since = translate(
                "tile.since_report", lang, date=format_date(row["previous_date"], lang)
            )
            if row["change_previous"] == 0:
                colour = "off"  # "±0": grey, no arrow
            elif row.get("direction", "higher") == "lower":
                colour = "inverse"
        st.metric(
            translate("common.value", lang),
            format_value(row["value"], unit, lang),
            delta=delta,
            delta_color=colour,
            delta_arrow="off" if colour == "off" else "auto",
            delta_description=since,
            label_visibility="collapsed",
        )
        progress = row["progress"]
        progress_text = (
            None
            if _missing(progress)
            else translate("tile.of_target", lang, percent=format_percent(100 * progress, lang))
        )
        st.progress(_progress_fraction(progress), text=progress_text)
        target = format_value(row["target"], unit, lang)
        deadline = format_date(stage["deadline"], lang)
        st.markdown(
            f"{status_badge(row['status'], lang)} &nbsp; {translate('common.target', lang)}: "
            f"**{target}** · {translate('common.deadline', lang)}: {deadline}"
        )
        if meeting is not None and "change_meeting" in row.index:
            _since_meeting(row, meeting, lang)
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


def _since_meeting(row: pd.Series, meeting: date, lang: str) -> None:
    change = format_change(row["change_meeting"], row["unit"], lang) or translate(
        "common.none", lang
    )
    text = translate("tile.since_meeting", lang, date=format_date(meeting, lang), change=change)
    if row["status_meeting"] != row["status"]:
        was = status_label(row["status_meeting"], lang)
        text += " · " + translate("tile.status_was", lang, status=was)
    st.markdown(text)
