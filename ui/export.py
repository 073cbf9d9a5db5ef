"""Download any table as CSV or XLSX, with the headers the reader saw on screen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from data_access.exports import table_csv_bytes, table_xlsx_bytes
from i18n import translate

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _labelled(frame: pd.DataFrame, column_config: Mapping[str, Any] | None) -> pd.DataFrame:
    """The frame with column_config labels as headers (columns configured as None dropped)."""
    if not column_config:
        return frame
    hidden = [name for name, config in column_config.items() if config is None]
    labels = {
        name: config.get("label") or name
        for name, config in column_config.items()
        if isinstance(config, Mapping)
    }
    return frame.drop(columns=[c for c in hidden if c in frame.columns]).rename(columns=labels)


def table_downloads(
    frame: pd.DataFrame,
    *,
    name: str,
    lang: str,
    key: str,
    column_config: Mapping[str, Any] | None = None,
) -> None:
    """Two small buttons under a table: download it as CSV or as XLSX.

    The files are written when a button is clicked (Streamlit calls the function then), not on
    every run of the page: an XLSX of a few hundred rows costs more than the rest of a run.
    """
    table = _labelled(frame, column_config)
    # A row of buttons as wide as their labels: fixed column shares cut them in a narrow pane.
    row = st.container(horizontal=True)
    row.download_button(
        translate("export.csv", lang),
        lambda: table_csv_bytes(table),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/download:",
    )
    row.download_button(
        translate("export.xlsx", lang),
        lambda: table_xlsx_bytes(table, sheet=name),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        key=f"{key}_xlsx",
        on_click="ignore",
        icon=":material/download:",
    )
