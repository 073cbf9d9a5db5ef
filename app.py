"""The frame: page config, who is looking, shared filters, navigation. Pages live in pages/."""

import streamlit as st

from i18n import translate
from ui.access import render_signin_gate, render_viewer_box
from ui.charts import hide_chart_toolbars
from ui.data import app_engine, page_reader
from ui.faults import DATABASE_FAULTS, database_answers, render_database_fault
from ui.filter_state import STATE_KEY
from ui.filters import render_shared_filters
from ui.navigation import PAGES, may_open, may_set_up
from ui.presentation import presentation_params
from ui.session import LINK_PARAM, current_viewer
from ui.setup_filters import open_setup, render_setup_filters

st.set_page_config(page_title="Bình dân học vụ số", page_icon="📊", layout="wide")
lang = "en" if st.session_state.get("f_lang_en", st.query_params.get("lang") == "en") else "vi"

try:
    with page_reader():
        engine = app_engine()
        viewer = current_viewer(engine)
        if viewer is None:
            render_signin_gate(lang, dead_link=bool(st.query_params.get(LINK_PARAM)))
        # Presentation mode (?present=1, and always for a presentation link) and its parameters.
        presenting = bool(presentation_params(force=viewer.limits.is_link))
        filters = render_shared_filters(viewer)
        if filters is None and may_set_up(viewer.limits):
            filters = render_setup_filters(viewer)  # no stage yet: the province is being set up
        if filters is None:  # signed in, but granted nothing of any stage
            st.error(translate("access.nothing", lang))
            st.stop()
        st.session_state[STATE_KEY] = filters
        render_viewer_box(viewer, filters.lang)
        for problem in filters.problems:
            st.warning(problem)
        # While setting up, `/` leads to the Administration page, the only one there is.
        setting_up = filters.setting_up
        start = [st.Page(open_setup, default=True, visibility="hidden")] if setting_up else []
        pages = [
            st.Page(
                page.path,
                title=filters.t(page.title_key),
                icon=page.icon,
                url_path=page.url_path,
                default=page.url_path == ("present" if presenting else None) and not setting_up,
                visibility=page.visibility,
            )
            for page in PAGES
            if may_open(page, viewer.limits) and (not setting_up or page.name == "admin")
        ]
        navigation = st.navigation(start + pages, position="hidden" if presenting else "sidebar")
        hide_chart_toolbars()
        navigation.run()
except DATABASE_FAULTS as error:
    render_database_fault(error, lang, lambda: database_answers(app_engine))
