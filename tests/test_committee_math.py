"""Pure math of the committee's screens: ranking, changes, target-group reach, forecast."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pandas as pd
import pytest

from campaign.changes import (
    compute_fallen_behind,
    compute_previous_changes,
    compute_status_changes,
    compute_tile_changes,
)
from campaign.forecast import chart_horizon, compute_forecast, pace_points, stage_points
from campaign.metrics import compute_composite_score
from campaign.ranking import (
    compute_commune_scores,
    compute_judged,
    compute_ranking,
    compute_ranks,
    laggards,
    most_improved,
    weakest_and_strongest,
)
from campaign.target_groups import compute_group_reach, linked_indicators, sort_by_gap

NAN = float("nan")
STAGE = pd.Series({"start_date": date(2025, 7, 15), "deadline": date(2025, 10, 25)})


def board(rows: list[tuple]) -> pd.DataFrame:
    """A commune board from (commune, indicator, unit, progress, status) rows."""
    frame = pd.DataFrame(
        rows, columns=["commune_code", "indicator_code", "unit", "progress", "status"]
    )
    frame["commune_name"] = "Xã " + frame["commune_code"]
    frame["commune_kind"] = "xa"
    return frame


@pytest.mark.parametrize(
    ("scores", "ranks"),
    [
        ([0.9, 0.85, 0.85, 0.7], [1, 2, 2, 4]),
        ([0.8504, 0.8496, 0.9], [2, 2, 1]),  # equal at 0.1 percentage point: a shared rank
        ([NAN, 0.5, NAN], [None, 1, None]),
        ([], []),
    ],
)
def test_ranks_share_ties_and_skip(scores, ranks):
    got = compute_ranks(pd.Series(scores, dtype=float))
    assert [None if pd.isna(r) else int(r) for r in got] == ranks


def test_a_commune_is_judged_where_it_has_a_target():
    frame = board(
        [
            ("40001", "CT01", "percent", 0.5, "behind"),
            ("40001", "CT07", "count", 0.2, "behind"),
            ("40002", "CT07", "count", 0.8, "on_track"),
        ]
    ).assign(target=[90.0, NAN, 120.0])
    judged = compute_judged(frame)
    assert list(judged["judged"]) == [True, False, True]
    assert pd.isna(judged.loc[1, "progress"]) and pd.isna(judged.loc[1, "status"])


def test_commune_scores_equal_compute_composite_score():
    rng = random.Random(42)
    rows = []
    for commune in range(30):
        for indicator in range(10):
            progress = NAN if rng.random() < 0.2 else rng.uniform(-0.2, 1.6)
            rows.append((f"{40000 + commune}", f"CT{indicator:02d}", "percent", progress, "x"))
    rows += [("49999", "CT01", "percent", NAN, "no_data")]  # a commune with no data at all
    frame = board(rows)
    scores = compute_commune_scores(frame).set_index("commune_code")["score"]
    for code, group in frame.groupby("commune_code"):
        want = compute_composite_score(group["progress"])
        if want is None:
            assert pd.isna(scores[code])
        else:
            assert scores[code] == pytest.approx(want)


def test_scores_count_statuses():
    frame = board(
        [
            ("40001", "CT01", "percent", 0.5, "behind"),
            ("40001", "CT02", "percent", 1.5, "on_track"),
            ("40001", "CT07", "count", NAN, "no_data"),
        ]
    )
    row = compute_commune_scores(frame).iloc[0]
    assert row["score"] == pytest.approx(0.75)  # (0.5 + 1.0 capped) / 2; CT07 has no data
    assert (row["indicators_scored"], row["behind"], row["on_track"], row["no_data"]) == (
        2,
        1,
        1,
        1,
    )


def _scores(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "commune_code": list(values),
            "commune_name": [f"Xã {c}" for c in values],
            "commune_kind": "xa",
            "score": list(values.values()),
            "behind": 0,
        }
    )


def test_ranking_moves_since_the_meeting_and_lists_unscored_last():
    now = _scores({"a": 0.9, "b": 0.8, "c": 0.7, "d": NAN, "e": 0.6})
    then = _scores({"a": 0.7, "b": 0.8, "c": 0.9, "d": NAN, "e": NAN})
    ranking = compute_ranking(now, then).set_index("commune_code")
    assert list(ranking.index) == ["a", "b", "c", "e", "d"]
    assert ranking.loc["a", "rank_change"] == 2 and ranking.loc["c", "rank_change"] == -2
    assert pd.isna(ranking.loc["e", "rank_change"])  # not ranked at the meeting
    assert pd.isna(ranking.loc["d", "rank"])
    improved = most_improved(ranking.reset_index(), 5)
    assert list(improved["commune_code"]) == ["a"]  # only rises count


@pytest.mark.parametrize(
    ("count", "ranked", "weak", "strong"),
    [
        (5, 12, ["l", "k", "j", "i", "h"], ["a", "b", "c", "d", "e"]),
        (5, 3, ["c"], ["a", "b"]),  # few communes: split, never listed twice
        (5, 0, [], []),
    ],
)
def test_weakest_and_strongest_never_overlap(count, ranked, weak, strong):
    codes = "abcdefghijkl"[:ranked]
    ranking = compute_ranking(_scores({c: 1 - i / 20 for i, c in enumerate(codes)}))
    weakest, strongest = weakest_and_strongest(ranking, count)
    assert list(weakest["commune_code"]) == weak
    assert list(strongest["commune_code"]) == strong
    assert list(laggards(ranking, 2)["commune_code"]) == list(reversed(codes))[:2]


def _history(values: list[tuple[date, float]], code: str = "CT01") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_code": code,
            "report_date": [d for d, _ in values],
            "value": [v for _, v in values],
        }
    )


def test_previous_change_is_last_minus_the_date_before():
    history = pd.concat(
        [
            _history([(date(2025, 7, 21), 40.0), (date(2025, 7, 28), 44.5)], "CT01"),
            _history([(date(2025, 7, 21), 5.0)], "CT02"),
        ]
    )
    got = compute_previous_changes(history).set_index("indicator_code")
    assert got.loc["CT01", "change_previous"] == pytest.approx(4.5)
    assert got.loc["CT01", "previous_date"] == date(2025, 7, 21)
    assert pd.isna(got.loc["CT02", "change_previous"]) and got.loc["CT02", "previous_date"] is None


def test_tile_changes_against_the_meeting_board():
    now = pd.DataFrame(
        {"code": ["CT01", "CT02"], "value": [50.0, NAN], "status": ["on_track", "no_data"]}
    )
    then = pd.DataFrame(
        {"code": ["CT01", "CT02"], "value": [45.0, NAN], "status": ["at_risk", "no_data"]}
    )
    tiles = compute_tile_changes(now, then, _history([(date(2025, 7, 21), 50.0)]))
    assert tiles.loc[0, "change_meeting"] == pytest.approx(5.0)
    assert pd.isna(tiles.loc[1, "change_meeting"])
    assert list(compute_status_changes(tiles)["code"]) == ["CT01"]


@pytest.mark.parametrize(
    ("then", "now", "fell"),
    [
        ("on_track", "behind", True),
        ("at_risk", "behind", True),
        ("behind", "behind", False),
        ("no_data", "behind", False),  # a first report, not a slide
        ("stale", "behind", False),
        ("on_track", "at_risk", False),
    ],
)
def test_fallen_behind(then, now, fell):
    meeting = board([("40001", "CT01", "percent", 0.5, then)])
    current = board([("40001", "CT01", "percent", 0.4, now)])
    got = compute_fallen_behind(current, meeting)
    assert (len(got) == 1) is fell
    if fell:
        assert got.loc[0, "indicator_codes"] == ["CT01"] and got.loc[0, "count"] == 1


def test_group_reach_is_judged_on_the_pace_of_its_scope():
    reach = pd.DataFrame(
        {
            "target_group_code": ["CBCCVC", "CBCCVC", "NGUOI_LON", "CBCCVC"],
            "commune_name": ["a", "b", "c", "d"],
            "reached": [400.0, 100.0, 50.0, 10.0],
            "population": [1000.0, 1000.0, 100.0, 0.0],
            "last_report": [date(2025, 9, 1)] * 4,
            "unit": ["percent", "percent", "count", "percent"],
            "direction": "higher",
            "baseline": [20.0, 5.0, 0.0, 20.0],
            "target": [60.0, 60.0, 500.0, 60.0],
        }
    )
    # On 2025-09-03, day 50 of 102, a pace line from 20% to 60% expects 39.6%; from 5%, 32.0%.
    got = compute_group_reach(reach, **STAGE.to_dict(), as_of=date(2025, 9, 3), stale_after_days=7)
    assert list(got["percent"][:3]) == pytest.approx([40.0, 10.0, 50.0])
    assert list(got["expected"][:2]) == pytest.approx([20 + 40 * 50 / 102, 5 + 55 * 50 / 102])
    assert list(got["status"]) == ["on_track", "behind", "no_data", "no_data"]
    assert got.loc[0, "gap_points"] == pytest.approx(20.0)
    assert got.loc[0, "gap_people"] == pytest.approx(200.0)
    assert got.loc[1, "gap_people"] == pytest.approx(500.0)
    assert pd.isna(got.loc[2, "target"])  # a count-linked group has no pace in percent
    assert pd.isna(got.loc[3, "percent"])  # no population: no percent, no judgement
    ordered = sort_by_gap(got, by="gap_people")
    assert list(ordered["commune_name"]) == ["b", "a", "c", "d"]
    with pytest.raises(ValueError):
        sort_by_gap(got, by="name")


def test_linked_indicator_is_the_first_in_display_order():
    indicators = pd.DataFrame(
        {
            "code": ["CT09", "CT01", "CT02"],
            "target_group_code": ["CBCCVC", "CBCCVC", None],
            "sort_order": [9, 1, 2],
        }
    )
    links = linked_indicators(indicators)
    assert links.to_dict("records") == [{"target_group_code": "CBCCVC", "indicator_code": "CT01"}]


def test_forecast_from_the_stage_points():
    history = _history(
        [(date(2025, 7, 7), 30.0), (date(2025, 7, 14), 35.0), (date(2025, 7, 21), 40.0)]
        + [(date(2025, 7, 28), 45.0), (date(2025, 8, 25), 55.0)]
    )
    points = stage_points(history, start=date(2025, 7, 15))
    assert list(points["report_date"])[0] == date(2025, 7, 14)  # where the stage picked up
    forecast = compute_forecast(
        points,
        target=90.0,
        deadline=date(2025, 10, 25),
        as_of=date(2025, 8, 25),
        direction="higher",
    )
    assert forecast.rate == pytest.approx(10 / 28)
    assert forecast.projected_finish == date(2025, 8, 25) + pd.Timedelta(
        days=int(np.ceil(35 * 2.8))
    )
    assert forecast.required_rate == pytest.approx(35 / 61)
    empty = compute_forecast(
        points.iloc[0:0],
        target=90.0,
        deadline=date(2025, 10, 25),
        as_of=date(2025, 8, 25),
        direction="higher",
    )
    assert empty.rate is None and empty.projected_finish is None
    assert list(
        pace_points(start=date(2025, 7, 15), deadline=date(2025, 10, 25), baseline=1, target=2)[
            "value"
        ]
    ) == [1.0, 2.0]
    assert chart_horizon(start=date(2025, 7, 15), deadline=date(2025, 10, 25)) == date(2025, 12, 15)
