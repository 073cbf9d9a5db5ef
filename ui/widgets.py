"""Small shared widgets: status badges and indicator tiles."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from i18n import translate
from i18n.formats import (
    STATUS_SYMBOLS,
    change_colour,
    change_direction,
    format_change,
    format_date,
    format_percent,
    format_value,
    is_missing,
    status_label,
    status_word,
)
from ui.text import md

# Badge colours of Streamlit's Markdown: blue/orange/red differ in lightness as well as hue.
STATUS_BADGE_COLOURS = {
    "on_track": "blue",
    "at_risk": "orange",
    "behind": "red",
    "stale": "gray",
    "no_data": "gray",
}


def status_badge(status: str, lang: str) -> str:
    """Markdown for a coloured badge with symbol and word."""
    return (
        f":{STATUS_BADGE_COLOURS[status]}-background[{STATUS_SYMBOLS[status]} "
        f"{status_word(status, lang)}]"
    )


def metric_delta(change: float | None, unit: str, direction: str, lang: str) -> dict:
    """st.metric's delta arguments for a change: its text, and the arrow and colour set from
    the number itself (Streamlit would read a "−" as a rise), green when it moves the right way
    for the indicator's direction ("higher" or "lower"), grey when nothing changed."""
    text = format_change(change, unit, lang)
    if text is None:
        return {"delta": None}
    decimals = 1 if unit == "percent" else 0
    return {
        "delta": text,
        "delta_arrow": change_direction(change, decimals=decimals),
        "delta_color": change_colour(change, direction, decimals=decimals),
    }


def _progress_fraction(progress: float | None) -> float:
    return 0.0 if is_missing(progress) else min(max(float(progress), 0.0), 1.0)


def indicator_tile(
    row: pd.Series,
    stage_deadline: date,
    lang: str,
    *,
    meeting: date | None = None,
    key: str | None = None,
    openable: bool = False,
    width: int | str = "stretch",
) -> bool:
    """One indicator: name, value, target and deadline, progress bar, status, as-of date.

    When `row` carries the columns of campaign.changes.compute_tile_changes, the tile also shows
    the change since the previous report (as the metric's delta) and since `meeting`. `key`
    names the tile's container (its CSS class is st-key-<key>), for page styles. With
    `openable`, a "Details" button ends the tile; True is returned when it was clicked.
    """
    unit = row["unit"]
    opened = False
    with st.container(border=True, key=key, width=width, height="stretch"):
        title = f"**{md(row['code'])} · {md(row['name_' + lang])}**"
        if openable:  # the title itself opens the indicator's page: no extra line in the tile
            opened = st.button(
                title, key=f"{key}-open", type="tertiary", help=translate("tile.open_help", lang)
            )
        else:
            st.markdown(title)
        delta: dict = {"delta": None}
        since = None
        if "change_previous" in row.index and not is_missing(row["change_previous"]):
            delta = metric_delta(row["change_previous"], unit, row.get("direction", "higher"), lang)
            since = translate(
                "tile.since_report", lang, date=format_date(row["previous_date"], lang)
            )
        st.metric(
            translate("common.value", lang),
            format_value(row["value"], unit, lang),
            **delta,
            delta_description=since,
            label_visibility="collapsed",
        )
        progress = row["progress"]
        progress_text = (
            None
            if is_missing(progress)
            else translate("tile.of_target", lang, percent=format_percent(100 * progress, lang))
        )
        st.progress(_progress_fraction(progress), text=progress_text)
        target = format_value(row["target"], unit, lang)
        deadline = format_date(stage_deadline, lang)
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
    return opened


def _since_meeting(row: pd.Series, meeting: date, lang: str) -> None:
    change = format_change(row["change_meeting"], row["unit"], lang) or translate(
        "common.none", lang
    )
    text = translate("tile.since_meeting", lang, date=format_date(meeting, lang), change=change)
    if row["status_meeting"] != row["status"]:
        was = status_label(row["status_meeting"], lang)
        text += " · " + translate("tile.status_was", lang, status=was)
    st.markdown(text)
