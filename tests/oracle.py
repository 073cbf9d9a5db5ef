"""Independent pandas computations from the raw report files, to check the query layer against.

Nothing here imports the application's query or math code: the point is a second, separate
reading of PRODUCT.md's rules.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd

from data_access.seed import DatasetFiles

# Answers already computed, per dataset (the session's demo is read once): the oracle is
# pure, and several tests ask it the same question. Kept with the dataset's tables, so that a
# dataset given other tables is computed afresh.
_ANSWERS: dict[tuple, tuple[tuple, Any]] = {}


def _tables(data: DatasetFiles) -> tuple:
    return tuple(vars(data).values())


def _remembered(function: Callable) -> Callable:
    """Compute `function(data, ...)` once per dataset and arguments; hand out copies."""

    @functools.wraps(function)
    def remembered(data: DatasetFiles, *args: Any, **kwargs: Any) -> Any:
        options = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items())
        key = (function.__name__, id(data), args, tuple(sorted(options)))
        kept = _ANSWERS.get(key)
        tables = _tables(data)
        if (
            kept is None
            or len(kept[0]) != len(tables)
            or any(a is not b for a, b in zip(kept[0], tables, strict=True))
        ):
            kept = _ANSWERS[key] = (tables, function(data, *args, **kwargs))
        return kept[1].copy()

    return remembered


@_remembered
def raw_reports(data: DatasetFiles) -> pd.DataFrame:
    """The report file with typed columns."""
    reports = data.reports.copy()
    reports["as_of"] = pd.to_datetime(reports["as_of"]).dt.date
    reports["numerator"] = reports["numerator"].astype(float)
    reports["denominator"] = pd.to_numeric(reports["denominator"].replace("", None))
    return reports


def communes_of(data: DatasetFiles, province_code: str) -> list[str]:
    """Codes of the commune-level units of a province."""
    loc = data.localities
    return sorted(loc[(loc["parent_code"] == province_code) & (loc["code"].str.len() == 5)]["code"])


def stage_row(data: DatasetFiles, stage_code: str) -> pd.Series:
    """One stage of campaign.csv with parsed dates."""
    row = data.campaign.set_index("stage_code").loc[stage_code].to_dict()
    row["start_date"] = date.fromisoformat(row["start_date"])
    row["deadline"] = date.fromisoformat(row["deadline"])
    return pd.Series(row, dtype=object)


@_remembered
def latest_per_commune(
    data: DatasetFiles, *, as_of: date, communes: list[str], indicators: list[str]
) -> pd.DataFrame:
    """Each commune's latest report on or before `as_of`, per indicator."""
    reports = raw_reports(data)
    subset = reports[
        (reports["as_of"] <= as_of)
        & reports["locality_code"].isin(communes)
        & reports["indicator_code"].isin(indicators)
    ]
    subset = subset.sort_values("as_of")
    return subset.groupby(["locality_code", "indicator_code"], as_index=False).last()


@_remembered
def group_totals(
    data: DatasetFiles, *, as_of: date, communes: list[str], indicators: list[str], period_days: int
) -> pd.DataFrame:
    """Σnumerator, Σdenominator, reporting counts per indicator over `communes`."""
    latest = latest_per_commune(data, as_of=as_of, communes=communes, indicators=indicators)
    rows = []
    for code in indicators:
        mine = latest[latest["indicator_code"] == code]
        has_denominator = mine["denominator"].notna().any()
        rows.append(
            {
                "indicator_code": code,
                "numerator": mine["numerator"].sum() if len(mine) else float("nan"),
                "denominator": mine["denominator"].sum() if has_denominator else float("nan"),
                "communes_reported": len(mine),
                "communes_current": int(sum((as_of - d).days < period_days for d in mine["as_of"])),
                "last_report": max(mine["as_of"]) if len(mine) else None,
            }
        )
    return pd.DataFrame(rows)


def value_of(numerator: float, denominator: float, unit: str) -> float:
    """100·num/den for percent indicators, the numerator for counts."""
    if unit == "percent":
        return 100.0 * numerator / denominator if denominator and denominator > 0 else float("nan")
    return numerator


@_remembered
def populations_on(data: DatasetFiles, as_of: date) -> pd.Series:
    """Population per (commune, target group) on `as_of`: the latest dated figure on or
    before it, else the earliest."""
    pops = data.populations.copy()
    pops["as_of"] = pd.to_datetime(pops["as_of"]).dt.date
    pops["population"] = pops["population"].astype(float)
    picked = {}
    for (commune, group), mine in pops.groupby(["locality_code", "target_group_code"]):
        mine = mine.sort_values("as_of")
        older = mine[mine["as_of"] <= as_of]
        picked[(commune, group)] = float(
            (older if len(older) else mine)["population"].iloc[-1 if len(older) else 0]
        )
    return pd.Series(picked, dtype=float)


@_remembered
def target_group_reach(
    data: DatasetFiles, *, as_of: date, communes: list[str], stage_code: str
) -> pd.DataFrame:
    """Reached (Σ latest numerators of the group's indicator) and population per group."""
    indicators = data.indicators
    in_stage = set(data.targets[data.targets["stage_code"] == stage_code]["indicator_code"])
    population_of = populations_on(data, as_of).to_dict()
    rows = []
    for group in data.target_groups["code"]:
        linked = indicators[
            (indicators["target_group_code"] == group) & indicators["code"].isin(in_stage)
        ]["code"]
        reached = 0.0
        if len(linked):
            latest = latest_per_commune(
                data, as_of=as_of, communes=communes, indicators=[linked.iloc[0]]
            )
            reached = float(latest["numerator"].sum())
        population = sum(population_of.get((commune, group), 0.0) for commune in communes)
        rows.append({"target_group_code": group, "reached": reached, "population": population})
    return pd.DataFrame(rows)


@_remembered
def commune_targets(demo_data, stage_code: str, as_of: date) -> pd.DataFrame:
    """Baseline and target per commune × indicator, straight from the raw files.

    Rule (PRODUCT.md and README): a commune without its own target starts from its own value
    on the stage start, aims at the province rate (percent) or its population share of the
    province count (count; share of the indicator's group, else of the largest group).
    """
    stage = stage_row(demo_data, stage_code)
    communes = communes_of(demo_data, "99")
    targets = demo_data.targets[
        (demo_data.targets["stage_code"] == stage_code) & (demo_data.targets["locality_code"] == "")
    ].set_index("indicator_code")
    indicators = demo_data.indicators.set_index("code")
    population_of = {
        key: value for key, value in populations_on(demo_data, as_of).items() if key[0] in communes
    }
    group_totals: dict[str, float] = {}
    for (_, group), population in population_of.items():
        group_totals[group] = group_totals.get(group, 0.0) + population
    largest_group = max(group_totals, key=group_totals.get)
    start = latest_per_commune(
        demo_data, as_of=stage["start_date"], communes=communes, indicators=list(targets.index)
    ).set_index(["locality_code", "indicator_code"])
    started = {
        key: value_pair
        for key, value_pair in zip(
            start.index, zip(start["numerator"], start["denominator"], strict=True), strict=True
        )
    }
    rows = []
    for commune in communes:
        for code, target in targets.iterrows():
            unit = indicators.loc[code, "unit"]
            group = indicators.loc[code, "target_group_code"] or largest_group
            share = population_of.get((commune, group), 0.0) / group_totals[group]
            scale = share if unit == "count" else 1.0
            baseline = float(target["baseline"]) * scale
            if (commune, code) in started:
                baseline = value_of(*started[(commune, code)], unit)
            rows.append((commune, code, baseline, float(target["target"]) * scale))
    return pd.DataFrame(rows, columns=["commune_code", "indicator_code", "baseline", "target"])
