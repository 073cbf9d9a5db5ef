"""Province setup: the onboarding checklist in loading order, each step's templates and
upload, the one-row edits, and the history of setup batches with rollback.

Each step is offered only to viewers holding the right its writes need
(data_access.permissions.KIND_ACTIONS); the importers check that right again.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from data_access.importers.template_files import catalogue_template_bytes
from data_access.permissions import KIND_ACTIONS
from data_access.setup_check import MISSING, PRESENT, ChecklistItem, fetch_setup_checklist
from ui.admin.boundaries import render_boundary_flow
from ui.admin.edits import render_edits
from ui.data import reader
from ui.filter_state import Filters
from ui.history import render_history
from ui.importing import IMPORTERS, render_import_flow
from ui.navigation import PAGES, may_open, page_file
from ui.text import md

# The files of each checklist step (setup_check's keys), in the order they are loaded.
STEP_KINDS: dict[str, tuple[str, ...]] = {
    "localities": ("localities",),
    "boundaries": ("boundaries",),
    "agencies": ("agencies",),
    "task_groups": ("task_groups",),
    "target_groups": ("target_groups",),
    "campaign": ("campaign",),
    "indicators": ("indicators", "targets"),
    "populations": ("populations",),
}
# Batch kinds the setup history lists: every step's, and the one-row edits.
SETUP_KINDS = (*(k for kinds in STEP_KINDS.values() for k in kinds), "edit")
# How a step's state is drawn (Streamlit's coloured Material icons).
STATUS_ICONS = {
    PRESENT: ":green[:material/check_circle:]",
    MISSING: ":red[:material/cancel:]",
}
OPTIONAL_ICON = ":orange[:material/radio_button_unchecked:]"


def may_load(filters: Filters, kind: str) -> bool:
    """True when the viewer holds the right a batch of `kind` needs."""
    return filters.viewer.limits.may(KIND_ACTIONS[kind])


def render_checklist(items: list[ChecklistItem], filters: Filters) -> None:
    """Every step with its state and what the database holds, and whether all is there."""
    lang = filters.lang
    lines = [
        f"{STATUS_ICONS.get(item.status, OPTIONAL_ICON)} **{number}. {md(item.label(lang))}** "
        f"— {md(item.status_text(lang))} · {md(item.detail_text(lang))}"
        for number, item in enumerate(items, start=1)
    ]
    st.markdown("  \n".join(lines))
    missing = sum(1 for item in items if item.status == MISSING)
    if missing:
        st.warning(filters.t("check.incomplete", missing=missing))
    else:
        st.success(filters.t("check.complete"))


def _templates(kind: str, filters: Filters) -> None:
    """The empty template of `kind`, CSV and XLSX (built when clicked)."""
    columns = ", ".join(
        f"{c}*" if c in IMPORTERS[kind].required else c for c in IMPORTERS[kind].columns
    )
    st.caption(filters.t("admin.columns_required", columns=columns))
    left, right = st.columns(2)
    for column, fmt in ((left, "csv"), (right, "xlsx")):
        column.download_button(
            filters.t(f"admin.template_{fmt}"),
            lambda fmt=fmt: catalogue_template_bytes(kind, fmt),
            file_name=f"{kind}.{fmt}",
            icon=":material/download:",
            on_click="ignore",
            key=f"setup_template_{kind}_{fmt}",
            width="stretch",
        )


def render_step(step: str, filters: Filters, results: DeltaGenerator) -> None:
    """One step's templates and upload boxes, through the shared import flow; what a check
    says goes to `results`."""
    for kind in STEP_KINDS[step]:
        if len(STEP_KINDS[step]) > 1:
            st.markdown(f"**{md(filters.t(f'data.kind_{kind}').capitalize())}**")
        if kind == "boundaries":
            render_boundary_flow(filters)
            continue
        _templates(kind, filters)
        label = filters.t("admin.upload_kind", kind=filters.t(f"data.kind_{kind}"))
        render_import_flow(kind, filters, flow=f"setup_{kind}", label=label, results=results)


def _first_missing(steps: list[str], items: list[ChecklistItem]) -> int:
    status = {item.key: item.status for item in items}
    return next((i for i, step in enumerate(steps) if status.get(step) == MISSING), 0)


def render_setup(filters: Filters) -> None:
    """The checklist, the step to load, the one-row edits and the setup history."""
    t, limits = filters.t, filters.viewer.limits
    items = reader().read(fetch_setup_checklist)
    steps = [s for s, kinds in STEP_KINDS.items() if all(may_load(filters, k) for k in kinds)]
    parts = [("admin.setup_steps", True), ("admin.setup_edits", limits.may("edit_catalogue"))]
    parts.append(("admin.setup_history", True))
    shown = [key for key, allowed in parts if allowed]
    tabs = dict(zip(shown, st.tabs([t(key) for key in shown]), strict=True))
    with tabs["admin.setup_steps"]:
        left, right = st.columns([2, 3], gap="large")
        results = st.container()  # below both columns: problem lists need the width
        with left:
            st.subheader(t("admin.checklist"), anchor=False)
            render_checklist(items, filters)
            data_page = next(p for p in PAGES if p.name == "data")
            if may_open(data_page, limits) and not filters.setting_up:
                st.page_link(page_file("data"), label=t("admin.reports_on_data_page"))
            else:
                st.caption(t("admin.reports_elsewhere"))
        with right:
            if not steps:
                st.info(t("admin.no_steps"))
            else:
                labels = {item.key: item.label(filters.lang) for item in items}
                numbers = {item.key: n for n, item in enumerate(items, start=1)}
                step = st.selectbox(
                    t("admin.step_pick"),
                    steps,
                    index=_first_missing(steps, items),
                    key="setup_step",
                    format_func=lambda s: f"{numbers[s]}. {labels[s]}",
                )
                render_step(step, filters, results)
    if "admin.setup_edits" in tabs:
        with tabs["admin.setup_edits"]:
            render_edits(filters)
    with tabs["admin.setup_history"]:
        render_history(filters, kinds=SETUP_KINDS, key="setup_history")
