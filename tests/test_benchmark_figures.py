"""The browser benchmark's arithmetic, without a browser: when a page counts as finished,
percentiles of a load round, and each figure's verdict against its budget."""

from __future__ import annotations

import math

import pytest

from benchmarks.budgets import CLICK, FRESH_LOAD, Figure, table
from benchmarks.load_test import LoadRound
from benchmarks.page_timing import QUIET_MS, finished


def _look(**changes):
    look = {
        "state": "notRunning",
        "charts": 2,
        "drawn": 2,
        "runStart": 100.0,
        "runEnd": 900.0,
        "chartChange": 1000.0,
        "now": 1000.0 + QUIET_MS,
        "input": 50.0,
    }
    return {**look, **changes}


@pytest.mark.parametrize(
    ("look", "since", "content", "expected_ms"),
    [
        (_look(), 0.0, True, 1000.0),  # the last chart drawn after the run ended
        (_look(chartChange=-1), 0.0, True, 900.0),  # no chart: the run's end
        (_look(), 50.0, True, 950.0),  # measured from the input
        (_look(state="running"), 0.0, True, None),
        (_look(state="initial", runEnd=-1), 0.0, True, None),  # no run yet
        (_look(drawn=1), 0.0, True, None),  # a chart not drawn yet
        (_look(charts=0, drawn=0, waiting=1), 0.0, True, None),  # a chart's code still loading
        (_look(now=1000.0 + QUIET_MS - 1), 0.0, True, None),  # not quiet long enough
        (_look(runStart=950.0), 0.0, True, None),  # a second run started
        (_look(), 950.0, True, None),  # the run ended before the input: not its answer
        (_look(), 0.0, False, None),  # the page's own content is not there
        (None, 0.0, True, None),  # the observer is not loaded yet
    ],
)
def test_when_a_page_counts_as_finished(look, since, content, expected_ms):
    done = finished(look, since, content)
    assert (None if done is None else done.ms) == expected_ms


def test_a_finish_says_how_long_the_page_had_been_quiet():
    done = finished(_look(now=1800.0), 0.0, True)
    assert done.quiet_ms == 800.0 and done.charts == 2


@pytest.mark.parametrize(
    ("seconds", "share", "expected"),
    [
        ([float(i) for i in range(1, 21)], 0.95, 19.0),  # nearest rank of 20
        ([float(i) for i in range(1, 21)], 0.5, 10.0),
        ([3.0], 0.95, 3.0),
        ([], 0.95, math.inf),
    ],
)
def test_load_round_percentiles(seconds, share, expected):
    assert LoadRound(seconds, []).percentile(share) == expected


def test_verdicts_against_ratio_and_absolute_budgets():
    assert Figure("load", "fresh_load", [1.9, 2.0, 2.1], FRESH_LOAD, bare_s=1.0).verdict == "PASS"
    assert Figure("load", "fresh_load", [2.1, 2.2, 9.0], FRESH_LOAD, bare_s=1.0).verdict == "OVER"
    assert Figure("click", "navigation", [0.5], CLICK).verdict == "PASS"
    assert Figure("click", "navigation", [0.51], CLICK).verdict == "OVER"
    assert Figure("bare", "reference", [0.3]).verdict == ""


def test_the_report_keeps_every_run_and_the_table_every_figure():
    figures = [
        Figure("fresh load /", "fresh_load", [2.0, 4.0, 3.0], FRESH_LOAD, bare_s=1.0),
        Figure("sidebar → /map", "navigation", [0.4], CLICK, bare_s=1.0),
    ]
    report = figures[0].as_dict()
    assert report["median_s"] == 3.0 and report["runs_s"] == [2.0, 4.0, 3.0]
    assert report["ratio_to_bare"] == 3.0 and report["verdict"] == "OVER"
    assert report["budget_text"] == "≤ 2.0× bare"
    lines = table(figures).splitlines()
    assert len(lines) == 4 and lines[2].endswith("OVER") and lines[3].endswith("PASS")
