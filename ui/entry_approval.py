"""The data officer's approval list: periods by commune and status; a period's values
against the last report, with the checks' warnings; approve, return with a comment, reopen."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.entry.checks import fetch_entry_problems
from data_access.entry.queries import fetch_entry_form, fetch_entry_periods
from data_access.entry.status import APPROVED, STATUSES, SUBMITTED, EntryValue
from data_access.entry.workflow import approve, reopen, return_period
from i18n.formats import format_date, format_number, format_signed, is_missing
from ui.confirmations import confirm_and_rerun, confirmation
from ui.data import app_engine
from ui.entry_common import show_outcome_problems, show_problems, status_text
from ui.filter_state import Filters
from ui.text import md

FLASH_KEY = "approval_flash"
ALL = "all"


def _number(text: str) -> float | None:
    try:
        return float(text.replace(".", "").replace(",", ".")) if text else None
    except ValueError:
        return None


def _detail_table(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    t, lang = filters.t, filters.lang
    entered = rows[(rows["numerator"] != "") | (rows["denominator"] != "") | (rows["note"] != "")]
    change = [
        format_signed(_number(n) - last, lang)
        if _number(n) is not None and not is_missing(last)
        else "—"
        for n, last in zip(entered["numerator"], entered["last_numerator"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("entry.col.indicator"): entered["indicator_code"],
            t("entry.col.last"): [format_number(v, lang) for v in entered["last_numerator"]],
            t("entry.field.numerator"): entered["numerator"],
            t("entry.field.denominator"): entered["denominator"],
            t("entry.col.change"): change,
            t("entry.field.note"): entered["note"],
        }
    )


def _render_actions(row: pd.Series, filters: Filters) -> None:
    actor = filters.viewer.actor
    period = {
        "commune_code": row["commune_code"],
        "stage_code": filters.stage.code,
        "as_of": row["as_of"],
    }
    key = f"{row['commune_code']}_{row['as_of'].isoformat()}"
    outcome = None
    if row["status"] == SUBMITTED:
        if st.button(filters.t("entry.approve"), key=f"approve_{key}", type="primary"):
            outcome = approve(app_engine(), actor=actor, **period)
        comment = st.text_area(filters.t("entry.return_comment"), key=f"comment_{key}")
        if st.button(filters.t("entry.return"), key=f"return_{key}"):
            outcome = return_period(app_engine(), actor=actor, comment=comment, **period)
    elif row["status"] == APPROVED:
        reason = st.text_input(filters.t("entry.reopen_reason"), key=f"reason_{key}")
        if st.button(filters.t("entry.reopen"), key=f"reopen_{key}"):
            outcome = reopen(app_engine(), actor=actor, reason=reason, **period)
    if outcome is None:
        return
    if outcome.ok:
        confirm_and_rerun(FLASH_KEY, filters.t(f"entry.done.{outcome.status}"))
    show_outcome_problems(outcome.problems, filters.lang)


def _render_period(row: pd.Series, filters: Filters) -> None:
    form = fetch_entry_form(
        app_engine(),
        actor=filters.viewer.actor,
        commune_code=row["commune_code"],
        stage_code=filters.stage.code,
        as_of=row["as_of"],
    )
    if form is None:
        st.error(filters.t("entry.not_your_commune"))
        return
    st.dataframe(_detail_table(form.rows, filters), hide_index=True, width="stretch")
    values = [
        EntryValue(r.indicator_code, r.numerator, r.denominator, r.note)
        for r in form.rows.itertuples()
    ]
    problems = fetch_entry_problems(
        app_engine(),
        commune_code=row["commune_code"],
        as_of=row["as_of"],
        values=values,
        stage_code=filters.stage.code,
    )
    for code, found in problems.items():
        if found:
            st.markdown(f"**{md(code)}**" if code else "")
            show_problems(found, filters.lang)
    if row["status"] == "returned" and form.comment:
        st.caption(filters.t("entry.returned_with") + " " + md(form.comment))
    _render_actions(row, filters)


def render_approval(filters: Filters) -> None:
    """The periods communes entered, newest first, and the steps a data officer may take."""
    with confirmation(FLASH_KEY):
        _render_approval_body(filters)


def _render_approval_body(filters: Filters) -> None:
    periods = fetch_entry_periods(
        app_engine(), actor=filters.viewer.actor, stage_code=filters.stage.code
    )
    options = [ALL, *STATUSES]
    chosen = st.segmented_control(
        filters.t("entry.status_filter"),
        options,
        default=SUBMITTED,
        format_func=lambda s: filters.t("entry.all") if s == ALL else status_text(filters, s),
        key="approval_status",
    )
    if chosen not in (None, ALL):
        periods = periods[periods["status"] == chosen].reset_index(drop=True)
    if periods.empty:
        st.info(filters.t("entry.nothing_to_approve"))
        return
    shown = pd.DataFrame(
        {
            filters.t("entry.commune"): periods["commune_code"] + " · " + periods["commune_name"],
            filters.t("entry.period"): [format_date(d, filters.lang) for d in periods["as_of"]],
            filters.t("entry.col.status"): [status_text(filters, s) for s in periods["status"]],
            filters.t("entry.col.by"): periods["updated_by"],
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
    labels = {
        i: f"{r.commune_code} · {r.commune_name} · {format_date(r.as_of, filters.lang)}"
        for i, r in enumerate(periods.itertuples())
    }
    picked = st.selectbox(
        filters.t("entry.pick_period"), list(labels), format_func=labels.get, key="approval_pick"
    )
    _render_period(periods.loc[picked], filters)
