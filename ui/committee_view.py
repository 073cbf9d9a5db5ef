"""Page helpers of the committee's screens: projector styling, page-owned URL parameters, the
meeting date, opening a commune, and short ranked lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from figures.dates import comparison_date
from figures.requests import parse_url_date
from i18n.formats import format_date, format_percent
from ui.data import reader
from ui.export import table_downloads
from ui.filter_state import Filters
from ui.filters import AS_OF_LOOKBACK_DAYS
from ui.tables import Formatter, show_table
from ui.text import md

MEETING_PARAM = "meeting"
MEETING_KEY = "committee_meeting"
_WRITTEN_KEY = "committee_url_written"
# What a ranked list notes beside a commune's score: indicators behind, and stale reports.
LIST_NOTES = (("behind", "✖", "committee.behind_count"), ("stale", "◷", "committee.stale_count"))

TILE_KEY = "indicator-tile-"  # overview tiles' container keys: the CSS below tightens them
RANKED_KEY = "ranked-"  # a ranked list's container key: the CSS below lets its lines wrap
# The one place the committee's screens restyle Streamlit: metric values at 3× body text and
# less empty space above the title and inside tiles, so two rows of five tiles fit a
# 1920×1080 projector.
PROJECTOR_CSS = """
<style>
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p {
  font-size: 3rem; line-height: 1.15; font-weight: 700;
}
[data-testid="stMetricDelta"] p { font-size: 1.1rem; font-weight: 600; }
/* The delta's "since (date)" wraps under it rather than being cut to "s." on a laptop. */
[data-testid="stMetricDelta"] { flex-shrink: 0; }
[data-testid="stMetricDelta"] + [data-testid="stMetricDeltaDescription"],
[data-testid="stMetricDeltaDescription"] { white-space: normal; overflow: visible; }
[data-testid="stMetricDeltaDescription"] p { white-space: normal; text-overflow: clip; }
[data-testid="stMetricDelta"]:has(+ [data-testid="stMetricDeltaDescription"]) { flex-wrap: wrap; }
/* Five tiles a row on a 1366-pixel laptop: values a little smaller so "93,0 %" is whole. */
@media (max-width: 1600px) {
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] p {
    font-size: 2.4rem; font-weight: 700;
  }
}
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; }  /* just below the app header */
[class*="st-key-indicator-tile-"] { gap: 0.5rem; }
/* A tile's title is the button that opens its indicator: read as a heading, left-aligned.
   A ranked list's lines are buttons too: a long line wraps, left-aligned, instead of ending
   in "…" before the score in a narrow column. */
[class*="st-key-indicator-tile-"] [data-testid="stBaseButton-tertiary"],
[class*="st-key-ranked-"] [data-testid="stBaseButton-tertiary"] {
  justify-content: flex-start !important; text-align: left !important; width: 100%;
}
[class*="st-key-indicator-tile-"] [data-testid="stBaseButton-tertiary"] *,
[class*="st-key-ranked-"] [data-testid="stBaseButton-tertiary"] * {
  justify-content: flex-start !important; text-align: left !important;
}
[class*="st-key-indicator-tile-"] [data-testid="stBaseButton-tertiary"] {
  padding: 0; min-height: 0;
}
[class*="st-key-indicator-tile-"] [data-testid="stBaseButton-tertiary"] p { font-size: 1rem; }
</style>
"""


def apply_projector_style() -> None:
    """Large numbers and readable small print for the projector."""
    st.html(PROJECTOR_CSS)


def read_page_param(key: str) -> str | None:
    """The URL's value of a parameter this page owns, when it is news to this session.

    A value equal to what the page itself last wrote is not news: the widget holding it may
    have changed since, and must win over the URL it has not rewritten yet.
    """
    text = st.query_params.get(key)
    if text is None or text == st.session_state.get(_WRITTEN_KEY, {}).get(key):
        return None
    return text


def write_page_param(key: str, text: str) -> None:
    """Put a page-owned parameter in the URL so a copied link reproduces the view."""
    st.session_state.setdefault(_WRITTEN_KEY, {})[key] = text
    if st.query_params.get(key) != text:
        st.query_params[key] = text


def url_choice(
    key: str,
    state_key: str,
    *,
    accept: Callable[[str], object | None],
    problem: Callable[[str], str],
) -> None:
    """Copy a new URL value of `key` into `state_key` when `accept` turns it into a value;
    otherwise warn with the message `problem` writes for the wrong text."""
    text = read_page_param(key)
    if text is None:
        return
    value = accept(text)
    if value is None:
        st.warning(problem(text))
    else:
        st.session_state[state_key] = value


def meeting_date_input(filters: Filters, container: object = st) -> date:
    """The date of the last meeting (before as-of), from the URL `meeting=YYYY-MM-DD`, else the
    last stored meeting's frozen as-of, else a fortnight before as-of; shared by the overview
    and the ranking."""
    latest = filters.as_of - timedelta(days=1)
    # As early as the as-of date may go; earlier still when as-of itself is that early.
    earliest = min(filters.stage.start_date - timedelta(days=AS_OF_LOOKBACK_DAYS), latest)

    def accept(text: str) -> date | None:
        day = parse_url_date(text)
        return day if day is not None and earliest <= day <= latest else None

    url_choice(
        MEETING_PARAM,
        MEETING_KEY,
        accept=accept,
        problem=lambda text: filters.t("committee.bad_meeting", value=text),
    )
    current = st.session_state.get(MEETING_KEY)
    if current is None or not earliest <= current <= latest:
        default = comparison_date(
            reader(), province_code=filters.province_code, as_of=filters.as_of
        )
        st.session_state[MEETING_KEY] = min(max(default, earliest), latest)
    meeting = container.date_input(
        filters.t("committee.meeting"),
        key=MEETING_KEY,
        min_value=earliest,
        max_value=latest,
        format="DD/MM/YYYY" if filters.lang == "vi" else "YYYY-MM-DD",
        help=filters.t("committee.meeting_help"),
        persist_state="session",
    )
    write_page_param(MEETING_PARAM, meeting.isoformat())
    return meeting


def choosable_table(
    table: pd.DataFrame,
    filters: Filters,
    *,
    key: str,
    height: int,
    columns: dict,
    formats: dict[str, Formatter | None] | None = None,
) -> str | None:
    """A sortable table of communes (a `code` column first, then commune and kind) whose rows
    can be chosen; returns the chosen commune's code. `columns` configures the other columns,
    `formats` writes their numbers (ui.tables; numeric columns default to the language's)."""
    t, config = filters.t, st.column_config
    column_config = {
        "code": config.TextColumn(t("common.code"), width="small"),
        "commune": config.TextColumn(t("common.commune")),
        "kind": config.TextColumn(t("common.kind"), width="small"),
        **columns,
    }
    event = show_table(
        table,
        filters.lang,
        formats=formats,
        hide_index=True,
        height=height,
        on_select="rerun",
        selection_mode="single-row",
        key=key,
        column_config=column_config,
    )
    table_downloads(
        table, name=key, lang=filters.lang, key=f"export_{key}", column_config=column_config
    )
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    return str(table["code"].iloc[int(rows[0])]) if rows else None


def ranked_list(
    rows: pd.DataFrame,
    filters: Filters,
    *,
    empty: str,
    key: str | None = None,
    rank_of: int | None = None,
) -> str | None:
    """A numbered list "rank. commune — score" (with symbols of behind indicators). With a
    `key`, each line is a button and the code of the commune clicked is returned. With
    `rank_of` (how many are ranked), lines count 1…N as the map's marks do, and "rank R/of"
    follows the score."""
    if rows.empty:
        st.caption(empty)
        return None
    lines = []
    for number, (_, row) in enumerate(rows.iterrows(), start=1):
        score = format_percent(100 * row["score"], filters.lang)
        if rank_of is not None:
            score += " · " + filters.t("present.rank", rank=int(row["rank"]), count=rank_of)
        notes = "".join(
            f" · {symbol} {filters.t(note, count=int(row[status]))}"
            for status, symbol, note in LIST_NOTES
            if row[status]
        )
        # "12\\." keeps Markdown from renumbering the ranks as an ordered list.
        label = number if rank_of is not None else int(row["rank"])
        lines.append(f"{label}\\. **{md(row['commune_name'])}** — {score}{notes}")
    if key is None:
        st.markdown("  \n".join(lines))
        return None
    chosen = None
    with st.container(key=f"{RANKED_KEY}{key}"):
        for line, code in zip(lines, rows["commune_code"], strict=True):
            help_text = filters.t("committee.open")
            if st.button(line, key=f"{key}_{code}", type="tertiary", help=help_text):
                chosen = str(code)
    return chosen


def as_of_caption(filters: Filters) -> str:
    """ "As of <date>", and "synthetic demo data" on the seeded demo only (every screen says
    its date)."""
    text = filters.t("common.as_of", date=format_date(filters.as_of, filters.lang))
    return text + " · " + filters.t("app.synthetic") if filters.demo else text
