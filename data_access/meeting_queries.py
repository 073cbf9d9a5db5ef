"""Reading committee meetings and their decisions (data_access.meetings writes them)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import Bind, read_frame

OPEN, DONE, OVERDUE = "open", "done", "overdue"
STORED_STATUSES = (OPEN, DONE)  # "overdue" is computed from the due date, never stored


def fetch_meetings(bind: Bind, *, province_code: str) -> pd.DataFrame:
    """A province's meetings, newest first. Columns: meeting_id, province_code, meeting_date,
    stage_id, stage_code, as_of, title, notes, created_by."""
    m, st = s.meetings, s.stages
    stmt = (
        sa.select(
            m.c.id.label("meeting_id"),
            m.c.province_code,
            m.c.meeting_date,
            m.c.stage_id,
            st.c.code.label("stage_code"),
            m.c.as_of,
            m.c.title,
            m.c.notes,
            m.c.created_by,
        )
        .join(st, st.c.id == m.c.stage_id)
        .where(m.c.province_code == province_code)
        .order_by(m.c.meeting_date.desc(), m.c.id.desc())
    )
    return read_frame(bind, stmt, date_columns=("meeting_date", "as_of"))


def fetch_last_meeting(bind: Bind, *, province_code: str, before: date) -> dict | None:
    """The province's latest meeting whose frozen as-of is before `before` (the one a view
    as of `before` compares with), as a dict of fetch_meetings' columns; None when none."""
    meetings = fetch_meetings(bind, province_code=province_code)
    earlier = meetings[meetings["as_of"] < before] if not meetings.empty else meetings
    if earlier.empty:
        return None
    return earlier.iloc[0].to_dict()


def fetch_decisions(bind: Bind, *, meeting_id: int) -> pd.DataFrame:
    """A meeting's decisions in the order recorded. Columns: decision_id, meeting_id,
    meeting_date, meeting_as_of, subject_kind, commune_codes (a tuple), indicator_code, text,
    agency_code, responsible_commune_code, due_date, status, status_note, status_updated_by."""
    d, m = s.decisions, s.meetings
    stmt = (
        sa.select(
            d.c.id.label("decision_id"),
            d.c.meeting_id,
            m.c.meeting_date,
            m.c.as_of.label("meeting_as_of"),
            d.c.subject_kind,
            d.c.commune_codes,
            d.c.indicator_code,
            d.c.text,
            d.c.agency_code,
            d.c.responsible_commune_code,
            d.c.due_date,
            d.c.status,
            d.c.status_note,
            d.c.status_updated_by,
        )
        .join(m, m.c.id == d.c.meeting_id)
        .where(d.c.meeting_id == meeting_id)
        .order_by(d.c.id)
    )
    frame = read_frame(bind, stmt, date_columns=("meeting_date", "meeting_as_of", "due_date"))
    frame["commune_codes"] = [
        tuple(code for code in str(text).split(",") if code) for text in frame["commune_codes"]
    ]
    return frame


def fetch_decision_updates(bind: Bind, *, decision_id: int) -> pd.DataFrame:
    """A decision's status changes, oldest first. Columns: at, actor, status, note."""
    u = s.decision_updates
    stmt = (
        sa.select(u.c.at, u.c.actor, u.c.status, u.c.note)
        .where(u.c.decision_id == decision_id)
        .order_by(u.c.at, u.c.id)
    )
    return read_frame(bind, stmt)


def status_on(status: str, due_date: date, on: date) -> str:
    """The status shown on `on`: an open decision past its due date is overdue."""
    return OVERDUE if status == OPEN and due_date < on else status
