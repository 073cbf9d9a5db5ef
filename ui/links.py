"""Links between pages that carry the shared filters."""

from __future__ import annotations

from datetime import date

import streamlit as st

from data_access.catalog import fetch_stages
from data_access.importers.template import choose_stage
from ui.data import reader
from ui.filter_state import Filters
from ui.navigation import page_file

# The indicators page's own URL parameter and the session key of its picker.
INDICATOR_PARAM, INDICATOR_KEY = "indicator", "committee_indicator"


def _shared_params(
    filters: Filters,
    *,
    communes: tuple[str, ...],
    stage_code: str | None = None,
    as_of: date | None = None,
) -> dict[str, str | list[str]]:
    params: dict[str, str | list[str]] = {
        "stage": stage_code or filters.stage.code,
        "as_of": (as_of or filters.as_of).isoformat(),
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


def stage_for_date(filters: Filters, day: date) -> str | None:
    """The code of the province's stage a date belongs to: the chosen stage when it holds the
    date, else the one containing it, else the latest begun before it (None: none begun)."""
    stage = filters.stage
    if stage.start_date <= day <= stage.deadline:
        return stage.code
    stages = reader().read(fetch_stages)
    chosen = choose_stage(stages[stages["province_code"] == filters.province_code], day, None)
    return None if chosen is None else str(chosen["stage_code"])


def open_overview(filters: Filters, *, as_of: date, stage_code: str) -> None:
    """Go to the overview on `stage_code` as of `as_of`, keeping the other shared filters
    (communes, agency, province, language)."""
    params = _shared_params(
        filters, communes=filters.commune_codes, stage_code=stage_code, as_of=as_of
    )
    st.session_state.pop("f_stage", None)  # the frame then takes the filters from this URL
    st.switch_page(page_file("overview"), query_params=params)
