"""Links between pages that carry the shared filters."""

from __future__ import annotations

import streamlit as st

from ui.filter_state import Filters
from ui.navigation import page_file

# The indicators page's own URL parameter and the session key of its picker.
INDICATOR_PARAM, INDICATOR_KEY = "indicator", "committee_indicator"


def _shared_params(filters: Filters, *, communes: tuple[str, ...]) -> dict[str, str | list[str]]:
    params: dict[str, str | list[str]] = {
        "stage": filters.stage.code,
        "as_of": filters.as_of.isoformat(),
    }
    if "province" in st.query_params:
        params["province"] = filters.province_code
    if communes:
        params["commune"] = list(communes)
    if filters.agency_code:
        params["agency"] = filters.agency_code
    if filters.lang == "en":
        params["lang"] = "en"
    return params


def open_locality(filters: Filters, code: str) -> None:
    """Go to a commune's locality page; the URL carries the shared filters with commune=code."""
    # The frame reads the shared filters from the URL when it holds none: dropping the stage
    # makes it take this URL, so the sidebar shows the chosen commune as chosen.
    st.session_state.pop("f_stage", None)
    st.switch_page(page_file("locality"), query_params=_shared_params(filters, communes=(code,)))


def open_indicator(filters: Filters, code: str) -> None:
    """Go to one indicator's page for the same communes, agency, stage and date."""
    st.session_state[INDICATOR_KEY] = code
    params = {**_shared_params(filters, communes=filters.commune_codes), INDICATOR_PARAM: code}
    st.switch_page(page_file("indicators"), query_params=params)
