"""The filters every page shares, in the sidebar: stage, as-of date, agency, communes.

They are read from the URL once (ui.filter_url) and written back, so a link reproduces a view;
the Scope they ask for is narrowed to the viewer's Limits before any page reads it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from data_access.accounts.roles import Limits
from data_access.catalog import (
    fetch_agencies,
    fetch_all_communes,
    fetch_latest_report_date,
    fetch_provinces,
    fetch_stages,
)
from data_access.meta import fetch_is_demo
from data_access.settings import load_settings
from figures.requests import default_as_of
from figures.scope import OutsideScope, Scope, Stage
from i18n import translate
from i18n.formats import format_date
from ui.commune_picker import COMMUNES_KEY, VILLAGE_KEY, render_commune_picker
from ui.data import reader
from ui.filter_state import STATE_KEY, Filters
from ui.filter_url import AGENCY_KEY, default_date, initialise_from_url, write_url
from ui.session import Viewer

# How far before a stage's start the as-of date may go: enough to show the pre-stage baseline.
AS_OF_LOOKBACK_DAYS = 365
FILTER_WIDGET_KEYS = ("f_lang_en", "f_province", "f_stage", "f_as_of", AGENCY_KEY)


def _on_stage_change(stages: pd.DataFrame, latest: date | None) -> None:
    stage = stages.loc[stages["stage_id"] == st.session_state["f_stage"]].iloc[0]
    st.session_state["f_as_of"] = default_as_of(stage, latest)


def _on_province_change(stages: pd.DataFrame, latest: date | None) -> None:
    in_province = stages[stages["province_code"] == st.session_state["f_province"]]
    st.session_state["f_stage"] = int(in_province.iloc[-1]["stage_id"])
    st.session_state[COMMUNES_KEY] = []
    st.session_state[VILLAGE_KEY] = None
    _on_stage_change(stages, latest)


def _visible(limits: Limits) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The stages, communes and agencies the viewer may choose among."""
    stages = reader().read(fetch_stages)
    communes = reader().read(fetch_all_communes)
    agencies = reader().read(fetch_agencies)
    if limits.province_codes is not None:
        stages = stages[stages["province_code"].isin(limits.province_codes)]
        communes = communes[communes["province_code"].isin(limits.province_codes)]
    if limits.stage_code is not None:
        stages = stages[stages["stage_code"] == limits.stage_code]
    if limits.commune_codes is not None:
        communes = communes[communes["code"].isin(limits.commune_codes)]
    if limits.visible_agency_codes is not None:
        agencies = agencies[agencies["code"].isin(limits.visible_agency_codes)]
    return stages.reset_index(drop=True), communes.reset_index(drop=True), agencies


def render_shared_filters(viewer: Viewer) -> Filters | None:
    """Draw the shared filters the viewer may use in the sidebar and return them, their Scope
    narrowed to the viewer's Limits (None: no stage the viewer may see)."""
    limits = viewer.limits
    stages, all_communes, agencies = _visible(limits)
    if stages.empty:
        return None
    latest = reader().read(fetch_latest_report_date)
    province = st.session_state.get("f_province")
    if province not in set(stages["province_code"]):
        province = stages.iloc[0]["province_code"]
    usual = default_date(stages, all_communes, province)
    if "f_stage" not in st.session_state or st.session_state["f_stage"] not in set(
        stages["stage_id"]
    ):
        initialise_from_url(stages, all_communes, usual, agencies, limits)
    _keep_filter_state()
    sidebar = st.sidebar
    lang = "en" if sidebar.toggle(translate("filter.language"), key="f_lang_en") else "vi"
    sidebar.header(translate("filter.header", lang))
    provinces = sorted(stages["province_code"].unique())
    province_table = reader().read(fetch_provinces)
    province_names = dict(zip(province_table["code"], province_table["name"], strict=True))
    if len(provinces) > 1:
        sidebar.selectbox(
            translate("filter.province", lang),
            provinces,
            key="f_province",
            format_func=lambda code: province_names.get(code, code),
            on_change=_on_province_change,
            args=(stages, usual),
        )
    in_province = stages[stages["province_code"] == st.session_state["f_province"]]
    stage_names = dict(zip(in_province["stage_id"], in_province[f"stage_name_{lang}"], strict=True))
    sidebar.selectbox(
        translate("filter.stage", lang),
        list(stage_names),
        key="f_stage",
        format_func=lambda stage_id: stage_names[stage_id],
        on_change=_on_stage_change,
        args=(stages, usual),
    )
    stage = stages.loc[stages["stage_id"] == st.session_state["f_stage"]].iloc[0]
    sidebar.caption(
        translate(
            "filter.stage_range",
            lang,
            start=format_date(stage["start_date"], lang),
            deadline=format_date(stage["deadline"], lang),
        )
    )
    lowest = stage["start_date"] - timedelta(days=AS_OF_LOOKBACK_DAYS)
    highest = max(stage["deadline"], date.today(), latest or stage["deadline"])
    asked = st.session_state["f_as_of"]
    st.session_state["f_as_of"] = min(max(asked, lowest), highest)
    if st.session_state["f_as_of"] != asked:  # a link (or a stage change) asked for too early
        st.session_state.setdefault(STATE_KEY + "_problems", []).append(
            translate(
                "url.date_outside",
                lang,
                value=format_date(asked, lang),
                low=format_date(lowest, lang),
                high=format_date(highest, lang),
                shown=format_date(st.session_state["f_as_of"], lang),
            )
        )
    sidebar.date_input(
        translate("filter.as_of", lang),
        key="f_as_of",
        min_value=lowest,
        max_value=highest,
        format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD",
    )
    _render_agency_picker(lang, agencies, every=limits.visible_agency_codes is None)
    communes = all_communes[all_communes["province_code"] == st.session_state["f_province"]]
    if limits.commune_codes is not None:  # a commune officer: their communes, never "all"
        kept = [c for c in st.session_state.get(COMMUNES_KEY, []) if c in limits.commune_codes]
        st.session_state[COMMUNES_KEY] = kept or sorted(limits.commune_codes)
    render_commune_picker(communes, lang)
    write_url(stage, len(provinces) > 1)
    settings = load_settings()
    agency = st.session_state.get(AGENCY_KEY)
    asked = Scope(
        stage=Stage.from_row(stage),
        as_of=st.session_state["f_as_of"],
        commune_codes=tuple(st.session_state[COMMUNES_KEY]),
        village_code=_chosen_village(),
        agency_codes=(agency,) if agency else None,
        stale_grace_days=settings.stale_grace_days,
        at_risk_margin=settings.at_risk_margin,
    )
    try:
        scope = asked.narrowed_to(limits)
    except OutsideScope:
        return None
    return Filters(
        lang=lang,
        scope=scope,
        communes=communes.reset_index(drop=True),
        problems=tuple(st.session_state.pop(STATE_KEY + "_problems", [])),
        viewer=viewer,
        demo=reader().read(fetch_is_demo),
        province_name=province_names.get(scope.province_code, scope.province_code),
    )


def _keep_filter_state() -> None:
    """Re-assign the filters' widget values so they survive a switch to another page.

    Streamlit forgets a widget's value when a run ends without drawing it; a page switch that
    interrupts a run (a click on the map, a page writing its own URL parameter) would otherwise
    reset the stage and agency to their first options.
    """
    for key in FILTER_WIDGET_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _render_agency_picker(lang: str, agencies: pd.DataFrame, *, every: bool) -> None:
    """A department head's view: only the indicators their agency is responsible for. `every`:
    the viewer may also choose "all agencies"."""
    names = dict(zip(agencies["code"], agencies[f"name_{lang}"], strict=True))
    all_label = translate("filter.all_agencies", lang)
    if st.session_state.get(AGENCY_KEY) not in names and not every:
        st.session_state[AGENCY_KEY] = next(iter(names), None)
    st.sidebar.selectbox(
        translate("filter.agency", lang),
        [None, *names] if every else list(names),
        key=AGENCY_KEY,
        format_func=lambda code: all_label if code is None else names.get(code, code),
        # Streamlit shows its own placeholder for a None value; "all agencies" is that None.
        placeholder=all_label,
    )


def _chosen_village() -> str | None:
    """The chosen village, kept only while exactly one commune is chosen (choosing communes
    clears it, see ui.commune_picker)."""
    village = st.session_state.get(VILLAGE_KEY)
    return village if village and len(st.session_state[COMMUNES_KEY]) == 1 else None
