"""Reporting completeness, aggregated in SQL, checked against the raw demo reports."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import schema as s
from data_access.catalog import fetch_stages
from data_access.completeness import (
    COMPLETE,
    LATE,
    NEVER,
    compute_status,
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


def _completeness(engine, as_of: date = AS_OF) -> pd.DataFrame:
    stage = _stage(engine)
    return fetch_commune_completeness(
        engine, stage_id=int(stage["stage_id"]), as_of=as_of, period_days=int(stage["period_days"])
    ).set_index("commune_code")


def test_a_commune_missing_two_indicators_is_late_not_never(seeded_engine):
    """The demo's Cuôr Đăng (40059) never reports CT09 and CT10: it is late on those two, by
    the days since the end of the stage's first period."""
    row = _completeness(seeded_engine).loc["40059"]
    assert (row["indicators_reported"], row["indicators_total"]) == (8, 10)
    assert row["status"] == LATE
    stage = _stage(seeded_engine)
    assert row["days_late"] == (AS_OF - stage["start_date"]).days - int(stage["period_days"])


def test_a_commune_that_never_reported_is_never_and_every_commune_has_one_status(seeded_copy):
    r, loc = s.reports, s.localities
    with seeded_copy.begin() as connection:
        commune = sa.select(loc.c.id).where(loc.c.code == "40002").scalar_subquery()
        connection.execute(r.delete().where(r.c.locality_id == commune))
    frame = _completeness(seeded_copy)
    assert frame.loc["40002", "status"] == NEVER and pd.isna(frame.loc["40002", "days_late"])
    assert frame.loc["40059", "status"] == LATE
    complete = frame["indicators_current"] == frame["indicators_total"]
    assert (frame["status"] == COMPLETE).sum() == complete.sum()
    assert frame["status"].isin([COMPLETE, LATE, NEVER]).all()
    assert list(frame.index[:1]) == ["40002"]  # never reported comes first


@pytest.mark.parametrize(
    ("current", "reported", "total", "status"),
    [
        (10, 10, 10, COMPLETE),
        (8, 10, 10, LATE),
        (8, 8, 10, LATE),
        (0, 0, 10, NEVER),
        (0, 0, 0, COMPLETE),
    ],
)
def test_status_rule(current, reported, total, status):
    frame = pd.DataFrame(
        {
            "indicators_current": [current],
            "indicators_reported": [reported],
            "indicators_total": [total],
        }
    )
    assert compute_status(frame).tolist() == [status]
