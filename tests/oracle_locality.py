"""Independent pandas readings of the raw demo files for the locality page's figures.

Like tests/oracle.py, nothing here imports application code: it is a second reading of
PRODUCT.md's rules straight from the files.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd

from data_access.seed import DatasetFiles
from tests.oracle import (
    commune_targets,
    communes_of,
    group_totals,
    raw_reports,
    stage_row,
    value_of,
)


def stage_indicators(data: DatasetFiles, stage_code: str) -> pd.DataFrame:
    """The stage's indicators with unit and province-wide baseline and target, in order."""
    targets = data.targets[
        (data.targets["stage_code"] == stage_code) & (data.targets["locality_code"] == "")
    ]
    merged = data.indicators.merge(targets, left_on="code", right_on="indicator_code")
    merged["target"] = merged["target"].astype(float)
    merged["sort_order"] = merged["sort_order"].astype(int)
    return merged.sort_values("sort_order").reset_index(drop=True)


def group_values(
    data: DatasetFiles, *, stage_code: str, as_of: date, communes: list[str]
) -> dict[str, float]:
    """Indicator code -> value of the group of communes (Σnum/Σden, or Σ counts); NaN if none."""
    indicators = stage_indicators(data, stage_code)
    period = int(stage_row(data, stage_code)["period_days"])
    totals = group_totals(
        data,
        as_of=as_of,
        communes=communes,
        indicators=list(indicators["code"]),
        period_days=period,
    ).set_index("indicator_code")
    values = {}
    for code, unit in zip(indicators["code"], indicators["unit"], strict=True):
        row = totals.loc[code]
        if row["communes_reported"] == 0:
            values[code] = float("nan")
        else:
            values[code] = value_of(row["numerator"], row["denominator"], unit)
    return values


def composite_ranks(data: DatasetFiles, *, stage_code: str, as_of: date) -> pd.Series:
    """Commune code -> rank (1 best) by mean progress capped to [0, 1] over its values."""
    targets = commune_targets(data, stage_code, as_of).set_index(
        ["commune_code", "indicator_code"]
    )["target"]
    scores = {}
    for commune in communes_of(data, "99"):
        values = group_values(data, stage_code=stage_code, as_of=as_of, communes=[commune])
        progress = [
            min(max(v / targets[(commune, c)], 0.0), 1.0)
            for c, v in values.items()
            if v == v and targets[(commune, c)]
        ]
        if progress:
            scores[commune] = sum(progress) / len(progress)
    series = pd.Series(scores)
    return series.rank(ascending=False, method="min").astype(int)


def active_teams(data: DatasetFiles, *, as_of: date, commune: str) -> tuple[int, int]:
    """(villages with an active team as of `as_of`, villages of the commune)."""
    loc = data.localities
    villages = set(loc[loc["parent_code"] == commune]["code"])
    reports = raw_reports(data)
    yes = reports[
        reports["locality_code"].isin(villages)
        & (reports["as_of"] <= as_of)
        & (reports["denominator"] == 1)
    ]
    latest = yes.sort_values("as_of").groupby("locality_code").last()
    return int((latest["numerator"] > 0).sum()), len(villages)


def periods_reported(
    data: DatasetFiles, *, stage_code: str, as_of: date, commune: str
) -> tuple[int, int]:
    """(periods with a report, periods elapsed) of a commune over the stage up to `as_of`.

    A period is elapsed once it has ended, or earlier when the commune already reported in it.
    """
    stage = stage_row(data, stage_code)
    start, period = stage["start_date"], int(stage["period_days"])
    end = min(as_of, stage["deadline"])
    in_stage = set(stage_indicators(data, stage_code)["code"])
    reports = raw_reports(data)
    mine = reports[
        (reports["locality_code"] == commune)
        & reports["indicator_code"].isin(in_stage)
        & (reports["as_of"] >= start)
        & (reports["as_of"] <= end)
    ]
    reported = {(d - start).days // period for d in mine["as_of"]}
    elapsed = 0
    index = 0
    while start + timedelta(days=index * period) <= end:
        period_end = start + timedelta(days=(index + 1) * period - 1)
        if period_end <= end or index in reported:
            elapsed += 1
        index += 1
    return len(reported), elapsed


def last_report_dates(data: DatasetFiles, *, as_of: date, commune: str) -> dict[str, date]:
    """Indicator code -> the commune's latest report date on or before `as_of`."""
    reports = raw_reports(data)
    mine = reports[(reports["locality_code"] == commune) & (reports["as_of"] <= as_of)]
    return mine.groupby("indicator_code")["as_of"].max().to_dict()


def trend_points(
    data: DatasetFiles, *, stage_code: str, as_of: date, commune: str
) -> dict[str, list[tuple[date, float]]]:
    """Per indicator of the stage, in order: the commune's value on each date it reported,
    from the stage's start to `as_of`. The last report before the start counts from the
    start (the line begins at the stage's opening level); a report without a value (no
    denominator) is left out."""
    start = stage_row(data, stage_code)["start_date"]
    reports = raw_reports(data)
    mine = reports[(reports["locality_code"] == commune) & (reports["as_of"] <= as_of)]
    units = data.indicators.set_index("code")["unit"]
    points = {}
    for code in stage_indicators(data, stage_code)["code"]:
        rows = mine[mine["indicator_code"] == code].sort_values("as_of", kind="stable")
        values: dict[date, float] = {}
        for row in rows.itertuples():  # by date: a later report before the start replaces
            values[max(row.as_of, start)] = value_of(row.numerator, row.denominator, units[code])
        points[code] = [
            (day, value) for day, value in sorted(values.items()) if not math.isnan(value)
        ]
    return points
