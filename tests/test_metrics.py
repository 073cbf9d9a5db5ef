"""Table-driven tests for campaign.metrics (the indicator math a committee acts on)."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from campaign.metrics import (
    AT_RISK_MARGIN,
    RATE_WINDOW_DAYS,
    STATUSES,
    compute_composite_score,
    compute_expected,
    compute_progress,
    compute_projected_finish,
    compute_recent_rate,
    compute_required_rate,
    compute_status,
    compute_status_frame,
)
from campaign.metrics import compute_value as value_of

D = date(2025, 3, 1)  # a fixed "as of" day for the tables
START, DEADLINE = date(2025, 1, 1), date(2025, 12, 31)


def days(n: int) -> date:
    """Return D shifted by n days."""
    return D + timedelta(days=n)


def test_constants() -> None:
    assert STATUSES == ("on_track", "at_risk", "behind", "stale", "no_data")
    assert AT_RISK_MARGIN == 0.10
    assert RATE_WINDOW_DAYS == 28


# ---------------------------------------------------------------- compute_value


@pytest.mark.parametrize(
    ("numerator", "denominator", "unit", "expected"),
    [
        (50, 200, "percent", 25.0),
        (200, 200, "percent", 100.0),
        (250, 200, "percent", 125.0),  # over-achievement is not clipped
        (0, 200, "percent", 0.0),
        (50, 0, "percent", None),
        (50, -3, "percent", None),
        (50, None, "percent", None),
        (50, float("nan"), "percent", None),
        (None, 200, "percent", None),
        (float("nan"), 200, "percent", None),
        (1234, None, "count", 1234.0),
        (1234, 0, "count", 1234.0),
        (0, None, "count", 0.0),
        (None, 10, "count", None),
    ],
)
def test_compute_value(numerator, denominator, unit, expected) -> None:
    assert value_of(numerator, denominator, unit) == expected


def test_compute_value_rejects_unknown_unit() -> None:
    with pytest.raises(ValueError):
        value_of(1, 2, "ratio")


# ------------------------------------------------------------- compute_progress


@pytest.mark.parametrize(
    ("value", "target", "baseline", "direction", "expected"),
    [
        (40.0, 80.0, 0.0, "higher", 0.5),
        (80.0, 80.0, 0.0, "higher", 1.0),  # target reached exactly
        (96.0, 80.0, 0.0, "higher", 1.2),  # over-achievement, not clipped
        (40.0, 80.0, 30.0, "higher", 0.5),  # baseline is ignored for "higher"
        (0.0, 80.0, 0.0, "higher", 0.0),
        (5.0, 0.0, 0.0, "higher", None),  # target <= 0
        (5.0, -1.0, 0.0, "higher", None),
        (None, 80.0, 0.0, "higher", None),
        (float("nan"), 80.0, 0.0, "higher", None),
        (25.0, 10.0, 40.0, "lower", 0.5),
        (10.0, 10.0, 40.0, "lower", 1.0),  # reached exactly
        (4.0, 10.0, 40.0, "lower", 1.2),  # over-achievement
        (50.0, 10.0, 40.0, "lower", -1 / 3),  # got worse than the baseline
        (25.0, 10.0, 10.0, "lower", None),  # baseline == target
        (None, 10.0, 40.0, "lower", None),
    ],
)
def test_compute_progress(value, target, baseline, direction, expected) -> None:
    got = compute_progress(value, target=target, baseline=baseline, direction=direction)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


def test_compute_progress_rejects_unknown_direction() -> None:
    with pytest.raises(ValueError):
        compute_progress(1.0, target=2.0, direction="up")


# ------------------------------------------------------------- compute_expected


@pytest.mark.parametrize(
    ("baseline", "target", "start", "deadline", "on", "expected"),
    [
        (0.0, 100.0, date(2025, 1, 1), date(2025, 1, 11), date(2024, 12, 1), 0.0),  # before start
        (0.0, 100.0, date(2025, 1, 1), date(2025, 1, 11), date(2025, 1, 1), 0.0),  # on start
        (0.0, 100.0, date(2025, 1, 1), date(2025, 1, 11), date(2025, 1, 6), 50.0),  # halfway
        (0.0, 100.0, date(2025, 1, 1), date(2025, 1, 11), date(2025, 1, 11), 100.0),  # deadline
        (0.0, 100.0, date(2025, 1, 1), date(2025, 1, 11), date(2026, 1, 1), 100.0),  # after it
        (20.0, 80.0, date(2025, 1, 1), date(2025, 1, 31), date(2025, 1, 11), 40.0),
        (40.0, 10.0, date(2025, 1, 1), date(2025, 1, 11), date(2025, 1, 6), 25.0),  # lower
        (20.0, 80.0, date(2025, 1, 1), date(2025, 1, 1), date(2024, 6, 1), 80.0),  # E == S
        (20.0, 80.0, date(2025, 1, 1), date(2025, 1, 1), date(2025, 1, 1), 80.0),
        (20.0, 80.0, date(2025, 2, 1), date(2025, 1, 1), date(2025, 1, 15), 80.0),  # E < S
        (
            0.0,
            100.0,
            pd.Timestamp("2025-01-01"),
            np.datetime64("2025-01-11"),
            datetime(2025, 1, 6, 17, 30),  # the time of day is ignored
            50.0,
        ),
    ],
)
def test_compute_expected(baseline, target, start, deadline, on, expected) -> None:
    got = compute_expected(baseline=baseline, target=target, start=start, deadline=deadline, on=on)
    assert got == pytest.approx(expected)
    assert isinstance(got, float)


# --------------------------------------------------------------- compute_status


@pytest.mark.parametrize(
    ("value", "expected", "last_report", "stale_after", "direction", "margin", "status"),
    [
        (None, 50.0, days(0), 7, "higher", AT_RISK_MARGIN, "no_data"),
        (float("nan"), 50.0, days(0), 7, "higher", AT_RISK_MARGIN, "no_data"),
        (60.0, 50.0, None, 7, "higher", AT_RISK_MARGIN, "no_data"),
        (60.0, 50.0, pd.NaT, 7, "higher", AT_RISK_MARGIN, "no_data"),
        (60.0, 50.0, days(-7), 7, "higher", AT_RISK_MARGIN, "on_track"),  # exactly 7: fresh
        (60.0, 50.0, days(-8), 7, "higher", AT_RISK_MARGIN, "stale"),  # one more day: stale
        (10.0, 50.0, days(-30), 7, "higher", AT_RISK_MARGIN, "stale"),  # stale beats behind
        (60.0, None, days(0), 7, "higher", AT_RISK_MARGIN, "no_data"),  # no pace to judge by
        (60.0, float("nan"), days(0), 7, "higher", AT_RISK_MARGIN, "no_data"),
        (50.0, 50.0, days(0), 7, "higher", AT_RISK_MARGIN, "on_track"),  # exactly on pace
        (90.0, 50.0, days(0), 7, "higher", AT_RISK_MARGIN, "on_track"),  # over-achievement
        (95.0, 100.0, days(0), 7, "higher", AT_RISK_MARGIN, "at_risk"),
        (90.0, 100.0, days(0), 7, "higher", AT_RISK_MARGIN, "at_risk"),  # margin boundary
        (89.9, 100.0, days(0), 7, "higher", AT_RISK_MARGIN, "behind"),
        (95.0, 100.0, days(0), 7, "higher", 0.0, "behind"),  # no amber band
        (95.0, 100.0, days(0), 7, "higher", 0.05, "at_risk"),
        (0.0, 0.0, days(0), 7, "higher", AT_RISK_MARGIN, "on_track"),  # before the stage starts
        (20.0, 25.0, days(0), 7, "lower", AT_RISK_MARGIN, "on_track"),
        (25.0, 25.0, days(0), 7, "lower", AT_RISK_MARGIN, "on_track"),
        (105.0, 100.0, days(0), 7, "lower", AT_RISK_MARGIN, "at_risk"),
        (110.0, 100.0, days(0), 7, "lower", AT_RISK_MARGIN, "at_risk"),  # margin boundary
        (110.1, 100.0, days(0), 7, "lower", AT_RISK_MARGIN, "behind"),
        (30.0, 25.0, days(-8), 7, "lower", AT_RISK_MARGIN, "stale"),
        (60.0, 50.0, pd.Timestamp(days(-7)), 7, "higher", AT_RISK_MARGIN, "on_track"),
        (60.0, 50.0, np.datetime64(days(-8)), 7, "higher", AT_RISK_MARGIN, "stale"),
        (60.0, 50.0, days(3), 7, "higher", AT_RISK_MARGIN, "on_track"),  # report after as_of
    ],
)
def test_compute_status(value, expected, last_report, stale_after, direction, margin, status):
    got = compute_status(
        value=value,
        expected=expected,
        last_report=last_report,
        as_of=D,
        stale_after_days=stale_after,
        direction=direction,
        at_risk_margin=margin,
    )
    assert got == status


# ---------------------------------------------------------- compute_recent_rate


@pytest.mark.parametrize(
    ("history", "window", "rate"),
    [
        ([], 28, None),  # empty history
        ([(days(-7), 10.0)], 28, None),  # single point
        ([(days(0), 10.0), (days(0), 12.0)], 28, None),  # zero span
        ([(days(-7), 10.0), (days(0), 17.0)], 28, 1.0),
        ([(days(0), 17.0), (days(-7), 10.0)], 28, 1.0),  # input order does not matter
        ([(days(-7), 10.0), (days(0), 17.0), (days(5), 99.0)], 28, 1.0),  # after as_of ignored
        ([(days(-7), 20.0), (days(0), 6.0)], 28, -2.0),  # negative rate
        ([(days(-7), 10.0), (days(0), 10.0)], 28, 0.0),  # flat
        # weekly reports: the start point is the latest on or before L - 28 days
        ([(days(-k), 100.0 - k) for k in (56, 49, 42, 35, 28, 21, 14, 7, 0)], 28, 1.0),
        ([(days(-56), 0.0), (days(-28), 20.0), (days(-14), 30.0), (days(0), 48.0)], 28, 1.0),
        # no report that old: the earliest report is used
        ([(days(-14), 0.0), (days(-7), 50.0), (days(0), 56.0)], 28, 4.0),
        # no report exactly at L - 28: the latest one before it
        ([(days(-40), 0.0), (days(-30), 12.0), (days(-20), 90.0), (days(0), 42.0)], 28, 1.0),
        ([(days(-14), 0.0), (days(-7), 49.0), (days(0), 56.0)], 7, 1.0),  # custom window
        ([(days(-7), float("nan")), (days(-3), 1.0), (days(0), 4.0)], 28, 1.0),  # NaN dropped
        ([(days(-7), 10.0), (days(0), 5.0), (days(0), 17.0)], 28, 1.0),  # last entry of a day
        ([(pd.Timestamp(days(-7)), 10.0), (np.datetime64(days(0)), 17.0)], 28, 1.0),
    ],
)
def test_compute_recent_rate(history, window, rate) -> None:
    got = compute_recent_rate(history, as_of=D, window_days=window)
    if rate is None:
        assert got is None
    else:
        assert got == pytest.approx(rate)


def test_compute_recent_rate_default_window_and_bad_window() -> None:
    history = [(days(-35), 0.0), (days(-28), 28.0), (days(0), 56.0)]
    assert compute_recent_rate(history, as_of=D) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        compute_recent_rate(history, as_of=D, window_days=0)


# ----------------------------------------------------- compute_projected_finish


@pytest.mark.parametrize(
    ("value", "target", "rate", "direction", "finish"),
    [
        (80.0, 80.0, 1.0, "higher", D),  # reached exactly
        (95.0, 80.0, None, "higher", D),  # already over-achieved, no rate needed
        (95.0, 80.0, -3.0, "higher", D),
        (50.0, 80.0, 1.0, "higher", days(30)),
        (50.0, 80.0, 7.0, "higher", days(5)),  # 30 / 7 = 4.3 -> rounded up
        (50.0, 80.0, 0.5, "higher", days(60)),
        (50.0, 80.0, 0.0, "higher", None),
        (50.0, 80.0, -1.0, "higher", None),  # negative rate never finishes
        (50.0, 80.0, None, "higher", None),
        (50.0, 80.0, float("nan"), "higher", None),
        (50.0, 80.0, 1e-300, "higher", None),  # beyond the calendar
        (None, 80.0, 1.0, "higher", None),
        (10.0, 10.0, 0.0, "lower", D),
        (5.0, 10.0, None, "lower", D),
        (30.0, 10.0, -2.0, "lower", days(10)),
        (30.0, 10.0, -3.0, "lower", days(7)),  # 20 / 3 = 6.7 -> rounded up
        (30.0, 10.0, 0.0, "lower", None),
        (30.0, 10.0, 2.0, "lower", None),  # moving away from the target
    ],
)
def test_compute_projected_finish(value, target, rate, direction, finish) -> None:
    got = compute_projected_finish(
        value=value, target=target, rate=rate, as_of=D, direction=direction
    )
    assert got == finish


# -------------------------------------------------------- compute_required_rate


@pytest.mark.parametrize(
    ("value", "target", "deadline", "direction", "rate"),
    [
        (50.0, 80.0, days(30), "higher", 1.0),
        (50.0, 80.0, days(1), "higher", 30.0),
        (80.0, 80.0, days(30), "higher", 0.0),  # reached exactly
        (95.0, 80.0, days(30), "higher", 0.0),  # over-achieved
        (95.0, 80.0, days(-30), "higher", 0.0),  # reached, even after the deadline
        (50.0, 80.0, days(0), "higher", None),  # deadline today, not reached
        (50.0, 80.0, days(-1), "higher", None),  # after the deadline: cannot be met
        (None, 80.0, days(30), "higher", None),
        (30.0, 10.0, days(10), "lower", -2.0),  # signed like the recent rate
        (10.0, 10.0, days(10), "lower", 0.0),
        (30.0, 10.0, days(-5), "lower", None),
    ],
)
def test_compute_required_rate(value, target, deadline, direction, rate) -> None:
    got = compute_required_rate(
        value=value, target=target, as_of=D, deadline=deadline, direction=direction
    )
    if rate is None:
        assert got is None
    else:
        assert got == pytest.approx(rate)


# ---------------------------------------------------------- compute_status_frame


def row(**overrides) -> dict:
    """Return one frame row on pace at as_of D, with fields replaced by overrides."""
    base = {
        "value": 50.0,
        "baseline": 0.0,
        "target": 100.0,
        "start_date": days(-10),
        "deadline": days(10),
        "direction": "higher",
        "last_report": days(0),
        "stale_after_days": 7,
    }
    return base | overrides


LOWER = {"direction": "lower", "baseline": 40.0, "target": 20.0}  # on pace at 30 on day D
MIXED_DATES = {"start_date": pd.Timestamp(days(-10)), "deadline": np.datetime64(days(10))}


@pytest.mark.parametrize(
    ("fields", "expected", "progress", "status"),
    [
        ({}, 50.0, 0.5, "on_track"),
        ({"value": 46.0}, 50.0, 0.46, "at_risk"),
        ({"value": 44.0}, 50.0, 0.44, "behind"),
        ({"value": 120.0}, 50.0, 1.2, "on_track"),
        ({"value": np.nan}, 50.0, None, "no_data"),
        ({"last_report": None}, 50.0, 0.5, "no_data"),
        ({"last_report": pd.NaT}, 50.0, 0.5, "no_data"),
        ({"last_report": days(-7)}, 50.0, 0.5, "on_track"),
        ({"last_report": days(-8)}, 50.0, 0.5, "stale"),
        ({"start_date": days(5)}, 0.0, 0.5, "on_track"),  # before start
        ({"deadline": days(-5)}, 100.0, 0.5, "behind"),  # after deadline
        ({"start_date": days(0), "deadline": days(0)}, 100.0, 0.5, "behind"),  # E == S
        ({"target": 0.0}, 0.0, None, "on_track"),
        (LOWER | {"value": 30.0}, 30.0, 0.5, "on_track"),
        (LOWER | {"value": 33.0}, 30.0, 0.35, "at_risk"),
        (LOWER | {"value": 30.0, "baseline": 20.0}, 20.0, None, "behind"),  # baseline == target
        (MIXED_DATES, 50.0, 0.5, "on_track"),
    ],
)
def test_compute_status_frame_rows(fields, expected, progress, status) -> None:
    out = compute_status_frame(pd.DataFrame([row(**fields)]), as_of=D)
    assert out["expected"].iloc[0] == pytest.approx(expected)
    if progress is None:
        assert np.isnan(out["progress"].iloc[0])
    else:
        assert out["progress"].iloc[0] == pytest.approx(progress)
    assert out["status"].iloc[0] == status


def random_frame(n: int, seed: int, as_of: date) -> pd.DataFrame:
    """Return n rows of varied indicators, with NaN values, missing reports and odd dates."""
    rng = np.random.default_rng(seed)
    base = np.datetime64("2025-01-01")
    start = base + rng.integers(-60, 60, n).astype("timedelta64[D]")
    length = rng.choice([-5, 0, 0, 1, 30, 90, 365], n)  # includes deadline == start and before
    higher = rng.random(n) < 0.7
    baseline = np.where(higher, rng.uniform(0, 30, n), rng.uniform(20, 80, n))
    target = np.where(higher, rng.choice([0.0, 50.0, 80.0, 100.0], n), rng.uniform(0, 30, n))
    target = np.where(rng.random(n) < 0.05, baseline, target)  # baseline == target
    value = rng.uniform(-5, 120, n).round(1)
    exact = rng.random(n) < 0.05
    value[exact] = target[exact]  # exactly on target (and on pace once the deadline is past)
    value[rng.random(n) < 0.1] = np.nan
    reported = np.datetime64(as_of) + rng.integers(-35, 3, n).astype("timedelta64[D]")
    last_report = reported.astype(object)
    last_report[rng.random(n) < 0.1] = None
    return pd.DataFrame(
        {
            "value": value,
            "baseline": baseline,
            "target": target,
            "start_date": [pd.Timestamp(d).date() for d in start],  # datetime.date objects
            "deadline": pd.Series(start + length.astype("timedelta64[D]")),  # datetime64
            "direction": np.where(higher, "higher", "lower"),
            "last_report": [None if d is None else pd.Timestamp(d) for d in last_report],
            "stale_after_days": rng.choice([7, 14, 30], n),
        }
    )


def none_if_nan(x: float | None) -> float | None:
    """Map NaN to None so frame and scalar results compare directly."""
    return None if x is None or math.isnan(x) else float(x)


@pytest.mark.parametrize(
    ("seed", "as_of", "margin"),
    [
        (1, date(2025, 1, 15), AT_RISK_MARGIN),
        (2, date(2025, 2, 28), AT_RISK_MARGIN),
        (3, date(2024, 11, 1), 0.0),  # before most starts
        (4, date(2026, 6, 1), 0.25),  # after every deadline
    ],
)
def test_compute_status_frame_agrees_with_scalar(seed, as_of, margin) -> None:
    frame = random_frame(3000, seed, as_of)
    out = compute_status_frame(frame, as_of=as_of, at_risk_margin=margin)
    for r in out.itertuples(index=False):
        expected = compute_expected(
            baseline=r.baseline, target=r.target, start=r.start_date, deadline=r.deadline, on=as_of
        )
        progress = compute_progress(
            r.value, target=r.target, baseline=r.baseline, direction=r.direction
        )
        status = compute_status(
            value=r.value,
            expected=expected,
            last_report=r.last_report,
            as_of=as_of,
            stale_after_days=int(r.stale_after_days),
            direction=r.direction,
            at_risk_margin=margin,
        )
        assert r.expected == expected
        assert none_if_nan(r.progress) == progress
        assert r.status == status
    assert set(out["status"]) <= set(STATUSES)
    every = set(STATUSES) if margin else set(STATUSES) - {"at_risk"}  # no amber band at 0
    assert set(out["status"]) == every


def test_compute_status_frame_returns_a_copy() -> None:
    frame = random_frame(50, 7, date(2025, 2, 1))
    before = frame.copy()
    out = compute_status_frame(frame, as_of=date(2025, 2, 1))
    pd.testing.assert_frame_equal(frame, before)
    assert list(out.columns) == [*frame.columns, "expected", "progress", "status"]
    assert out.index.equals(frame.index)


@pytest.mark.parametrize(
    ("frame", "error"),
    [
        (pd.DataFrame([row()]).drop(columns="target"), KeyError),
        (pd.DataFrame([row(direction="up")]), ValueError),
    ],
)
def test_compute_status_frame_rejects_bad_input(frame, error) -> None:
    with pytest.raises(error):
        compute_status_frame(frame, as_of=D)


def test_compute_status_frame_empty() -> None:
    out = compute_status_frame(pd.DataFrame([row()]).iloc[:0], as_of=D)
    assert out.empty
    assert {"expected", "progress", "status"} <= set(out.columns)


# ------------------------------------------------------- compute_composite_score


@pytest.mark.parametrize(
    ("progress", "score"),
    [
        ([], None),
        ([np.nan, np.nan], None),
        ([None], None),
        ([0.5, 1.0], 0.75),
        ([1.5, 0.5], 0.75),  # over-achievement is capped at 1
        ([-0.2, 0.6], 0.3),  # going backwards counts as 0
        ([0.4, np.nan, 0.8], 0.6),  # missing values are skipped, not zero
        ([0.4, None, 0.8], 0.6),
        ([1.0, 1.0], 1.0),
    ],
)
def test_compute_composite_score(progress, score) -> None:
    got = compute_composite_score(pd.Series(progress, dtype=object if None in progress else None))
    if score is None:
        assert got is None
    else:
        assert got == pytest.approx(score)
