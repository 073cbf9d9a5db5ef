"""Default dates: the as-of a screen or a brief shows when nobody asked for one, and the
meeting it compares with."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from data_access.catalog import fetch_recent_reporting
from data_access.meeting_queries import fetch_last_meeting
from data_access.settings import load_settings
from figures.lists import DEFAULT_MEETING_GAP_DAYS
from figures.reader import Reader
from figures.requests import adequate_report_date


def usual_report_date(
    reader: Reader, *, stages: pd.DataFrame, communes_total: int, province_code: str
) -> date | None:
    """A province's newest date by which enough of its communes (DASHBOARD_DEFAULT_DATE_
    MIN_SHARE) had reported within one period; None without reports. `stages` are the
    province's (fetch_stages rows): the newest one's reporting period is the window."""
    in_province = stages[stages["province_code"] == province_code]
    if in_province.empty:
        return None
    return adequate_report_date(
        reader.read(fetch_recent_reporting, province_code=province_code),
        communes_total=communes_total,
        period_days=int(in_province.iloc[-1]["period_days"]),
        min_share=load_settings().default_date_min_share,
    )


def last_meeting(reader: Reader, *, province_code: str, as_of: date) -> dict | None:
    """The province's last stored meeting frozen before `as_of` (fetch_last_meeting's
    columns), the one a view as of `as_of` compares with; None when none is stored."""
    return reader.read(fetch_last_meeting, province_code=province_code, before=as_of)


def comparison_date(reader: Reader, *, province_code: str, as_of: date) -> date:
    """What "since the last meeting" compares with by default: the frozen as-of of the last
    stored meeting, else DEFAULT_MEETING_GAP_DAYS before `as_of`."""
    meeting = last_meeting(reader, province_code=province_code, as_of=as_of)
    if meeting is not None:
        return meeting["as_of"]
    return as_of - timedelta(days=DEFAULT_MEETING_GAP_DAYS)
