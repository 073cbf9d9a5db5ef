"""One-row edits of the catalogue in the browser: rename an agency, move a stage's deadline or
period, retire an indicator from a stage. Each is a batch the setup history rolls back."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from data_access.catalog import fetch_agencies, fetch_stage_indicators, fetch_stages
from data_access.importers.batches import ImportOutcome
from data_access.importers.edits import change_stage, rename_agency, retire_indicator_from_stage
from ui.data import app_engine, reader
from ui.filter_state import Filters
from ui.importing import guarded
from ui.text import md

_MESSAGE = "setup_edit_message"  # what the last edit did, shown after the rerun it causes


def _apply(filters: Filters, edit: Callable[[], ImportOutcome]) -> None:
    """Run one edit and say what it did; a saved edit reruns the page so it shows at once."""
    outcome = guarded(edit, filters.lang)
    if outcome is None:
        return
    if outcome.status == "committed":
        st.session_state[_MESSAGE] = filters.t("admin.edit_saved", batch=outcome.batch_id)
        st.rerun()
    if outcome.status == "nothing_new":
        st.info(filters.t("admin.edit_nothing"))
        return
    for problem in outcome.problems:
        st.error(md(problem.text(filters.lang)))


def _rename_agency(filters: Filters) -> None:
    t, actor = filters.t, filters.viewer.actor
    agencies = reader().read(fetch_agencies)
    if agencies.empty:
        st.caption(t("admin.edit_none"))
        return
    names = dict(zip(agencies["code"], agencies[f"name_{filters.lang}"], strict=True))
    code = st.selectbox(
        t("admin.edit_agency"),
        list(names),
        key="edit_agency",
        format_func=lambda c: f"{c} — {names[c]}",
    )
    row = agencies.set_index("code").loc[code]
    with st.form(f"edit_agency_{code}"):
        name_vi = st.text_input(t("admin.edit_name_vi"), value=row["name_vi"])
        name_en = st.text_input(t("admin.edit_name_en"), value=row["name_en"])
        if st.form_submit_button(t("admin.edit_save"), type="primary"):
            _apply(
                filters,
                lambda: rename_agency(
                    app_engine(), code, actor=actor, name_vi=name_vi, name_en=name_en
                ),
            )


def _province_stages(filters: Filters):  # noqa: ANN202 (a DataFrame of fetch_stages)
    stages = reader().read(fetch_stages)
    if filters.province_code is not None:
        stages = stages[stages["province_code"] == filters.province_code]
    return stages.reset_index(drop=True)


def _chosen_stage(filters: Filters, codes: list[str]) -> int:
    """The stage chosen in the filters, offered first."""
    chosen = filters.scope.stage.code if filters.scope is not None else None
    return codes.index(chosen) if chosen in codes else 0


def _pick_stage(filters: Filters, key: str) -> tuple[pd.DataFrame, str | None]:
    """The province's stages and the one picked (the filters' first); None when there are
    none (a caption says so)."""
    stages = _province_stages(filters)
    if stages.empty:
        st.caption(filters.t("admin.edit_none"))
        return stages, None
    names = dict(zip(stages["stage_code"], stages[f"stage_name_{filters.lang}"], strict=True))
    code = st.selectbox(
        filters.t("admin.edit_stage"),
        list(names),
        index=_chosen_stage(filters, list(names)),
        key=key,
        format_func=names.get,
    )
    return stages, code


def _change_stage(filters: Filters) -> None:
    t, actor = filters.t, filters.viewer.actor
    stages, code = _pick_stage(filters, "edit_stage")
    if code is None:
        return
    row = stages.set_index("stage_code").loc[code]
    with st.form(f"edit_stage_{code}"):
        deadline = st.date_input(
            t("admin.edit_deadline"),
            value=row["deadline"],
            min_value=row["start_date"],
            format="DD/MM/YYYY" if filters.lang == "vi" else "YYYY-MM-DD",
        )
        period = st.number_input(
            t("admin.edit_period"), min_value=1, max_value=366, value=int(row["period_days"])
        )
        if st.form_submit_button(t("admin.edit_save"), type="primary"):
            changed = {
                "deadline": deadline if deadline != row["deadline"] else None,
                "period_days": int(period) if int(period) != int(row["period_days"]) else None,
            }
            _apply(filters, lambda: change_stage(app_engine(), code, actor=actor, **changed))


def _retire(filters: Filters) -> None:
    t, actor = filters.t, filters.viewer.actor
    stages, code = _pick_stage(filters, "retire_stage")
    if code is None:
        return
    stage_id = int(stages.set_index("stage_code").loc[code, "stage_id"])
    indicators = reader().read(fetch_stage_indicators, stage_id=stage_id)
    if indicators.empty:
        st.caption(t("admin.edit_none"))
        return
    labels = dict(zip(indicators["code"], indicators[f"name_{filters.lang}"], strict=True))
    with st.form(f"retire_{code}"):
        indicator = st.selectbox(
            t("admin.edit_indicator"), list(labels), format_func=lambda c: f"{c} — {labels[c]}"
        )
        sure = st.checkbox(t("admin.edit_retire_sure"))
        if st.form_submit_button(t("admin.edit_retire"), type="primary"):
            if not sure:
                st.warning(t("admin.edit_retire_confirm"))
                return
            _apply(
                filters,
                lambda: retire_indicator_from_stage(app_engine(), indicator, code, actor=actor),
            )


def render_edits(filters: Filters) -> None:
    """The three one-row edits, each saved as its own batch."""
    t = filters.t
    if message := st.session_state.pop(_MESSAGE, None):
        st.success(message)
    st.caption(t("admin.edits_help"))
    for title, render in (
        ("admin.edit_agency_header", _rename_agency),
        ("admin.edit_stage_header", _change_stage),
        ("admin.edit_retire_header", _retire),
    ):
        st.subheader(t(title), anchor=False)
        render(filters)
