"""Locality queries on SQLite and PostgreSQL against the raw demo files."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access.locality import (
    fetch_last_reports,
    fetch_locality_report_log,
    fetch_reporting_days,
    fetch_village_reports,
)
from tests.oracle import raw_reports
from tests.oracle_locality import last_report_dates

STAGE_CODE = "GD2-2026"
AS_OFS = [date(2026, 3, 1), date(2026, 9, 30), date(2026, 11, 16)]
COMMUNES = ["40001", "40071", "40059"]


def stage_id(engine: sa.Engine, code: str = STAGE_CODE) -> int:
    with engine.connect() as connection:
        return connection.execute(
            sa.text("SELECT id FROM stages WHERE code = :c"), {"c": code}
        ).scalar_one()


@pytest.mark.parametrize("as_of", AS_OFS)
def test_village_reports_are_each_villages_latest(seeded_engine, demo_data, as_of):
    frame = fetch_village_reports(
        seeded_engine, stage_id=stage_id(seeded_engine), as_of=as_of, commune_codes=COMMUNES
    )
    reports = raw_reports(demo_data)
    loc = demo_data.localities
    villages = set(loc[loc["parent_code"].isin(COMMUNES)]["code"])
    mine = reports[reports["locality_code"].isin(villages) & (reports["as_of"] <= as_of)]
    expected = mine.sort_values("as_of").groupby(["locality_code", "indicator_code"]).last()
    assert len(frame) == len(expected) > 0
    for row in frame.itertuples():
        want = expected.loc[(row.village_code, row.indicator_code)]
        assert row.report_date == want["as_of"]
        assert row.numerator == want["numerator"]
        assert row.commune_code == row.village_code[:5]


@pytest.mark.parametrize("as_of", AS_OFS)
def test_last_reports_carry_their_date_and_batch(seeded_engine, demo_data, as_of):
    frame = fetch_last_reports(
        seeded_engine, stage_id=stage_id(seeded_engine), as_of=as_of, commune_codes=COMMUNES
    )
    for commune in COMMUNES:
        mine = frame[frame["commune_code"] == commune]
        expected = last_report_dates(demo_data, as_of=as_of, commune=commune)
        assert dict(zip(mine["indicator_code"], mine["report_date"], strict=True)) == expected
    assert set(frame["file_name"]) == {"reports.csv.gz"}
    assert frame["imported_at"].notna().all()


def test_commune_that_never_reports_two_indicators(seeded_engine):
    frame = fetch_last_reports(
        seeded_engine,
        stage_id=stage_id(seeded_engine),
        as_of=date(2026, 11, 16),
        commune_codes=["40059"],
    )
    assert len(frame) == 8
    assert not {"CT09", "CT10"} & set(frame["indicator_code"])


@pytest.mark.parametrize("as_of", [date(2025, 12, 1), *AS_OFS])
def test_reporting_days_count_indicators_per_date(seeded_engine, demo_data, as_of):
    frame = fetch_reporting_days(
        seeded_engine, stage_id=stage_id(seeded_engine), as_of=as_of, commune_codes=COMMUNES
    )
    reports = raw_reports(demo_data)
    mine = reports[
        reports["locality_code"].isin(COMMUNES)
        & (reports["as_of"] <= as_of)
        & (reports["as_of"] >= date(2026, 1, 1))
    ]
    expected = mine.groupby(["locality_code", "as_of"])["indicator_code"].nunique().reset_index()
    expected.columns = ["commune_code", "report_date", "indicators_reported"]
    pd.testing.assert_frame_equal(
        frame.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False
    )


def test_report_log_of_a_village(seeded_engine):
    log = fetch_locality_report_log(
        seeded_engine, locality_code="40001005", as_of=date(2026, 11, 16)
    )
    assert list(log["indicator_code"]) == ["CT06"]
    assert log["report_date"].iloc[0] == date(2026, 8, 31)
    assert log["file_name"].iloc[0] == "reports.csv.gz"
    empty = fetch_locality_report_log(
        seeded_engine, locality_code="40001005", as_of=date(2026, 8, 30)
    )
    assert empty.empty
