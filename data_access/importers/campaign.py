"""Validate and import a campaign and its stages (one row per stage).

Re-importing the file with a new row adds a stage; with a changed deadline, start or period
it changes that stage. Each import is a batch, so `rollback` restores the previous dates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import sqlalchemy as sa

from campaign.text import normalize_name
from data_access import schema as s
from data_access.importers import headers as h
from data_access.importers.batches import ImportOutcome
from data_access.importers.cells import check_lengths, column_limits
from data_access.importers.problems import Problem, problems_where, sort_problems
from data_access.importers.upserts import Counts, Plan, import_catalogue_file, upsert_rows
from data_access.importers.validation import (
    dates,
    missing,
    numbers,
    repeated,
    text_column,
    whole_numbers,
)

# The reporting period when the file gives none: communes report weekly.
DEFAULT_PERIOD_DAYS = 7
# Cells every row of one campaign must repeat identically.
CAMPAIGN_FIELDS = ("province_code", "campaign_name_vi", "campaign_name_en")
# File column -> the length of the database column that stores it.
LENGTHS = {
    **column_limits(s.campaigns, {"campaign_code": "code"}),
    **column_limits(s.campaigns, {"campaign_name_vi": "name_vi", "campaign_name_en": "name_en"}),
    **column_limits(s.stages, {"stage_code": "code"}),
    **column_limits(s.stages, {"stage_name_vi": "name_vi", "stage_name_en": "name_en"}),
}


def _conflicts(frame: pd.DataFrame) -> list[Problem]:
    """Rows of one campaign that disagree with its first row on province or names."""
    problems: list[Problem] = []
    named = frame[frame["campaign_code"] != ""]
    first = named.groupby("campaign_code").head(1).set_index("campaign_code")
    for column in CAMPAIGN_FIELDS:
        expected = named["campaign_code"].map(first[column])
        differs = pd.Series(False, index=frame.index)
        differs[named.index] = named[column].astype(str) != expected.astype(str)
        params = {"first": frame["campaign_code"].map(first["row"]).fillna(0).astype(int)}
        problems += problems_where(frame, differs, "import.conflicting_rows", column, params=params)
    return problems


def validate_campaign(connection: sa.Connection, frame: pd.DataFrame) -> Plan:
    """Campaign code, province, names, and each stage's code, names, dates and period."""
    frame = frame.assign(
        **{c: text_column(frame, c) for c in ("campaign_code", "province_code", "stage_code")}
    )
    loc = s.localities
    provinces = dict(
        connection.execute(
            sa.select(loc.c.code, loc.c.id).where(loc.c.level == s.LEVEL_PROVINCE)
        ).all()
    )
    problems = missing(frame, h.CAMPAIGN_REQUIRED) + check_lengths(frame, LENGTHS)
    not_province = (frame["province_code"] != "") & ~frame["province_code"].isin(set(provinces))
    problems += problems_where(frame, not_province, "import.not_a_province", "province_code")
    start, found = dates(frame, "start_date")
    deadline, more = dates(frame, "deadline")
    problems += found + more
    before = pd.Series(
        [
            isinstance(a, date) and isinstance(b, date) and b < a
            for a, b in zip(start, deadline, strict=True)
        ],
        index=frame.index,
    )
    problems += problems_where(
        frame, before, "import.deadline_before_start", "deadline", params={"start": start}
    )
    period, found = numbers(frame, "period_days")
    problems += found + whole_numbers(frame, "period_days", period)
    problems += problems_where(frame, period == 0, "import.not_positive", "period_days")
    problems += repeated(frame, ["stage_code"], "stage_code") + _conflicts(frame)
    frame = frame.assign(
        start_date=start.map(lambda d: d.isoformat() if isinstance(d, date) else ""),
        deadline=deadline.map(lambda d: d.isoformat() if isinstance(d, date) else ""),
        period_days=period.fillna(DEFAULT_PERIOD_DAYS),
    )

    def write(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
        campaigns: list[dict[str, Any]] = [
            {
                "code": r.campaign_code,
                "province_id": provinces[r.province_code],
                "name_vi": normalize_name(str(r.campaign_name_vi)),
                "name_en": normalize_name(str(r.campaign_name_en)),
            }
            for r in frame.drop_duplicates("campaign_code").itertuples()
        ]
        ids = upsert_rows(connection, s.campaigns, batch_id, campaigns, ("code",), counts)
        stages = [
            {
                "campaign_id": ids[(r.campaign_code,)],
                "code": r.stage_code,
                "name_vi": normalize_name(str(r.stage_name_vi)),
                "name_en": normalize_name(str(r.stage_name_en)),
                "start_date": date.fromisoformat(r.start_date),
                "deadline": date.fromisoformat(r.deadline),
                "period_days": int(r.period_days),
            }
            for r in frame.itertuples()
        ]
        upsert_rows(connection, s.stages, batch_id, stages, ("code",), counts)

    return Plan(sort_problems(problems), frame, write)


def import_campaign(
    engine: sa.Engine, data: bytes, file_name: str, **options: Any
) -> ImportOutcome:
    """Import a campaign and its stages (the columns of sample_data/campaign.csv)."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="campaign",
        spec=h.CAMPAIGN_COLUMNS,
        required=h.CAMPAIGN_REQUIRED,
        validate=validate_campaign,
        **options,
    )
