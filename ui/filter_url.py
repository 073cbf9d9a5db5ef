"""The shared filters and the URL: read a link's parameters once, write the view back.

A link reproduces a view: stage, as-of, province, communes, village, agency and language are
in the URL. What the viewer may not see was already dropped (figures.requests.drop_outside).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_access.accounts.roles import Limits
from data_access.catalog import fetch_villages
from figures.dates import usual_report_date
from figures.requests import (
    VILLAGE_CODE,
    default_as_of,
    drop_outside,
    read_url_agency,
    read_url_choice,
    read_url_village,
)
from i18n import translate
from ui.commune_picker import COMMUNES_KEY, SEARCH_KEY, VILLAGE_KEY
from ui.data import reader
from ui.filter_state import STATE_KEY

AGENCY_KEY = "f_agency"
# The URL parameters the shared filters own; every other parameter belongs to a page.
SHARED_URL_KEYS = frozenset({"stage", "as_of", "province", "commune", "village", "agency", "lang"})


def _query_lists() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def initialise_from_url(
    stages: pd.DataFrame,
    communes: pd.DataFrame,
    latest: date | None,
    agencies: pd.DataFrame,
    limits: Limits,
) -> None:
    known = {p: set(group["code"]) for p, group in communes.groupby("province_code")}
    params, outside = drop_outside(_query_lists(), limits)
    choice = read_url_choice(params, stages=stages, known_communes=known, latest_report=latest)
    village = read_url_village(
        params,
        commune_codes=choice.commune_codes,
        village_parents=_village_parents(params, choice.commune_codes, known),
    )
    stage = stages.loc[stages["stage_id"] == choice.stage_id].iloc[0]
    agency, agency_problems = read_url_agency(params, known_agencies=set(agencies["code"]))
    if agency is None and limits.agency_codes is not None:
        agency = sorted(limits.agency_codes)[0]  # a department head opens on their own view
    st.session_state[AGENCY_KEY] = agency
    st.session_state.update(
        f_lang_en=choice.lang == "en",
        f_province=choice.province_code,
        f_stage=choice.stage_id,
        f_as_of=choice.as_of or default_as_of(stage, latest),
    )
    st.session_state[COMMUNES_KEY] = village.commune_codes
    st.session_state[SEARCH_KEY] = ""
    st.session_state[VILLAGE_KEY] = village.village_code
    st.session_state[STATE_KEY + "_problems"] = [
        translate(key, choice.lang, **values)
        for key, values in outside + choice.problems + village.problems + agency_problems
    ]


def _village_parents(
    params: dict[str, list[str]], communes: list[str], known: dict[str, set[str]]
) -> dict[str, str]:
    """Village code -> commune code for the chosen communes and the URL village's own commune."""
    text = (params.get("village") or [""])[-1].strip()
    if not VILLAGE_CODE.match(text):
        return {}
    # Village codes are their commune's code plus three digits (docs/data-formats.md).
    every = set().union(*known.values()) if known else set()
    candidates = sorted({*communes, *([text[:5]] if text[:5] in every else [])})
    if not candidates:
        return {}
    villages = reader().read(fetch_villages, commune_codes=candidates)
    return dict(zip(villages["code"], villages["commune_code"], strict=True))


def write_url(stage: pd.Series, several_provinces: bool) -> None:
    params: dict[str, str | list[str]] = {
        "stage": stage["stage_code"],
        "as_of": st.session_state["f_as_of"].isoformat(),
    }
    if several_provinces:
        params["province"] = st.session_state["f_province"]
    if st.session_state[COMMUNES_KEY]:
        params["commune"] = list(st.session_state[COMMUNES_KEY])
        if st.session_state.get(VILLAGE_KEY) and len(params["commune"]) == 1:
            params["village"] = st.session_state[VILLAGE_KEY]
    if st.session_state.get(AGENCY_KEY):
        params["agency"] = st.session_state[AGENCY_KEY]
    if st.session_state["f_lang_en"]:
        params["lang"] = "en"
    current = _query_lists()
    # Only the shared keys are the frame's; a page's own parameters (indicator=, meeting=,
    # slide=…) stay as they are so a link to that page keeps them.
    wanted = {k: v for k, v in current.items() if k not in SHARED_URL_KEYS}
    wanted.update({k: v if isinstance(v, list) else [v] for k, v in params.items()})
    if current != wanted:
        st.query_params.from_dict(wanted)


def default_date(stages: pd.DataFrame, communes: pd.DataFrame, province: str) -> date | None:
    """The default as-of date of a province, among the communes the viewer sees
    (figures.dates.usual_report_date)."""
    return usual_report_date(
        reader(),
        stages=stages,
        communes_total=int((communes["province_code"] == province).sum()),
        province_code=province,
    )
