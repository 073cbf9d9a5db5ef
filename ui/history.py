"""The import history, newest first, and the rollback of a batch after a confirmation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.importers.batches import fetch_batches
from data_access.importers.rollback import RollbackRefused, may_roll_back, rollback_batch
from i18n import translate
from ui.data import app_engine, reader
from ui.export import table_downloads
from ui.filter_state import Filters
from ui.importing import guarded
from ui.tables import show_table
from ui.text import md

# Batches listed, newest first (`python -m data_access batches` lists every one).
HISTORY_ROWS = 500


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


def _batch_text(batch: pd.Series, lang: str) -> str:
    """The confirmation naming a batch (file, user, date, rows), as literal text."""
    return translate(
        "data.rollback_confirm",
        lang,
        batch=int(batch["batch_id"]),
        file=md(batch["file_name"]),
        user=md(batch["user_name"]),
        when=str(batch["created_at"])[:16],
        added=int(batch["rows_added"]),
        replaced=int(batch["rows_replaced"]),
    )


def render_history(
    filters: Filters, *, kinds: tuple[str, ...] | None = None, key: str = "history"
) -> None:
    """The batches of `kinds` (None: all), and a rollback of those the viewer may undo."""
    lang, actor = filters.lang, filters.viewer.actor
    batches = reader().read(fetch_batches, limit=HISTORY_ROWS)
    if kinds is not None:
        batches = batches[batches["kind"].isin(kinds)]
    st.subheader(translate("data.history_header", lang), anchor=False)
    if message := st.session_state.pop(f"{key}_message", None):
        st.success(message)
    if batches.empty:  # (an empty table would say Streamlit's own English "empty")
        st.caption(translate("data.history_empty", lang))
        return
    history = batches_frame(batches, lang)
    show_table(history, lang, hide_index=True, width="stretch")
    table_downloads(history, name="imports", lang=lang, key=f"{key}_export")
    kinds_of = dict(zip(batches["batch_id"], batches["kind"], strict=True))
    choices = [b for b in rollback_choices(batches) if may_roll_back(actor, kinds_of[b])]
    if not choices:
        st.caption(translate("data.no_batches", lang))
        return
    batch_id = st.selectbox(
        translate("data.rollback_pick", lang), choices, key=f"{key}_pick", index=None
    )
    if batch_id is None:
        return
    batch = batches.set_index("batch_id").loc[batch_id].copy()
    batch["batch_id"] = batch_id
    sure = st.checkbox(_batch_text(batch, lang), key=f"{key}_sure_{batch_id}")
    if st.button(
        translate("data.rollback", lang), disabled=not sure, type="primary", key=f"{key}_go"
    ):

        def undo() -> dict[str, int] | RollbackRefused:
            try:
                return rollback_batch(app_engine(), int(batch_id), actor=actor)
            except RollbackRefused as refused:
                return refused

        done = guarded(undo, lang)
        if isinstance(done, RollbackRefused):
            st.error(md(done.problem.text(lang)))
        elif done is not None:
            st.session_state[f"{key}_message"] = translate(
                "rollback.done", lang, batch=batch_id, **done
            )
            st.rerun()
