"""The commune officer's form: one row per indicator of the stage, checked as typed by the
file import's own checks, saved as a draft or submitted for approval."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_access.entry.checks import fetch_entry_problems
from data_access.entry.queries import EntryForm, fetch_entry_form
from data_access.entry.status import EDITABLE, RETURNED, EntryValue
from data_access.entry.workflow import save_draft, submit
from i18n.formats import format_date, format_number, is_missing
from ui.confirmations import confirm_and_rerun, confirmation
from ui.data import app_engine
from ui.entry_common import (
    enterable_communes,
    show_outcome_problems,
    show_problems,
    stage_periods,
    status_text,
    url_asked_outside,
)
from ui.filter_state import Filters
from ui.text import md

FIELDS = ("numerator", "denominator", "note")
# A message kept across the rerun that follows a submission.
FLASH_KEY = "entry_flash"


def _key(commune: str, as_of: date, indicator: str, field: str) -> str:
    return f"entry_{commune}_{as_of.isoformat()}_{indicator}_{field}"


def _requested_elsewhere(filters: Filters, allowed: pd.DataFrame) -> bool:
    """True when the URL asks for a commune the viewer may not enter for."""
    requested = set(st.query_params.get_all("commune"))
    return bool(requested - set(allowed["code"]))


def _last_report(row: pd.Series, filters: Filters) -> str:
    if is_missing(row["last_as_of"]):
        return filters.t("entry.no_last_report")
    value = format_number(row["last_numerator"], filters.lang)
    if not is_missing(row["last_denominator"]):
        value += " / " + format_number(row["last_denominator"], filters.lang)
    return filters.t(
        "entry.last_report", date=format_date(row["last_as_of"], filters.lang), value=value
    )


def _typed(rows: pd.DataFrame, commune: str, as_of: date) -> list[EntryValue]:
    values = []
    for row in rows.itertuples():
        fields = {
            f: st.session_state.get(_key(commune, as_of, row.indicator_code, f), getattr(row, f))
            for f in FIELDS
        }
        values.append(EntryValue(row.indicator_code, **fields))
    return values


def _render_rows(form: EntryForm, filters: Filters, commune: str, as_of: date) -> None:
    locked = form.status not in EDITABLE
    problems = fetch_entry_problems(
        app_engine(),
        commune_code=commune,
        as_of=as_of,
        values=_typed(form.rows, commune, as_of),
        stage_code=filters.stage.code,
    )
    name_column = "name_en" if filters.lang == "en" else "name_vi"
    for row in form.rows.itertuples():
        series = form.rows.loc[row.Index]
        with st.container(border=True):
            st.markdown(f"**{md(row.indicator_code)}** · {md(getattr(row, name_column))}")
            st.caption(md(_last_report(series, filters)))
            ratio = row.unit == "percent"
            widths = [1, 1, 2] if ratio else [1, 2]
            columns = iter(st.columns(widths))
            for field in FIELDS:
                if field == "denominator" and not ratio:
                    continue
                with next(columns):
                    st.text_input(
                        filters.t(f"entry.field.{field}"),
                        value=getattr(row, field),
                        key=_key(commune, as_of, row.indicator_code, field),
                        disabled=locked,
                    )
            show_problems(problems.get(row.indicator_code, []), filters.lang)
    show_problems(problems.get("", []), filters.lang)


def _render_buttons(form: EntryForm, filters: Filters, commune: str, as_of: date) -> None:
    if form.status not in EDITABLE:
        st.info(filters.t("entry.locked_for_officer", status=status_text(filters, form.status)))
        return
    actor = filters.viewer.actor
    period = {"commune_code": commune, "stage_code": filters.stage.code, "as_of": as_of}
    left, right = st.columns(2)
    save = left.button(filters.t("entry.save_draft"), key="entry_save", width="stretch")
    send = right.button(
        filters.t("entry.submit"), key="entry_submit", type="primary", width="stretch"
    )
    if not (save or send):
        return
    values = _typed(form.rows, commune, as_of)
    saved = save_draft(app_engine(), actor=actor, values=values, **period)
    if not saved.ok:
        show_outcome_problems(saved.problems, filters.lang)
        return
    if save:
        st.success(filters.t("entry.saved"))
        return
    sent = submit(app_engine(), actor=actor, **period)
    if sent.ok:
        confirm_and_rerun(FLASH_KEY, filters.t("entry.submitted"))
    show_outcome_problems(sent.problems, filters.lang)
    if sent.errors:
        st.error(filters.t("entry.fix_before_submit", count=len(sent.errors)))


def render_entry_form(filters: Filters) -> None:
    """Pick one of the viewer's communes and an ended period, then enter its figures."""
    with confirmation(FLASH_KEY):
        _render_entry_body(filters)


def _render_entry_body(filters: Filters) -> None:
    allowed = enterable_communes(filters)
    if url_asked_outside(filters) or _requested_elsewhere(filters, allowed):
        st.error(filters.t("entry.not_your_commune"))
        return
    if allowed.empty:
        st.info(filters.t("entry.no_communes"))
        return
    periods = stage_periods(filters)
    if not periods:
        st.info(filters.t("entry.no_periods"))
        return
    names = dict(zip(allowed["code"], allowed["name"], strict=True))
    requested = [c for c in st.query_params.get_all("commune") if c in names]
    left, right = st.columns(2)
    commune = left.selectbox(
        filters.t("entry.commune"),
        list(names),
        index=list(names).index(requested[0]) if requested else 0,
        format_func=lambda code: f"{code} · {names[code]}",
        key="entry_commune",
    )
    as_of = right.selectbox(
        filters.t("entry.period"),
        periods,
        format_func=lambda d: filters.t("entry.period_ending", date=format_date(d, filters.lang)),
        key="entry_period",
    )
    form = fetch_entry_form(
        app_engine(),
        actor=filters.viewer.actor,
        commune_code=commune,
        stage_code=filters.stage.code,
        as_of=as_of,
    )
    if form is None:
        st.error(filters.t("entry.not_your_commune"))
        return
    st.markdown(filters.t("entry.status_line", status=status_text(filters, form.status)))
    if form.status == RETURNED and form.comment:
        st.warning(filters.t("entry.returned_with") + " " + md(form.comment))
    _render_rows(form, filters, commune, as_of)
    _render_buttons(form, filters, commune, as_of)
