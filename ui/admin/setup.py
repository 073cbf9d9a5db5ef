"""Setting the province up: register, catalogue and population files, with their history."""

from __future__ import annotations

import streamlit as st

from ui.filter_state import Filters
from ui.importing import import_columns, render_history, render_import_flow

SECTIONS = (
    ("admin.tab_localities", "localities"),
    ("admin.tab_populations", "populations"),
    ("admin.tab_indicators", "indicators"),
)


def render_setup(filters: Filters) -> None:
    """The imports of the register and the catalogue, and their history with rollback."""
    lang, actor = filters.lang, filters.viewer.actor
    tabs = st.tabs([filters.t(title) for title, _ in SECTIONS])
    for tab, (_, kind) in zip(tabs, SECTIONS, strict=True):
        with tab:
            st.caption(filters.t("admin.columns", columns=", ".join(import_columns(kind))))
            render_import_flow(kind, lang=lang, actor=actor)
    render_history(lang, actor=actor, kinds=tuple(kind for _, kind in SECTIONS))
