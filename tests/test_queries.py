"""The query layer against an independent pandas computation from the raw report files."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.catalog import fetch_stage_indicators, fetch_stages, fetch_summary
from data_access.history import fetch_indicator_history, fetch_target_group_totals
from data_access.progress import fetch_commune_reports, fetch_indicator_totals
from tests import oracle

PROVINCE = "99"
# Before the first report, mid-stage 1, after its deadline, mid-2026, and the newest data.
AS_OF_DATES = [
    date(2025, 7, 18),
    date(2025, 9, 3),
    date(2025, 11, 30),
    date(2026, 6, 10),
    date(2026, 11, 22),
]


def _special_communes(demo_data) -> dict[str, str]:
    """A commune that stopped reporting, and one that never reported some indicator."""
    reports = oracle.raw_reports(demo_data)
    communes = oracle.communes_of(demo_data, PROVINCE)
    mine = reports[reports["locality_code"].isin(communes)]
    last = mine.groupby("locality_code")["as_of"].max()
    stopped = last[last < last.max()].index[0]
    indicator_count = mine.groupby("locality_code")["indicator_code"].nunique()
    missing = indicator_count[indicator_count < indicator_count.max()].index[0]
    return {"stopped": stopped, "missing": missing}


@pytest.fixture(scope="module")
def stage_ids(seeded_engine) -> dict[str, int]:
    stages = fetch_stages(seeded_engine)
    return dict(zip(stages["stage_code"], stages["stage_id"], strict=False))


def _scopes(demo_data) -> list[list[str] | None]:
    special = _special_communes(demo_data)
    communes = oracle.communes_of(demo_data, PROVINCE)
    return [None, [communes[0], special["stopped"], special["missing"]], [special["stopped"]]]


def test_summary_counts(seeded_engine):
    summary = fetch_summary(seeded_engine)
    assert summary["provinces"] == 1
    assert summary["communes"] == 102
    assert summary["indicators"] == 10
    assert summary["target_groups"] == 5
    assert summary["villages"] > 300
    assert summary["reports"] > 0
    assert summary["latest_as_of"] == "2026-11-16"


@pytest.mark.parametrize("stage_code", ["GD1-2025", "GD2-2026"])
@pytest.mark.parametrize("as_of", AS_OF_DATES)
def test_indicator_totals_match_raw_reports(seeded_engine, demo_data, stage_ids, stage_code, as_of):
    stage = oracle.stage_row(demo_data, stage_code)
    indicators = list(
        demo_data.targets[demo_data.targets["stage_code"] == stage_code]["indicator_code"].unique()
    )
    for scope in _scopes(demo_data):
        communes = scope or oracle.communes_of(demo_data, PROVINCE)
        got = fetch_indicator_totals(
            seeded_engine,
            stage_id=stage_ids[stage_code],
            as_of=as_of,
            period_days=int(stage["period_days"]),
            commune_codes=scope,
        ).set_index("indicator_code")
        want = oracle.group_totals(
            demo_data,
            as_of=as_of,
            communes=communes,
            indicators=indicators,
            period_days=int(stage["period_days"]),
        ).set_index("indicator_code")
        assert sorted(got.index) == sorted(want.index)
        for code in indicators:
            g, w = got.loc[code], want.loc[code]
            assert g["communes_reported"] == w["communes_reported"], (code, scope)
            assert g["communes_current"] == w["communes_current"], (code, scope)
            assert g["communes_total"] == len(communes)
            assert g["last_report"] == w["last_report"]
            assert g["numerator"] == pytest.approx(w["numerator"], nan_ok=True)
            assert g["denominator"] == pytest.approx(w["denominator"], nan_ok=True)


@pytest.mark.parametrize("as_of", AS_OF_DATES[1:])
def test_commune_reports_match_raw_reports(seeded_engine, demo_data, stage_ids, as_of):
    special = _special_communes(demo_data)
    scope = [special["stopped"], special["missing"], oracle.communes_of(demo_data, PROVINCE)[5]]
    got = fetch_commune_reports(
        seeded_engine,
        stage_id=stage_ids["GD2-2026"],
        as_of=as_of,
        start_date=date(2026, 1, 1),
        commune_codes=scope,
    )
    assert len(got) == 3 * 10  # every commune x indicator, reported or not
    indicators = list(got["indicator_code"].unique())
    want = oracle.latest_per_commune(demo_data, as_of=as_of, communes=scope, indicators=indicators)
    merged = got.merge(
        want,
        left_on=["commune_code", "indicator_code"],
        right_on=["locality_code", "indicator_code"],
        how="left",
        suffixes=("", "_raw"),
    )
    assert (merged["report_date"].isna() == merged["as_of"].isna()).all()
    reported = merged.dropna(subset=["as_of"])
    assert list(reported["report_date"]) == list(reported["as_of"])
    assert list(reported["numerator"]) == list(reported["numerator_raw"])
    pd.testing.assert_series_equal(
        reported["denominator"], reported["denominator_raw"], check_names=False, check_dtype=False
    )
    assert got.loc[got["report_date"].isna()].shape[0] == merged["as_of"].isna().sum()


def test_missing_commune_has_no_data_row(seeded_engine, demo_data, stage_ids):
    special = _special_communes(demo_data)
    got = fetch_commune_reports(
        seeded_engine,
        stage_id=stage_ids["GD2-2026"],
        as_of=date(2026, 11, 22),
        start_date=date(2026, 1, 1),
        commune_codes=[special["missing"]],
    )
    assert got["report_date"].isna().any()
    assert got.loc[got["report_date"].isna(), "numerator"].isna().all()


@pytest.mark.parametrize("scope_index", [0, 1])
def test_history_equals_totals_on_each_date(seeded_engine, demo_data, stage_ids, scope_index):
    scope = _scopes(demo_data)[scope_index]
    stage_id = stage_ids["GD1-2025"]
    history = fetch_indicator_history(
        seeded_engine, stage_id=stage_id, as_of=date(2025, 12, 31), commune_codes=scope
    )
    for on in [date(2025, 7, 21), date(2025, 9, 1), date(2025, 12, 29)]:
        rows = history[history["report_date"] <= on].groupby("indicator_code").last()
        totals = fetch_indicator_totals(
            seeded_engine, stage_id=stage_id, as_of=on, period_days=7, commune_codes=scope
        ).set_index("indicator_code")
        for code, row in rows.iterrows():
            assert row["numerator"] == pytest.approx(totals.loc[code, "numerator"])
            assert row["denominator"] == pytest.approx(totals.loc[code, "denominator"], nan_ok=True)
            assert row["communes_reported"] == totals.loc[code, "communes_reported"]


@pytest.mark.parametrize("as_of", [date(2025, 7, 1), date(2025, 9, 3), date(2026, 11, 22)])
def test_target_group_totals_match_raw(seeded_engine, demo_data, stage_ids, as_of):
    for scope in _scopes(demo_data):
        communes = scope or oracle.communes_of(demo_data, PROVINCE)
        got = fetch_target_group_totals(
            seeded_engine, stage_id=stage_ids["GD2-2026"], as_of=as_of, commune_codes=scope
        ).set_index("target_group_code")
        want = oracle.target_group_reach(
            demo_data, as_of=as_of, communes=communes, stage_code="GD2-2026"
        ).set_index("target_group_code")
        assert sorted(got.index) == sorted(want.index)
        for code in want.index:
            assert got.loc[code, "reached"] == pytest.approx(want.loc[code, "reached"])
            assert got.loc[code, "population"] == pytest.approx(want.loc[code, "population"])


def test_stage_indicators_and_agency_filter(seeded_engine, stage_ids):
    indicators = fetch_stage_indicators(seeded_engine, stage_id=stage_ids["GD2-2026"])
    assert list(indicators["code"]) == [f"CT{i:02d}" for i in range(1, 11)]
    police = fetch_stage_indicators(
        seeded_engine, stage_id=stage_ids["GD2-2026"], agency_codes=["CA"]
    )
    assert set(police["agency_code"]) == {"CA"}
    assert set(police["code"]) == {"CT04", "CT08"}
