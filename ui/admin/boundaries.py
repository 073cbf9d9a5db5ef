"""Commune boundaries from GeoJSON files (one per province or one per commune): checked once
like every upload, then committed or cancelled; rolled back from the setup history."""

from __future__ import annotations

import hashlib

import streamlit as st

from data_access.boundaries import BoundaryImportResult, describe_result, import_boundary_sources
from data_access.geo.sources import BoundaryFileError
from ui.data import app_engine
from ui.filter_state import Filters
from ui.importing import guarded
from ui.text import md
from ui.upload_check import check_token, checked_once, forget
from ui.uploader import upload_box

FLOW = "setup_boundaries"


def _lines(result: BoundaryImportResult | BoundaryFileError) -> str:
    """What the check or the import said (Vietnamese / English), as literal text."""
    if isinstance(result, BoundaryFileError):
        return md(str(result))
    return "  \n".join(md(line) for line in describe_result(result))


def _run(filters: Filters, sources, name: str, prop: str | None, *, dry_run: bool):  # noqa: ANN001, ANN202
    """The import's result, or the BoundaryFileError saying why the files were refused."""

    def run() -> BoundaryImportResult | BoundaryFileError:
        try:
            return import_boundary_sources(
                app_engine(),
                sources,
                file_name=name,
                actor=filters.viewer.actor,
                code_property=prop,
                dry_run=dry_run,
            )
        except BoundaryFileError as error:
            return error

    return guarded(run, filters.lang)


def render_boundary_flow(filters: Filters) -> None:
    """Upload GeoJSON files, see what they match, then commit or cancel."""
    t, lang = filters.t, filters.lang
    messages = st.container()
    round_number = st.session_state.get(f"{FLOW}_round", 0)
    files = upload_box(
        FLOW,
        lang,
        label=t("admin.boundaries_upload"),
        help_text=t("admin.boundaries_help"),
        multiple=True,
        round_number=round_number,
    )
    prop = st.text_input(t("admin.code_property"), key=f"{FLOW}_property").strip() or None
    if not files:
        forget(FLOW)
        if done := st.session_state.pop(f"{FLOW}_done", None):
            messages.success(done)
        return
    sources = [(f.name, f.getvalue()) for f in files]
    name = files[0].name if len(files) == 1 else t("admin.boundaries_files", count=len(files))
    digest = hashlib.sha256(b"".join(hashlib.sha256(c).digest() for _, c in sources)).hexdigest()
    token = check_token(digest, "|".join(n for n, _ in sources), code_property=prop)

    def check() -> BoundaryImportResult | BoundaryFileError | None:
        with st.spinner(t("data.checking", file=name)):
            return _run(filters, sources, name, prop, dry_run=True)

    preview = checked_once(FLOW, token, check)
    if preview is None:
        forget(FLOW)
        return
    if isinstance(preview, BoundaryFileError):
        st.error(_lines(preview))
        return
    (st.success if preview.changed else st.info)(_lines(preview))
    if not preview.changed:
        return
    commit, cancel = st.columns(2)
    if commit.button(t("data.commit"), type="primary", key=f"{FLOW}_commit", width="stretch"):
        with st.spinner(t("data.writing")):
            done = _run(filters, sources, name, prop, dry_run=False)
        if isinstance(done, BoundaryImportResult):
            st.session_state[f"{FLOW}_done"] = _lines(done)
            _restart()
        elif done is not None:  # refused after all (None: guarded has said so)
            st.error(_lines(done))
    if cancel.button(t("data.cancel"), key=f"{FLOW}_cancel", width="stretch"):
        st.session_state[f"{FLOW}_done"] = t("data.cancelled")
        _restart()


def _restart() -> None:
    forget(FLOW)
    st.session_state[f"{FLOW}_round"] = st.session_state.get(f"{FLOW}_round", 0) + 1
    st.rerun()
