"""The upload → check (once) → commit or cancel flow of every file the pages load.

The importers check the actor's rights themselves; the pages only offer what a viewer may do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from data_access.importers.batches import ImportOutcome
from data_access.importers.campaign import import_campaign
from data_access.importers.catalogues import (
    import_agencies,
    import_target_groups,
    import_task_groups,
)
from data_access.importers.register import (
    import_indicators,
    import_localities,
    import_populations,
    import_targets,
)
from data_access.importers.template_files import CATALOGUE_TEMPLATES
from data_access.importers.writing import import_reports
from i18n import translate
from ui.data import app_engine
from ui.filter_state import Filters
from ui.links import open_overview, stage_for_date
from ui.problems_view import render_problems
from ui.text import md
from ui.upload_check import check_token, checked_once, file_digest, forget
from ui.uploader import pick_sheet, upload_box

Importer = Callable[..., ImportOutcome]
T = TypeVar("T")
LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportKind:
    """A kind of file the pages load: its importer; its columns and template share its name
    in data_access.importers.template_files.CATALOGUE_TEMPLATES."""

    importer: Importer
    name: str

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns a file of this kind has (the template's)."""
        return tuple(CATALOGUE_TEMPLATES[self.name][0])

    @property
    def required(self) -> tuple[str, ...]:
        """The columns a file of this kind must have."""
        return tuple(CATALOGUE_TEMPLATES[self.name][1])


# Every tabular file the Data and Administration pages load, as the command line does
# (boundaries, GeoJSON, have their own flow in ui.admin.boundaries).
IMPORTERS: dict[str, ImportKind] = {
    kind.name: kind
    for kind in (
        ImportKind(import_reports, "reports"),
        ImportKind(import_localities, "localities"),
        ImportKind(import_agencies, "agencies"),
        ImportKind(import_task_groups, "task_groups"),
        ImportKind(import_target_groups, "target_groups"),
        ImportKind(import_campaign, "campaign"),
        ImportKind(import_indicators, "indicators"),
        ImportKind(import_targets, "targets"),
        ImportKind(import_populations, "populations"),
    )
}


def guarded(run: Callable[[], T], lang: str) -> T | None:
    """`run()`, or None after a message when it fails unexpectedly: the importers report every
    problem of a file themselves, so what reaches here is a fault (the database gone, a bug),
    logged for the operator and never shown to a user as a traceback."""
    try:
        return run()
    except Exception:  # noqa: BLE001 (the page's last line of defence)
        LOG.exception("import failed")
        st.error(translate("data.import_failed", lang))
        return None


def show_outcome(outcome: ImportOutcome, lang: str, key: str) -> None:
    """What a check or an import said, then every problem it found."""
    if outcome.status == "rejected":
        show = st.error
    elif outcome.status == "needs_confirmation" or outcome.warnings:
        show = st.warning
    elif outcome.status in ("same_file", "nothing_new"):
        show = st.info
    else:
        show = st.success
    if outcome.status == "needs_confirmation":  # the page's checkbox, not --allow-decrease
        summary = translate("data.needs_confirmation", lang, warnings=len(outcome.warnings))
        if outcome.skipped:
            summary += " " + translate("import.rows_left_empty", lang, skipped=outcome.skipped)
    else:
        summary = outcome.summary(lang)
    show(md(summary))
    render_problems(outcome.problems, lang, key)


def _show_done(flow: str, filters: Filters) -> None:
    """The message of the import committed (or refused) in the previous run."""
    done: ImportOutcome | None = st.session_state.pop(f"{flow}_done", None)
    if done is None:
        return
    show_outcome(done, filters.lang, f"{flow}_done")
    if done.status == "committed" and done.latest_as_of is not None:
        stage = stage_for_date(filters, done.latest_as_of)
        if stage is not None and st.button(
            filters.t("data.see_figures"), key=f"{flow}_see", icon=":material/monitoring:"
        ):
            open_overview(filters, as_of=done.latest_as_of, stage_code=stage)
        elif stage is not None:
            st.session_state[f"{flow}_done"] = done  # the button stays until it is used


def _restart(flow: str, message: ImportOutcome | None = None, text: str | None = None) -> None:
    """A fresh upload box for the next file, with what happened to the last one."""
    forget(flow)
    st.session_state[f"{flow}_round"] = st.session_state.get(f"{flow}_round", 0) + 1
    if message is not None:
        st.session_state[f"{flow}_done"] = message
    if text is not None:
        st.session_state[f"{flow}_note"] = text
    st.rerun()


@dataclass(frozen=True)
class Upload:
    """The file in an upload box: its name, bytes, sha256 and the sheet chosen (XLSX)."""

    name: str
    data: bytes
    digest: str
    sheet: str | None

    @property
    def options(self) -> dict[str, str]:
        """The importer's options for this file."""
        return {"sheet": self.sheet} if self.sheet else {}


def render_import_flow(
    kind: str,
    filters: Filters,
    *,
    flow: str | None = None,
    label: str | None = None,
    results: DeltaGenerator | None = None,
) -> None:
    """Upload a file of `kind`, check it once (a dry run kept for that file), show every
    problem, then commit or cancel; the batch records the signed-in viewer. `label` names
    the upload box (default: a report file); `results` is where the outcome goes (default:
    under the box), e.g. the page's full width for a long problem list."""
    flow = flow or kind
    messages = results or st.container()
    round_number = st.session_state.get(f"{flow}_round", 0)
    box = upload_box(flow, filters.lang, label=label, round_number=round_number)
    if box is None or isinstance(box, list):
        forget(flow)
        with messages:
            _show_done(flow, filters)
            if note := st.session_state.pop(f"{flow}_note", None):
                st.info(note)
        return
    # A new file: what happened to the previous one is no longer news.
    st.session_state.pop(f"{flow}_done", None)
    data = box.getvalue()
    digest = file_digest(data)
    sheet = pick_sheet(flow, data, box.name, digest, filters.lang)
    with messages:
        _check_and_offer(kind, filters, flow, Upload(box.name, data, digest, sheet))


def _check_and_offer(kind: str, filters: Filters, flow: str, upload: Upload) -> None:
    """Check the uploaded file (once), show the outcome, and offer commit or cancel."""
    lang, actor = filters.lang, filters.viewer.actor
    importer = IMPORTERS[kind].importer

    def run(**extra: object) -> ImportOutcome:
        return importer(
            app_engine(), upload.data, upload.name, actor=actor, **upload.options, **extra
        )

    def check() -> ImportOutcome | None:
        with st.spinner(translate("data.checking", lang, file=upload.name)):
            return guarded(lambda: run(dry_run=True), lang)

    token = check_token(upload.digest, upload.name, sheet=upload.sheet)
    preview = checked_once(flow, token, check)
    if preview is None:
        forget(flow)  # a fault is not kept: the next run tries again
        return
    show_outcome(preview, lang, f"{flow}_{upload.digest[:8]}")
    if preview.status not in ("dry_run", "needs_confirmation"):
        return
    confirmed = True
    if preview.status == "needs_confirmation":
        confirmed = st.checkbox(translate("data.confirm_decrease", lang), key=f"{flow}_confirm")
    commit, cancel = st.columns(2)
    if commit.button(
        translate("data.commit", lang),
        type="primary",
        disabled=not confirmed,
        key=f"{flow}_commit",
        width="stretch",
    ):
        extra = {"allow_decrease": True} if preview.status == "needs_confirmation" else {}
        with st.spinner(translate("data.writing", lang)):
            done = guarded(lambda: run(**extra), lang)
        if done is not None:
            _restart(flow, message=done)
    if cancel.button(translate("data.cancel", lang), key=f"{flow}_cancel", width="stretch"):
        _restart(flow, text=translate("data.cancelled", lang))
