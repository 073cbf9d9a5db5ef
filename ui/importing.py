"""The upload → preview → commit or cancel flow, and the import history with rollback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from data_access.accounts.actors import Actor
from data_access.importers import headers
from data_access.importers.batches import ImportOutcome, fetch_batches
from data_access.importers.problems import Problem
from data_access.importers.register import import_indicators, import_localities, import_populations
from data_access.importers.rollback import RollbackRefused, rollback_batch
from data_access.importers.template import build_template_frame, template_bytes
from data_access.importers.writing import import_reports
from i18n import translate
from ui.data import app_engine, reader
from ui.export import table_downloads

Importer = Callable[..., ImportOutcome]
# Every file the Data and Administration pages load: its importer and its columns.
IMPORTERS: dict[str, tuple[Importer, tuple[str, ...]]] = {
    "reports": (import_reports, tuple(headers.REPORT_COLUMNS)),
    "localities": (import_localities, tuple(headers.LOCALITY_COLUMNS)),
    "populations": (import_populations, tuple(headers.POPULATION_COLUMNS)),
    "indicators": (import_indicators, tuple(headers.INDICATOR_COLUMNS)),
}
# Rows of the problem table drawn at once; a broken file can list thousands.
MAX_PROBLEM_ROWS = 2000


def problems_frame(problems: list[Problem], lang: str) -> pd.DataFrame:
    """One row per problem: row, column, value, severity and the message, in `lang`."""
    t = lambda key: translate(key, lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("data.col_row"): [p.row for p in problems],
            t("data.col_column"): [p.column or "" for p in problems],
            t("data.col_value"): [p.value or "" for p in problems],
            t("data.col_severity"): [t(f"data.severity_{p.severity}") for p in problems],
            t("data.col_message"): [p.message(lang) for p in problems],
        }
    )


def batches_frame(batches: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The import history with translated headers and statuses."""
    t = lambda key: translate(key, lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("data.col_batch"): batches["batch_id"],
            t("data.col_kind"): batches["kind"].map(lambda k: t(f"data.kind_{k}")),
            t("data.col_user"): batches["user_name"],
            t("data.col_created"): batches["created_at"].astype(str).str[:16],
            t("data.col_file"): batches["file_name"],
            t("data.col_added"): batches["rows_added"],
            t("data.col_replaced"): batches["rows_replaced"],
            t("data.col_rejected"): batches["rows_rejected"],
            t("data.col_status"): batches["status"].map(lambda s: t(f"data.status_{s}")),
        }
    )


def rollback_choices(batches: pd.DataFrame) -> list[int]:
    """Batches a user may try to roll back: committed, not the demo seed."""
    mask = (batches["status"] == "committed") & (batches["kind"] != "seed")
    return [int(b) for b in batches.loc[mask, "batch_id"]]


def _show_outcome(outcome: ImportOutcome, lang: str) -> None:
    show = st.success if outcome.ok and not outcome.problems else st.warning
    if not outcome.ok and outcome.status != "needs_confirmation":
        show = st.error
    show(outcome.summary(lang))
    if outcome.problems:
        st.markdown(f"**{translate('data.problems', lang)}**")
        frame = problems_frame(outcome.problems[:MAX_PROBLEM_ROWS], lang)
        st.dataframe(frame, hide_index=True, width="stretch")
        # The download carries every problem, also those past the rows shown.
        table_downloads(
            problems_frame(outcome.problems, lang),
            name="import-problems",
            lang=lang,
            key=f"export_problems_{outcome.sha256[:8]}",
        )


def import_columns(kind: str) -> tuple[str, ...]:
    """The columns a file of `kind` has."""
    return IMPORTERS[kind][1]


def report_template(as_of: date, fmt: str) -> tuple[int, bytes] | None:
    """The report template for a date: (rows, file bytes), None when no stage fits."""
    frame = reader().read(build_template_frame, as_of=as_of, stage_code=None)
    return None if frame.empty else (len(frame), template_bytes(frame, fmt))


def render_import_flow(kind: str, *, lang: str, actor: Actor, **options: object) -> None:
    """Upload a file of `kind`, preview every problem (a dry run), then commit or cancel; the
    batch records `actor` (the signed-in viewer), whose rights the importer checks."""
    importer, key = IMPORTERS[kind][0], kind
    round_key = f"{key}_round"
    st.session_state.setdefault(round_key, 0)
    upload = st.file_uploader(
        translate("data.upload", lang),
        type=["csv", "xlsx"],
        key=f"{key}_file_{st.session_state[round_key]}",
    )
    if st.session_state.pop(f"{key}_message", None) is not None:
        st.success(st.session_state.pop(f"{key}_text", ""))
    if upload is None:
        return
    data = upload.getvalue()
    preview = importer(app_engine(), data, upload.name, actor=actor, dry_run=True, **options)
    _show_outcome(preview, lang)
    if preview.status not in ("dry_run", "needs_confirmation"):
        return
    confirmed = True
    if preview.status == "needs_confirmation":
        confirmed = st.checkbox(translate("data.confirm_decrease", lang), key=f"{key}_confirm")
    commit, cancel = st.columns([1, 6])
    if commit.button(translate("data.commit", lang), type="primary", disabled=not confirmed):
        extra = {"allow_decrease": True} if preview.status == "needs_confirmation" else {}
        done = importer(app_engine(), data, upload.name, actor=actor, **options, **extra)
        st.session_state[f"{key}_message"] = done.status
        st.session_state[f"{key}_text"] = done.summary(lang)
        st.session_state[round_key] += 1
        st.rerun()
    if cancel.button(translate("data.cancel", lang)):
        st.session_state[round_key] += 1
        st.session_state[f"{key}_message"] = "cancelled"
        st.session_state[f"{key}_text"] = translate("data.cancelled", lang)
        st.rerun()


def _batch_text(batch: pd.Series, lang: str) -> str:
    """ "#12 · reports.csv · data.officer · 2026-11-20 10:15 · +120 / ↺ 30" for a batch."""
    return translate(
        "data.rollback_confirm",
        lang,
        batch=int(batch["batch_id"]),
        file=batch["file_name"],
        user=batch["user_name"],
        when=str(batch["created_at"])[:16],
        added=int(batch["rows_added"]),
        replaced=int(batch["rows_replaced"]),
    )


def render_history(lang: str, *, actor: Actor, kinds: tuple[str, ...] | None = None) -> None:
    """The import batches, newest first; a batch is rolled back after a confirmation that
    names it (file, user, date, rows), if `actor` may."""
    batches = reader().read(fetch_batches)
    if kinds is not None:
        batches = batches[batches["kind"].isin(kinds)]
    st.subheader(translate("data.history_header", lang))
    history = batches_frame(batches, lang)
    st.dataframe(history, hide_index=True, width="stretch")
    table_downloads(history, name="imports", lang=lang, key="export_history")
    choices = rollback_choices(batches)
    if not choices:
        st.caption(translate("data.no_batches", lang))
        return
    batch_id = st.selectbox(
        translate("data.rollback_pick", lang), choices, key="rollback_pick", index=None
    )
    if batch_id is None:
        return
    batch = batches.set_index("batch_id").loc[batch_id].copy()
    batch["batch_id"] = batch_id
    sure = st.checkbox(_batch_text(batch, lang), key=f"rollback_sure_{batch_id}")
    if st.button(translate("data.rollback", lang), disabled=not sure, type="primary"):
        try:
            done = rollback_batch(app_engine(), int(batch_id), actor=actor)
        except RollbackRefused as refused:
            st.error(refused.problem.text(lang))
        else:
            st.success(translate("rollback.done", lang, batch=batch_id, **done))
