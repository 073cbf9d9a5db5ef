"""Targets of communes and clusters without their own: pure rules; query layer vs raw files."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from campaign.targets import (
    compute_basis_groups,
    compute_cluster_targets,
    compute_commune_targets,
    compute_population_shares,
)
from figures.boards import commune_board, indicator_board
from figures.reader import PlainReader
from tests import oracle
from tests.scopes import make_scope

INDICATORS = pd.DataFrame(
    {
        "code": ["P1", "C1", "C2"],
        "unit": ["percent", "count", "count"],
        "target_group_code": ["PUPILS", None, "PUPILS"],
        "baseline": [40.0, 1000.0, 200.0],
        "target": [90.0, 10000.0, 2000.0],
    }
)
POPULATIONS = pd.DataFrame(
    {
        "commune_code": ["A", "A", "B", "B"],
        "target_group_code": ["ADULTS", "PUPILS", "ADULTS", "PUPILS"],
        "population": [300.0, 100.0, 700.0, 300.0],
    }
)


def test_basis_group_is_own_group_else_largest():
    assert compute_basis_groups(INDICATORS, POPULATIONS) == {
        "P1": "PUPILS",
        "C1": "ADULTS",
        "C2": "PUPILS",
    }


@pytest.mark.parametrize(
    ("commune", "indicator", "share"),
    [("A", "C1", 0.3), ("B", "C1", 0.7), ("A", "C2", 0.25), ("B", "P1", 0.75)],
)
def test_population_shares(commune, indicator, share):
    shares = compute_population_shares(INDICATORS, POPULATIONS).set_index(
        ["commune_code", "indicator_code"]
    )
    assert shares.loc[(commune, indicator), "share"] == pytest.approx(share)


def _row(**values):
    base = {
        "commune_code": "A",
        "indicator_code": "C1",
        "unit": "count",
        "own_baseline": np.nan,
        "own_target": np.nan,
        "province_baseline": 1000.0,
        "province_target": 10000.0,
        "start_numerator": np.nan,
        "start_denominator": np.nan,
    }
    base.update(values)
    return base


@pytest.mark.parametrize(
    ("row", "baseline", "target", "source"),
    [
        # Count, no own target, no report at the start: province × population share (30%).
        (_row(), 300.0, 3000.0, "province_share"),
        # Count with a report at the start: that is its baseline.
        (_row(start_numerator=120.0), 120.0, 3000.0, "province_share"),
        # Its own target wins.
        (_row(own_baseline=50.0, own_target=500.0, start_numerator=9.0), 50.0, 500.0, "commune"),
        # Percent: the province's rate; baseline from its own start ratio.
        (
            _row(
                indicator_code="P1",
                unit="percent",
                province_baseline=40.0,
                province_target=90.0,
                start_numerator=30.0,
                start_denominator=60.0,
            ),
            50.0,
            90.0,
            "province",
        ),
        # Percent with no report at the start: the province baseline.
        (
            _row(indicator_code="P1", unit="percent", province_baseline=40, province_target=90),
            40.0,
            90.0,
            "province",
        ),
    ],
)
def test_commune_targets(row, baseline, target, source):
    shares = compute_population_shares(INDICATORS, POPULATIONS)
    out = compute_commune_targets(pd.DataFrame([row]), shares).iloc[0]
    assert out["baseline"] == pytest.approx(baseline)
    assert out["target"] == pytest.approx(target)
    assert out["target_source"] == source


def test_cluster_targets():
    shares = compute_population_shares(INDICATORS, POPULATIONS)
    start = pd.DataFrame(
        {
            "indicator_code": ["P1", "C1", "C2"],
            "numerator": [30.0, np.nan, 55.0],
            "denominator": [100.0, np.nan, np.nan],
        }
    )
    out = compute_cluster_targets(INDICATORS, shares, start, ["A"]).set_index("code")
    assert out.loc["P1", ["baseline", "target"]].tolist() == pytest.approx([30.0, 90.0])
    assert out.loc["C1", ["baseline", "target"]].tolist() == pytest.approx([300.0, 3000.0])
    assert out.loc["C2", ["baseline", "target"]].tolist() == pytest.approx([55.0, 500.0])
    both = compute_cluster_targets(INDICATORS, shares, start, ["A", "B"]).set_index("code")
    assert both.loc["C1", "target"] == pytest.approx(10000.0)


@pytest.mark.parametrize(
    ("stage_code", "as_of"), [("GD1-2025", date(2025, 9, 3)), ("GD2-2026", date(2026, 11, 16))]
)
def test_commune_targets_match_raw_files(seeded_engine, demo_data, stage_code, as_of):
    with PlainReader(seeded_engine) as reader:
        board = commune_board(reader, make_scope(seeded_engine, stage_code, as_of))
    got = board.set_index(["commune_code", "indicator_code"])
    want = oracle.commune_targets(demo_data, stage_code, as_of).set_index(
        ["commune_code", "indicator_code"]
    )
    assert len(got) == len(want) == 102 * 10
    joined = got.join(want, suffixes=("", "_raw"))
    assert joined["target"].to_numpy() == pytest.approx(joined["target_raw"].to_numpy())
    assert joined["baseline"].to_numpy() == pytest.approx(joined["baseline_raw"].to_numpy())
    # The communes' count targets add up to the province's.
    counts = joined[joined.index.get_level_values(1).isin(["CT07", "CT08", "CT10"])]
    province = demo_data.targets[
        (demo_data.targets["stage_code"] == stage_code) & (demo_data.targets["locality_code"] == "")
    ].set_index("indicator_code")["target"]
    for code, total in counts.groupby(level=1)["target"].sum().items():
        assert total == pytest.approx(float(province[code]))


def test_scope_indicators_for_a_cluster(seeded_engine, demo_data):
    as_of = date(2026, 11, 16)
    cluster = ["40001", "40015", "40071"]
    with PlainReader(seeded_engine) as reader:
        scoped = indicator_board(
            reader, make_scope(seeded_engine, "GD2-2026", as_of, cluster)
        ).set_index("code")
        whole = indicator_board(reader, make_scope(seeded_engine, "GD2-2026", as_of))
    per_commune = oracle.commune_targets(demo_data, "GD2-2026", as_of)
    mine = per_commune[per_commune["commune_code"].isin(cluster)]
    for code in ["CT07", "CT08", "CT10"]:
        expected = mine[mine["indicator_code"] == code]["target"].sum()
        assert scoped.loc[code, "target"] == pytest.approx(expected)
    assert scoped.loc["CT03", "target"] == pytest.approx(100.0)
    whole = whole.set_index("code")
    assert whole.loc["CT07", "target"] == pytest.approx(180000.0)
