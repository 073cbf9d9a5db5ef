"""The default as-of date: what a screen or a brief shows when nobody asked for a date."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data_access.catalog import fetch_recent_reporting
from data_access.settings import load_settings
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
