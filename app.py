"""The frame: page config, shared filters, navigation. Pages live in pages/."""

import streamlit as st

from data_access.bootstrap import DatabaseNotReady
from i18n import translate
from ui.data import app_engine, page_reader
from ui.filters import STATE_KEY, render_shared_filters
from ui.navigation import PAGES
from ui.presentation import presentation_params

st.set_page_config(page_title="Bình dân học vụ số", page_icon="📊", layout="wide")

try:
    app_engine()
except DatabaseNotReady as error:
    st.error(f"{translate('db.not_ready')} {error}")
    st.stop()

with page_reader():
    # Presentation mode (?present=1) and its own URL parameters (slide, advance, meeting).
    presenting = presentation_params()
    filters = render_shared_filters()
    if filters is None:
        st.error(translate("db.no_stage"))
        st.stop()
    st.session_state[STATE_KEY] = filters
    for problem in filters.problems:
        st.warning(problem)

    navigation = st.navigation(
        [
            st.Page(
                page.path,
                title=filters.t(page.title_key),
                icon=page.icon,
                url_path=page.url_path,
                default=page.url_path == ("present" if presenting else None),
                visibility=page.visibility,
            )
            for page in PAGES
        ],
        position="hidden" if presenting else "sidebar",
    )
    navigation.run()
