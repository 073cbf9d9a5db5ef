"""Pure locality math and its chart builders, table-driven."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

import pandas as pd
import pytest

from campaign.locality import (
    compute_commune_ranks,
    compute_completeness,
    compute_period_count,
    compute_period_grid,
    compute_trend,
    compute_village_table,
)
from charts.locality import target_group_chart
from charts.sparkline import Sparkline, sparkline, sparkline_svg
from i18n.formats import format_date

START, DEADLINE = date(2026, 1, 1), date(2026, 12, 31)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("as_of", "count"),
    [
        (date(2025, 12, 31), 0),
        (date(2026, 1, 1), 1),
        (date(2026, 1, 7), 1),
        (date(2026, 1, 8), 2),
        (date(2027, 6, 1), 53),  # capped at the deadline
    ],
)
def test_period_count(as_of, count):
    assert compute_period_count(start=START, deadline=DEADLINE, as_of=as_of, period_days=7) == count


def test_completeness_counts_a_running_period_only_once_reported():
    days = pd.DataFrame(
        {
            "commune_code": ["A", "A", "A", "B"],
            "report_date": [
                date(2026, 1, 5),
                date(2026, 1, 6),
                date(2026, 1, 16),
                date(2026, 1, 5),
            ],
            "indicators_reported": [10, 3, 8, 10],
        }
    )
    grid = compute_period_grid(
        days,
        ["A", "B", "C"],
        start=START,
        deadline=DEADLINE,
        as_of=date(2026, 1, 17),
        period_days=7,
    )
    # Periods: 1-7 Jan (ended), 8-14 Jan (ended), 15-21 Jan (running).
    assert list(grid[grid["commune_code"] == "A"]["indicators_reported"]) == [10, 0, 8]
    completeness = compute_completeness(grid, ["A", "B", "C"]).set_index("commune_code")
    assert completeness.loc["A", ["periods_reported", "periods_elapsed"]].tolist() == [2, 3]
    assert completeness.loc["B", ["periods_reported", "periods_elapsed"]].tolist() == [1, 2]
    assert completeness.loc["C", "share"] == 0.0
    assert grid[grid["commune_code"] == "A"]["complete"].tolist() == [True, True, False]


def test_ranks_use_clipped_mean_progress_and_share_ties():
    board = pd.DataFrame(
        {
            "commune_code": ["A", "A", "B", "B", "C", "C", "D"],
            "commune_name": ["a", "a", "b", "b", "c", "c", "d"],
            "commune_kind": ["xa"] * 7,
            "progress": [1.5, 0.5, 1.0, 0.5, 0.2, None, None],
            "status": ["on_track", "behind", "on_track", "behind", "behind", "no_data", "no_data"],
        }
    )
    ranks = compute_commune_ranks(board).set_index("commune_code")
    assert ranks.loc["A", "score"] == pytest.approx(0.75)  # 1.5 counts as 1
    assert ranks.loc[["A", "B", "C"], "rank"].tolist() == [1, 1, 3]
    assert pd.isna(ranks.loc["D", "rank"])
    assert (ranks["ranked"] == 3).all()


def test_village_table_reads_team_and_people():
    villages = pd.DataFrame(
        {
            "code": ["40001001", "40001002", "40001003"],
            "name": ["Thôn 1", "Thôn 2", "Buôn 3"],
            "kind": ["thon", "thon", "buon"],
            "commune_code": ["40001"] * 3,
        }
    )
    reports = pd.DataFrame(
        {
            "village_code": ["40001001", "40001002", "40001002"],
            "commune_code": ["40001"] * 3,
            "indicator_code": ["CT06", "CT06", "CT03"],
            "unit": ["percent", "percent", "percent"],
            "target_group_code": [None, None, "NGUOI_LON"],
            "report_date": [date(2026, 2, 2), date(2026, 3, 2), date(2026, 3, 2)],
            "numerator": [1.0, 0.0, 120.0],
            "denominator": [1.0, 1.0, 400.0],
        }
    )
    table = compute_village_table(villages, reports)
    assert table["team_active"].tolist() == [True, False, None]
    assert table["team_date"].tolist() == [date(2026, 2, 2), date(2026, 3, 2), None]
    assert table["reached_CT03"].tolist()[1] == 120.0
    assert pd.isna(table["reached_CT03"].tolist()[0])


def stage_line(trend: pd.DataFrame, **line: object) -> Sparkline:
    """The sparkline of `trend` in the test's stage (START to DEADLINE)."""
    return sparkline(trend, start=START, deadline=DEADLINE, **line)


def test_trend_starts_at_the_stage_opening_level():
    history = pd.DataFrame(
        {
            "indicator_code": ["CT01", "CT01", "CT01", "CT07"],
            "report_date": [
                date(2025, 10, 20),
                date(2025, 12, 29),
                date(2026, 1, 5),
                date(2026, 1, 5),
            ],
            "numerator": [10.0, 20.0, 30.0, 5.0],
            "denominator": [100.0, 100.0, 100.0, float("nan")],
        }
    )
    trend = compute_trend(history, {"CT01": "percent", "CT07": "count"}, start=START)
    ct01 = trend[trend["indicator_code"] == "CT01"]
    assert ct01["report_date"].tolist() == [START, date(2026, 1, 5)]
    assert ct01["value"].tolist() == [20.0, 30.0]
    line = stage_line(ct01, unit="percent", baseline=10, target=90, as_of=date(2026, 1, 5))
    assert line.points == ((START, 20.0), (date(2026, 1, 5), 30.0))
    # The pace line runs from the baseline at the start to the pace's level on the as-of date.
    (first_day, first), (last_day, last) = line.pace
    assert (first_day, first) == (START, 10.0) and last_day == date(2026, 1, 5)
    assert last == pytest.approx(10 + 80 * 4 / 364)
    svg = ElementTree.fromstring(sparkline_svg(line, "vi"))  # well-formed: every text escaped
    dots = svg.findall(f"{SVG}circle")
    assert [dot.find(f"{SVG}title").text for dot in dots] == [
        f"{format_date(START, 'vi')}: 20,0\u00a0%",
        "05/01/2026: 30,0\u00a0%",
    ]
    assert float(dots[1].get("cy")) < float(dots[0].get("cy"))  # a higher value is drawn higher
    whole = svg.find(f"{SVG}title").text  # the line as a screen reader reads it
    assert "20,0\u00a0%" in whole and "30,0\u00a0%" in whole


def test_a_flat_sparkline_and_one_without_reports_still_draw():
    flat = pd.DataFrame({"report_date": [START, date(2026, 1, 5)], "value": [50.0, 50.0]})
    for trend in (flat, flat.iloc[:0]):
        line = stage_line(trend, unit="count", baseline=50, target=50, as_of=DEADLINE)
        svg = ElementTree.fromstring(sparkline_svg(line, "en"))
        assert len(svg.findall(f"{SVG}circle")) == len(trend)


def test_a_report_after_the_deadline_stays_inside_the_sparkline():
    trend = pd.DataFrame({"report_date": [START, date(2027, 2, 1)], "value": [10.0, 60.0]})
    line = stage_line(trend, unit="percent", baseline=10, target=50, as_of=date(2027, 2, 1))
    assert line.pace[1] == (DEADLINE, 50.0)  # the pace stops at the deadline
    svg = ElementTree.fromstring(sparkline_svg(line, "en"))
    width = float(svg.get("viewBox").split()[2])
    assert all(0 < float(dot.get("cx")) < width for dot in svg.findall(f"{SVG}circle"))


def test_target_group_bars_show_share_and_goal():
    groups = pd.DataFrame(
        {
            "name_vi": ["Học sinh", "VNeID"],
            "name_en": ["Pupils", "VNeID"],
            "reached": [50.0, 0.0],
            "population": [200.0, 0.0],
            "goal_pct": [100.0, 90.0],
        }
    )
    spec = target_group_chart(groups, lang="en").to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    assert [(r["group"], r["share"]) for r in rows] == [("Pupils", 25.0), ("VNeID", None)]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "text", "tick"]
    assert spec["layer"][2]["encoding"]["x"]["field"] == "goal_pct"
