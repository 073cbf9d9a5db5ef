"""Reporting completeness, aggregated in SQL, checked against the raw demo reports."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from data_access.catalog import fetch_stages
from data_access.completeness import (
    fetch_commune_completeness,
    fetch_period_completeness,
    reporting_periods,
)
from data_access.progress import fetch_indicator_totals

AS_OF = date(2026, 9, 30)


def _stage(engine) -> pd.Series:
    stages = fetch_stages(engine)
    return stages[stages["stage_code"] == "GD2-2026"].iloc[0]


def _raw_latest(demo_data, as_of: date) -> pd.DataFrame:
    reports = demo_data.reports[demo_data.reports["locality_code"].str.len() == 5].copy()
    reports["as_of"] = pd.to_datetime(reports["as_of"]).dt.date
    reports = reports[reports["as_of"] <= as_of]
    return reports.groupby(["locality_code", "indicator_code"])["as_of"].max().reset_index()


def test_commune_completeness_matches_raw_reports(seeded_engine, demo_data):
    stage = _stage(seeded_engine)
    frame = fetch_commune_completeness(
        seeded_engine,
        stage_id=int(stage["stage_id"]),
        as_of=AS_OF,
        period_days=int(stage["period_days"]),
    )
    latest = _raw_latest(demo_data, AS_OF)
    window_start = AS_OF - timedelta(days=int(stage["period_days"]))
    current = latest[latest["as_of"] > window_start].groupby("locality_code").size()
    oldest = latest.groupby("locality_code")["as_of"].min()
    assert len(frame) == 102
    by_code = frame.set_index("commune_code")
    for code, row in by_code.iterrows():
        assert row["indicators_current"] == current.get(code, 0)
        if row["indicators_reported"] == row["indicators_total"]:
            expected = max(0, (AS_OF - oldest[code]).days - int(stage["period_days"]))
            assert row["days_late"] == expected
    assert frame["days_late"].fillna(10**6).is_monotonic_decreasing


def test_completeness_agrees_with_the_overview_count(seeded_engine):
    stage = _stage(seeded_engine)
    stage_id, period = int(stage["stage_id"]), int(stage["period_days"])
    frame = fetch_commune_completeness(
        seeded_engine, stage_id=stage_id, as_of=AS_OF, period_days=period
    )
    totals = fetch_indicator_totals(
        seeded_engine, stage_id=stage_id, as_of=AS_OF, period_days=period
    )
    assert frame["indicators_current"].sum() == totals["communes_current"].sum()


def test_period_completeness_counts_distinct_communes(seeded_engine, demo_data):
    stage = _stage(seeded_engine)
    frame = fetch_period_completeness(
        seeded_engine,
        stage_id=int(stage["stage_id"]),
        as_of=AS_OF,
        start_date=stage["start_date"],
        deadline=stage["deadline"],
        period_days=int(stage["period_days"]),
    )
    reports = demo_data.reports[demo_data.reports["locality_code"].str.len() == 5].copy()
    reports["as_of"] = pd.to_datetime(reports["as_of"]).dt.date
    for row in frame.sample(10, random_state=42).itertuples():
        inside = reports[
            (reports["as_of"] >= row.period_start)
            & (reports["as_of"] <= row.period_end)
            & (reports["indicator_code"] == row.indicator_code)
        ]
        assert row.communes_reported == inside["locality_code"].nunique()
        assert row.communes_total == 102


@pytest.mark.parametrize(
    ("start", "as_of", "days", "expected"),
    [
        (date(2026, 1, 1), date(2026, 1, 1), 7, [(date(2026, 1, 1), date(2026, 1, 7))]),
        (
            date(2026, 1, 1),
            date(2026, 1, 8),
            7,
            [(date(2026, 1, 1), date(2026, 1, 7)), (date(2026, 1, 8), date(2026, 1, 14))],
        ),
        (date(2026, 1, 1), date(2025, 12, 31), 7, []),
    ],
)
def test_reporting_periods(start, as_of, days, expected):
    assert reporting_periods(start, as_of, days) == expected
