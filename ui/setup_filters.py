"""The frame's filters while a province is being set up: a database without any stage yet."""

from __future__ import annotations

import streamlit as st

from data_access.catalog import fetch_all_communes
from i18n import translate
from ui.data import reader
from ui.filter_state import Filters
from ui.navigation import page_file
from ui.session import Viewer


def render_setup_filters(viewer: Viewer) -> Filters:
    """Only the language: there is no stage, date or commune to choose yet. The frame then
    offers the Administration page alone, to the viewers who may set the province up."""
    st.session_state.setdefault("f_lang_en", st.query_params.get("lang") == "en")
    lang = "en" if st.sidebar.toggle(translate("filter.language"), key="f_lang_en") else "vi"
    st.sidebar.caption(translate("filter.setting_up", lang))
    return Filters(
        lang=lang,
        scope=None,
        communes=reader().read(fetch_all_communes),
        problems=(),
        viewer=viewer,
    )


def open_setup() -> None:
    """The default page while setting up: the Administration page (a default page is served
    at `/` only, so the Administration page keeps its own `/admin`)."""
    st.switch_page(page_file("admin"))
