"""Administration: load the commune register, target-group populations, indicators and targets."""

import streamlit as st

from ui.filters import current_filters
from ui.importing import import_columns, render_history, render_import_flow

filters = current_filters("admin")
lang = filters.lang
st.title(filters.t("page.admin"))
st.caption(filters.t("admin.intro"))
SECTIONS = (
    ("admin.tab_localities", "localities"),
    ("admin.tab_populations", "populations"),
    ("admin.tab_indicators", "indicators"),
)
tabs = st.tabs([filters.t(title) for title, _ in SECTIONS])
for tab, (_, kind) in zip(tabs, SECTIONS, strict=True):
    with tab:
        st.caption(filters.t("admin.columns", columns=", ".join(import_columns(kind))))
        render_import_flow(kind, lang=lang, actor=filters.viewer.actor)
render_history(lang, actor=filters.viewer.actor, kinds=tuple(kind for _, kind in SECTIONS))
