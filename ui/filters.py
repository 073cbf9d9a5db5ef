"""The filters every page shares, in the sidebar and in the URL, so a link reproduces a view."""

from __future__ import annotations

from dataclasses import dataclass
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
    fetch_villages,
)
from data_access.meta import fetch_is_demo
from data_access.settings import load_settings
from figures.requests import (
    VILLAGE_CODE,
    default_as_of,
    drop_outside,
    read_url_agency,
    read_url_choice,
    read_url_village,
)
from figures.scope import OutsideScope, Scope, Stage
from i18n import translate
from i18n.formats import format_date
from ui.access import refuse_page
from ui.commune_picker import COMMUNES_KEY, SEARCH_KEY, VILLAGE_KEY, render_commune_picker
from ui.data import reader
from ui.navigation import PAGES, may_open
from ui.session import Viewer

# How far before a stage's start the as-of date may go: enough to show the pre-stage baseline.
AS_OF_LOOKBACK_DAYS = 365
STATE_KEY = "shared_filters"
AGENCY_KEY = "f_agency"
# The URL parameters the shared filters own; every other parameter belongs to a page.
SHARED_URL_KEYS = frozenset({"stage", "as_of", "province", "commune", "village", "agency", "lang"})
FILTER_WIDGET_KEYS = ("f_lang_en", "f_province", "f_stage", "f_as_of", AGENCY_KEY)


@dataclass(frozen=True)
class Filters:
    """The shared filters of the current run: the language and the Scope they ask for."""

    lang: str
    scope: Scope
    communes: pd.DataFrame  # every commune of the province: code, name, kind
    problems: tuple[str, ...]
    # Who is looking; the Scope is already narrowed to their Limits.
    viewer: Viewer
    # The database holds the seeded synthetic demo: every screen says so.
    demo: bool = False

    @property
    def province_code(self) -> str:
        """The chosen stage's province."""
        return self.scope.province_code

    @property
    def stage(self) -> Stage:
        """The chosen stage."""
        return self.scope.stage

    @property
    def stage_id(self) -> int:
        """Id of the chosen stage."""
        return self.scope.stage_id

    @property
    def as_of(self) -> date:
        """The as-of date of every figure."""
        return self.scope.as_of

    @property
    def commune_codes(self) -> tuple[str, ...]:
        """The chosen communes (empty: the whole province)."""
        return self.scope.commune_codes

    @property
    def commune_filter(self) -> list[str] | None:
        """The chosen commune codes, or None for the whole province."""
        return self.scope.commune_filter

    @property
    def village_code(self) -> str | None:
        """A village below the one chosen commune (locality drill-down), else None."""
        return self.scope.village_code

    @property
    def agency_code(self) -> str | None:
        """The chosen responsible agency (a department head's view), else None."""
        return self.scope.agency_codes[0] if self.scope.agency_codes else None

    def t(self, key: str, **values: object) -> str:
        """The catalogue label `key` in the chosen language."""
        return translate(key, self.lang, **values)


def _query_lists() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def _initialise_from_url(
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


def _on_stage_change(stages: pd.DataFrame, latest: date | None) -> None:
    stage = stages.loc[stages["stage_id"] == st.session_state["f_stage"]].iloc[0]
    st.session_state["f_as_of"] = default_as_of(stage, latest)


def _on_province_change(stages: pd.DataFrame, latest: date | None) -> None:
    in_province = stages[stages["province_code"] == st.session_state["f_province"]]
    st.session_state["f_stage"] = int(in_province.iloc[-1]["stage_id"])
    st.session_state[COMMUNES_KEY] = []
    st.session_state[VILLAGE_KEY] = None
    _on_stage_change(stages, latest)


def _write_url(stage: pd.Series, several_provinces: bool) -> None:
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
    if "f_stage" not in st.session_state or st.session_state["f_stage"] not in set(
        stages["stage_id"]
    ):
        _initialise_from_url(stages, all_communes, latest, agencies, limits)
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
            args=(stages, latest),
        )
    in_province = stages[stages["province_code"] == st.session_state["f_province"]]
    stage_names = dict(zip(in_province["stage_id"], in_province[f"stage_name_{lang}"], strict=True))
    sidebar.selectbox(
        translate("filter.stage", lang),
        list(stage_names),
        key="f_stage",
        format_func=lambda stage_id: stage_names[stage_id],
        on_change=_on_stage_change,
        args=(stages, latest),
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
    _write_url(stage, len(provinces) > 1)
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


def current_filters(page: str) -> Filters:
    """The shared filters drawn by the frame in this run, for page `page` (a name of
    ui.navigation.PAGES), which the viewer must be allowed to open: the frame lists only the
    pages they may open, and each page checks again here."""
    filters: Filters = st.session_state[STATE_KEY]
    spec = next(p for p in PAGES if p.name == page)
    if not may_open(spec, filters.viewer.limits):
        refuse_page(filters.lang)
    return filters
