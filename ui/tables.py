"""Tables that write their numbers the way the reader's language does (vi 1.234,5 · 83,9 %).

Streamlit's own number formats follow the browser's locale or printf, never the language the
reader chose, so every table goes through `show_table`: numbers are written by i18n.formats in
a pandas Styler (Streamlit shows a Styler's text while sorting by the underlying number), and
progress bars carry whole percents, which read the same in both languages but for the space.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st
from pandas.api.types import is_bool_dtype, is_integer_dtype, is_numeric_dtype

from i18n.formats import format_number, format_percent, format_signed, format_value

Formatter = Callable[[object], str]
# Record numbers (an account's, a session's, a link's) are names, not quantities: no separators.
PLAIN_IDS: dict[str, Formatter] = {"id": str, "user_id": str, "batch_id": str}


def number(lang: str, *, decimals: int = 0) -> Formatter:
    return lambda value: format_number(value, lang, decimals=decimals)


def percent(lang: str, *, decimals: int = 1) -> Formatter:
    """For a column holding percents already ×100."""
    return lambda value: format_percent(value, lang, decimals=decimals)


def signed(lang: str, *, decimals: int = 0) -> Formatter:
    return lambda value: format_signed(value, lang, decimals=decimals) or "—"


def in_unit(unit: str, lang: str) -> Formatter:
    """An indicator's value in its unit (percent with one decimal, counts whole)."""
    return lambda value: format_value(value, unit, lang)


def percent_bar(label: str | None, lang: str, **options: Any) -> Any:
    """A progress bar over 0–100 labelled with its whole percent ("84 %" / "84%")."""
    return st.column_config.ProgressColumn(
        label,
        format="%.0f\u00a0%%" if lang == "vi" else "%.0f%%",
        min_value=0.0,
        max_value=100.0,
        **options,
    )


def _default_formatter(column: pd.Series, lang: str) -> Formatter | None:
    """Whole numbers with separators; other numbers with one decimal; None for the rest."""
    if is_bool_dtype(column) or not is_numeric_dtype(column):
        return None
    if is_integer_dtype(column):
        return number(lang)
    values = column.dropna()
    whole = bool(values.empty or (values == values.round()).all())
    return number(lang, decimals=0 if whole else 1)


def localized(
    frame: pd.DataFrame, lang: str, formats: Mapping[str, Formatter | None] | None = None
):
    """A Styler writing every numeric column of `frame` in `lang`; `formats` chooses a
    column's formatter (None leaves it to its column_config, e.g. a progress bar).

    A frame of text only, with no formatter chosen and no empty cell to show as "—", goes as
    it is: it reads the same, and a Styler is rendered cell by cell on every run (the Data
    page has several)."""
    formats = formats or {}
    chosen: dict[str, Formatter] = {}
    for name in frame.columns:
        formatter = formats[name] if name in formats else _default_formatter(frame[name], lang)
        if formatter is not None:
            chosen[name] = formatter
    numeric = any(is_numeric_dtype(frame[name]) for name in frame.columns)
    if not chosen and not numeric and not frame.isna().to_numpy().any():
        return frame
    return frame.style.format(chosen, na_rep="—")


def show_table(
    frame: pd.DataFrame,
    lang: str,
    *,
    formats: Mapping[str, Formatter | None] | None = None,
    **options: Any,
) -> Any:
    """st.dataframe of `frame` with its numbers in `lang` (options go to st.dataframe)."""
    return st.dataframe(localized(frame, lang, formats), **options)
