"""Administration: load the commune register, target-group populations, indicators and targets."""

import streamlit as st

from data_access.importers import headers
from data_access.importers.register import import_indicators, import_localities, import_populations
from ui.filters import current_filters
from ui.importing import render_history, render_import_flow

filters = current_filters()
lang = filters.lang
st.title(filters.t("page.admin"))
st.caption(filters.t("admin.intro"))
SECTIONS = (
    ("admin.tab_localities", import_localities, "localities", headers.LOCALITY_COLUMNS),
    ("admin.tab_populations", import_populations, "populations", headers.POPULATION_COLUMNS),
    ("admin.tab_indicators", import_indicators, "indicators", headers.INDICATOR_COLUMNS),
)
tabs = st.tabs([filters.t(title) for title, *_ in SECTIONS])
for tab, (_, importer, kind, columns) in zip(tabs, SECTIONS, strict=True):
    with tab:
        st.caption(filters.t("admin.columns", columns=", ".join(columns)))
        render_import_flow(importer, key=kind, lang=lang)
render_history(lang, kinds=tuple(kind for _, _, kind, _ in SECTIONS))
