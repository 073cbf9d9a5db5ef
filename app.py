"""The frame: page config, who is looking, shared filters, navigation. Pages live in pages/."""

import streamlit as st

from i18n import translate
from ui.access import render_signin_gate, render_viewer_box
from ui.data import app_engine, page_reader
from ui.faults import DATABASE_FAULTS, database_answers, render_database_fault
from ui.filter_state import STATE_KEY
from ui.filters import render_shared_filters
from ui.navigation import PAGES, may_open
from ui.presentation import presentation_params
from ui.session import LINK_PARAM, current_viewer

st.set_page_config(page_title="Bình dân học vụ số", page_icon="📊", layout="wide")
lang = "en" if st.session_state.get("f_lang_en", st.query_params.get("lang") == "en") else "vi"

try:
    with page_reader():
        engine = app_engine()
        viewer = current_viewer(engine)
        if viewer is None:
            render_signin_gate(lang, dead_link=bool(st.query_params.get(LINK_PARAM)))
        render_viewer_box(viewer, lang)
        # Presentation mode (?present=1, and always for a presentation link) and its parameters.
        presenting = bool(presentation_params(force=viewer.limits.is_link))
        filters = render_shared_filters(viewer)
        if filters is None:  # signed in, but granted nothing of any stage
            st.error(translate("access.nothing", lang))
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
                if may_open(page, viewer.limits)
            ],
            position="hidden" if presenting else "sidebar",
        )
        navigation.run()
except DATABASE_FAULTS as error:
    render_database_fault(error, lang, lambda: database_answers(app_engine))
