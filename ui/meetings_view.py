"""The Meetings page's sections: store a meeting, record its decisions, update their status.

Each form is shown only to viewers who may use it; data_access.meetings checks every write
again (record_decisions for the committee and data officers, the responsible side for status).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_access.accounts.actors import AccountError
from data_access.catalog import fetch_agencies, fetch_stage_indicators
from data_access.meeting_queries import STORED_STATUSES, fetch_decisions, fetch_meetings, status_on
from data_access.meetings import (
    SUBJECT_KINDS,
    MeetingError,
    create_meeting,
    may_update_status,
    record_decision,
    update_decision_status,
)
from i18n.formats import format_date
from ui.confirmations import confirm_and_rerun, confirmation
from ui.data import app_engine, reader
from ui.filter_state import Filters

_CONFIRMATION_KEY = "meetings_flash"  # what the rerun a write asks for says it did


def _attempt(write, message: str) -> None:  # noqa: ANN001 (a callable doing one write)
    try:
        write()
    except (AccountError, MeetingError) as error:
        st.error(str(error))
    else:
        confirm_and_rerun(_CONFIRMATION_KEY, message)


def render_meetings(filters: Filters) -> None:
    """The page body: a write's confirmation, new meeting, the chosen meeting's decisions and
    forms."""
    with confirmation(_CONFIRMATION_KEY):
        _render_body(filters)


def _render_body(filters: Filters) -> None:
    records = filters.viewer.limits.may("record_decisions")
    if records:
        _new_meeting_form(filters)
    meetings = reader().read(fetch_meetings, province_code=filters.province_code)
    if meetings.empty:
        st.info(filters.t("meetings.none"))
        return
    options = list(meetings["meeting_id"])
    rows = meetings.set_index("meeting_id")
    meeting_id = st.selectbox(
        filters.t("meetings.pick"),
        options,
        format_func=lambda m: filters.t(
            "meetings.option",
            date=format_date(rows.loc[m, "meeting_date"], filters.lang),
            title=rows.loc[m, "title"],
            as_of=format_date(rows.loc[m, "as_of"], filters.lang),
        ),
        key="meetings-pick",
    )
    decisions = _visible(reader().read(fetch_decisions, meeting_id=int(meeting_id)), filters)
    st.subheader(filters.t("meetings.decisions"), anchor=False)
    if decisions.empty:
        st.caption(filters.t("meetings.no_decisions"))
    else:
        st.dataframe(_table(decisions, filters), hide_index=True, width="stretch")
    if records:
        _decision_form(filters, int(meeting_id))
    _status_form(filters, decisions)


def _visible(decisions: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Decisions a viewer limited to some communes may see: on or by their communes."""
    allowed = filters.scope.allowed_communes
    if allowed is None or decisions.empty:
        return decisions
    keep = [
        (bool(codes) and set(codes) <= allowed) or side in allowed
        for codes, side in zip(
            decisions["commune_codes"], decisions["responsible_commune_code"], strict=True
        )
    ]
    return decisions[keep].reset_index(drop=True)


def _table(decisions: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    t, names = filters.t, dict(zip(filters.communes["code"], filters.communes["name"], strict=True))
    return pd.DataFrame(
        {
            t("meetings.field.due"): [format_date(d, filters.lang) for d in decisions["due_date"]],
            t("meetings.field.status"): [
                t(f"decision.status.{status_on(s, d, filters.as_of)}")
                for s, d in zip(decisions["status"], decisions["due_date"], strict=True)
            ],
            t("meetings.field.kind"): [
                ", ".join(names.get(c, c) for c in codes) or t("decision.province")
                for codes in decisions["commune_codes"]
            ],
            t("meetings.field.indicator"): decisions["indicator_code"].fillna(""),
            t("meetings.field.text"): decisions["text"],
            t("meetings.field.responsible"): decisions["agency_code"].fillna(
                decisions["responsible_commune_code"]
            ),
            t("meetings.field.note"): decisions["status_note"],
        }
    )


def _new_meeting_form(filters: Filters) -> None:
    t = filters.t
    with st.expander(t("meetings.new")), st.form("meetings-new", clear_on_submit=True):
        st.caption(t("meetings.new_help", date=format_date(filters.as_of, filters.lang)))
        title = st.text_input(t("meetings.field.title"), max_chars=300)
        held = st.date_input(
            t("meetings.field.date"),
            value=max(date.today(), filters.as_of),
            min_value=filters.as_of,
        )
        notes = st.text_area(t("meetings.field.notes"))
        if st.form_submit_button(t("meetings.save"), type="primary"):
            _attempt(
                lambda: create_meeting(
                    app_engine(),
                    actor=filters.viewer.actor,
                    stage_id=filters.stage_id,
                    meeting_date=held,
                    as_of=filters.as_of,
                    title=title,
                    notes=notes,
                ),
                t("meetings.saved"),
            )


def _decision_form(filters: Filters, meeting_id: int) -> None:
    t, lang = filters.t, filters.lang
    indicators = reader().read(fetch_stage_indicators, stage_id=filters.stage_id, agency_codes=None)
    agencies = reader().read(fetch_agencies)
    communes = dict(zip(filters.communes["code"], filters.communes["name"], strict=True))
    with st.expander(t("meetings.record")), st.form("meetings-decision", clear_on_submit=True):
        kind = st.selectbox(
            t("meetings.field.kind"), SUBJECT_KINDS, format_func=lambda k: t(f"decision.kind.{k}")
        )
        chosen = st.multiselect(
            t("meetings.field.communes"),
            list(communes),
            format_func=communes.get,
            placeholder=t("meetings.communes_placeholder"),
        )
        names = dict(zip(indicators["code"], indicators["name_" + lang], strict=True))
        indicator = st.selectbox(
            t("meetings.field.indicator"),
            [None, *names],
            format_func=lambda c: t("meetings.no_indicator") if c is None else f"{c} · {names[c]}",
        )
        text = st.text_area(t("meetings.field.text"))
        side = st.radio(
            t("meetings.field.side"),
            ("agency", "commune"),
            format_func=lambda s: t(f"meetings.side.{s}"),
            horizontal=True,
        )
        agency_names = dict(zip(agencies["code"], agencies["name_" + lang], strict=True))
        agency = st.selectbox(
            t("meetings.field.responsible_agency"), list(agency_names), format_func=agency_names.get
        )
        commune = st.selectbox(
            t("meetings.field.responsible_commune"), list(communes), format_func=communes.get
        )
        due = st.date_input(t("meetings.field.due"), value=filters.as_of)
        if st.form_submit_button(t("meetings.record"), type="primary"):
            _attempt(
                lambda: record_decision(
                    app_engine(),
                    actor=filters.viewer.actor,
                    meeting_id=meeting_id,
                    subject_kind=kind,
                    commune_codes=chosen,
                    indicator_code=indicator,
                    text=text,
                    agency_code=agency if side == "agency" else None,
                    responsible_commune_code=commune if side == "commune" else None,
                    due_date=due,
                ),
                t("meetings.recorded"),
            )


def _status_form(filters: Filters, decisions: pd.DataFrame) -> None:
    """The decisions the viewer answers for, and a form to set their status with a note."""
    t, actor = filters.t, filters.viewer.actor
    mine = (
        decisions[
            [
                may_update_status(actor, agency_code=a, commune_code=c)
                for a, c in zip(
                    decisions["agency_code"].fillna(""),
                    decisions["responsible_commune_code"].fillna(""),
                    strict=True,
                )
            ]
        ]
        if not decisions.empty
        else decisions
    )
    if mine.empty:
        return
    st.subheader(t("meetings.update"), anchor=False)
    texts = dict(zip(mine["decision_id"], mine["text"], strict=True))
    with st.form("meetings-status"):
        decision = st.selectbox(t("meetings.yours"), list(texts), format_func=texts.get)
        status = st.radio(
            t("meetings.field.status"),
            STORED_STATUSES,
            format_func=lambda s: t(f"decision.status.{s}"),
            horizontal=True,
        )
        note = st.text_input(t("meetings.field.note"))
        if st.form_submit_button(t("meetings.update"), type="primary"):
            _attempt(
                lambda: update_decision_status(
                    app_engine(), actor=actor, decision_id=int(decision), status=status, note=note
                ),
                t("meetings.updated"),
            )
