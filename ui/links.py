"""Links between pages that carry the shared filters."""

from __future__ import annotations

import streamlit as st

from ui.filter_state import Filters
from ui.navigation import page_file


def open_locality(filters: Filters, code: str) -> None:
    """Go to a commune's locality page; the URL carries the shared filters with commune=code."""
    params = {"stage": filters.stage.code, "as_of": filters.as_of.isoformat()}
    if "province" in st.query_params:
        params["province"] = filters.province_code
    params["commune"] = code
    if filters.agency_code:
        params["agency"] = filters.agency_code
    if filters.lang == "en":
        params["lang"] = "en"
    # The frame reads the shared filters from the URL when it holds none: dropping the stage
    # makes it take this URL, so the sidebar shows the chosen commune as chosen.
    st.session_state.pop("f_stage", None)
    st.switch_page(page_file("locality"), query_params=params)
