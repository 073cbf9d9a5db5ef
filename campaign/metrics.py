"""Indicator math for the steering dashboard: values, progress, pace, status, rates.

Pure functions (stdlib, numpy, pandas only) so every figure can be tested without a database.

Definitions (see PRODUCT.md, "What the numbers mean"):

- Value. A "percent" indicator has value = 100 * numerator / denominator (None when either is
  missing or the denominator is <= 0); a "count" indicator has value = numerator. Baselines and
  targets are in the same unit as the value (percent 0-100, or a count).
- Progress (a fraction, not clipped, so over-achievement shows as > 1). Direction "higher":
  value / target (None if target <= 0). Direction "lower" (e.g. people still untrained):
  (baseline - value) / (baseline - target) (None if baseline == target).
- Expected value on day t, with baseline B at stage start S and target T at deadline E:
  B + (T - B) * (t - S) / (E - S), with t clamped to [S, E]; T when E <= S.
- Status, checked in this order: "no_data" if there is no value or no report date; "stale" if
  the last report is more than stale_after_days before as_of (exactly stale_after_days is fresh);
  "no_data" if no expected value can be computed; then, for "higher", "on_track" if
  value >= expected, "at_risk" if value >= expected * (1 - margin), else "behind"; for "lower",
  "on_track" if value <= expected, "at_risk" if value <= expected * (1 + margin), else "behind".
- Recent rate (units per day, signed): from the latest report L on or before as_of back to the
  latest report on or before L - window_days (or the earliest report if none is that old).
- Projected finish: as_of if the target is already reached; else as_of + ceil(gap / rate) days,
  None if the recent rate does not move towards the target.
- Required rate (units per day, signed like the recent rate): (target - value) / days left;
  0.0 if already reached; None if the deadline has passed without reaching the target.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

# Best to worst, then the two "cannot judge" states; screens use this order for legends.
STATUSES = ("on_track", "at_risk", "behind", "stale", "no_data")
# Percent indicators are ratios of population reached; count indicators sum as they are.
UNITS = ("percent", "count")
# "lower" is for indicators that should fall (e.g. residents not yet trained).
DIRECTIONS = ("higher", "lower")
# A shortfall of under a tenth of the expected value is a warning (amber), not yet a failure
# (red): small enough that a commune at risk is close to pace, wide enough to flag it early.
AT_RISK_MARGIN = 0.10
# Four weekly reports: long enough that one late or catch-up week does not swing the rate.
RATE_WINDOW_DAYS = 28

# Everything compute_status_frame needs to judge one commune x indicator row.
FRAME_COLUMNS = (
    "value",
    "baseline",
    "target",
    "start_date",
    "deadline",
    "direction",
    "last_report",
    "stale_after_days",
)


def _num(x: Any) -> float | None:
    """Return x as a float, or None when it is None or NaN."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def _as_date(x: Any) -> date | None:
    """Return a date (time of day dropped) from date, datetime, Timestamp or datetime64."""
    if x is None or pd.isna(x) is True:  # None, NaT, NaN and datetime64("NaT")
        return None
    if isinstance(x, datetime):
        return x.date()
    if isinstance(x, date):
        return x
    return pd.Timestamp(x).date()


def _check_direction(direction: str) -> None:
    """Raise ValueError for a direction other than "higher" or "lower"."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, got {direction!r}")


def _reached(value: float, target: float, direction: str) -> bool:
    """Return True when value has met the target in the given direction."""
    return value >= target if direction == "higher" else value <= target


def compute_value(numerator: float | None, denominator: float | None, unit: str) -> float | None:
    """Return the indicator value: 100 * num / den for "percent", num for "count"."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, got {unit!r}")
    num = _num(numerator)
    if num is None:
        return None
    if unit == "count":
        return num
    den = _num(denominator)
    if den is None or den <= 0:
        return None
    return 100.0 * num / den


def compute_progress(
    value: float | None, *, target: float, baseline: float = 0.0, direction: str = "higher"
) -> float | None:
    """Return progress towards the target as an unclipped fraction, or None if undefined."""
    _check_direction(direction)
    value, target, baseline = _num(value), _num(target), _num(baseline)
    if value is None or target is None:
        return None
    if direction == "higher":
        return value / target if target > 0 else None
    if baseline is None or baseline == target:
        return None
    return (baseline - value) / (baseline - target)


def compute_expected(
    *, baseline: float, target: float, start: date, deadline: date, on: date
) -> float:
    """Return the value expected on a date by straight-line pace from baseline to target."""
    start, deadline, on = _as_date(start), _as_date(deadline), _as_date(on)
    span = (deadline - start).days
    if span <= 0:
        return float(target)
    elapsed = (min(max(on, start), deadline) - start).days
    return float(baseline) + (float(target) - float(baseline)) * elapsed / span


def compute_status(
    *,
    value: float | None,
    expected: float | None,
    last_report: date | None,
    as_of: date,
    stale_after_days: int,
    direction: str = "higher",
    at_risk_margin: float = AT_RISK_MARGIN,
) -> str:
    """Return one of STATUSES for a value judged against its expected value on as_of."""
    _check_direction(direction)
    value, expected, last_report = _num(value), _num(expected), _as_date(last_report)
    if value is None or last_report is None:
        return "no_data"
    if (_as_date(as_of) - last_report).days > stale_after_days:
        return "stale"
    if expected is None:
        return "no_data"
    if direction == "higher":
        if value >= expected:
            return "on_track"
        return "at_risk" if value >= expected * (1 - at_risk_margin) else "behind"
    if value <= expected:
        return "on_track"
    return "at_risk" if value <= expected * (1 + at_risk_margin) else "behind"


def compute_recent_rate(
    history: Sequence[tuple[date, float]], *, as_of: date, window_days: int = RATE_WINDOW_DAYS
) -> float | None:
    """Return the recent change in units per day, or None with under two points or zero span."""
    if window_days <= 0:
        raise ValueError(f"window_days must be positive, got {window_days}")
    as_of = _as_date(as_of)
    by_day: dict[date, float] = {}
    for raw_day, raw_val in history:  # a later entry for the same day replaces an earlier one
        day, val = _as_date(raw_day), _num(raw_val)
        if day is not None and val is not None and day <= as_of:
            by_day[day] = val
    points = sorted(by_day.items())
    if len(points) < 2:
        return None
    last_day, last_val = points[-1]
    cutoff = last_day - timedelta(days=window_days)
    older = [p for p in points if p[0] <= cutoff]
    first_day, first_val = older[-1] if older else points[0]
    span = (last_day - first_day).days
    if span == 0:
        return None
    return (last_val - first_val) / span


def compute_projected_finish(
    *,
    value: float | None,
    target: float,
    rate: float | None,
    as_of: date,
    direction: str = "higher",
) -> date | None:
    """Return the date the target is reached at the given rate, or None if it never is."""
    _check_direction(direction)
    value, rate, as_of = _num(value), _num(rate), _as_date(as_of)
    if value is None:
        return None
    if _reached(value, target, direction):
        return as_of
    if rate is None or (rate <= 0 if direction == "higher" else rate >= 0):
        return None
    try:
        return as_of + timedelta(days=math.ceil((target - value) / rate))
    except OverflowError:  # so slow that the finish falls past date.max
        return None


def compute_required_rate(
    *,
    value: float | None,
    target: float,
    as_of: date,
    deadline: date,
    direction: str = "higher",
) -> float | None:
    """Return the units per day still needed to reach the target by the deadline."""
    _check_direction(direction)
    value = _num(value)
    if value is None:
        return None
    if _reached(value, target, direction):
        return 0.0
    days_left = (_as_date(deadline) - _as_date(as_of)).days
    if days_left <= 0:
        return None
    return (target - value) / days_left


def _days_since(later: pd.Series | pd.Timestamp, earlier: pd.Series) -> np.ndarray:
    """Return whole days from earlier to later as floats (NaN where a date is missing)."""
    return (later - earlier).dt.days.to_numpy(dtype=float)


def compute_status_frame(
    frame: pd.DataFrame, *, as_of: date, at_risk_margin: float = AT_RISK_MARGIN
) -> pd.DataFrame:
    """Return a copy of frame with expected, progress and status columns, computed row-wise."""
    missing = [c for c in FRAME_COLUMNS if c not in frame.columns]
    if missing:
        raise KeyError(f"frame lacks columns: {missing}")
    direction = frame["direction"].to_numpy(dtype=object)
    higher = direction == "higher"
    lower = direction == "lower"
    if not (higher | lower).all():
        bad = sorted({str(d) for d in direction[~(higher | lower)]})
        raise ValueError(f"direction must be one of {DIRECTIONS}, got {bad}")

    def floats(col: str) -> np.ndarray:
        return pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float)

    def days(col: str) -> pd.Series:
        return pd.to_datetime(frame[col]).dt.normalize()

    value, baseline, target = floats("value"), floats("baseline"), floats("target")
    stale_after = floats("stale_after_days")
    start, deadline, last_report = days("start_date"), days("deadline"), days("last_report")
    today = pd.Timestamp(_as_date(as_of))

    with np.errstate(divide="ignore", invalid="ignore"):
        span = _days_since(deadline, start)
        elapsed = np.clip(_days_since(today, start), 0, np.maximum(span, 0))
        expected = np.where(span > 0, baseline + (target - baseline) * elapsed / span, target)
        expected = np.where(np.isnan(span), np.nan, expected)
        progress = np.where(
            higher,
            np.where(target > 0, value / target, np.nan),
            np.where(baseline != target, (baseline - value) / (baseline - target), np.nan),
        )
        on_track = np.where(higher, value >= expected, value <= expected)
        at_risk = np.where(
            higher,
            value >= expected * (1 - at_risk_margin),
            value <= expected * (1 + at_risk_margin),
        )
    no_data = np.isnan(value) | last_report.isna().to_numpy()
    stale = ~no_data & (_days_since(today, last_report) > stale_after)
    status = np.select(
        [no_data, stale, np.isnan(expected), on_track, at_risk],
        ["no_data", "stale", "no_data", "on_track", "at_risk"],
        default="behind",
    )
    out = frame.copy()
    out["expected"] = expected
    out["progress"] = progress
    out["status"] = status
    return out


def compute_composite_score(progress: pd.Series) -> float | None:
    """Return the mean progress with each value clipped to [0, 1], or None if all are missing."""
    values = pd.to_numeric(pd.Series(progress), errors="coerce").dropna()
    if values.empty:
        return None
    return float(values.clip(lower=0.0, upper=1.0).mean())
