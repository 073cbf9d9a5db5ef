"""The committee's figures recomputed from the raw report files with pandas, independently.

Nothing here imports the application's query, math or page code: pace, status, target-group
reach and the composite ranking are written again from PRODUCT.md's rules, on top of the raw
readings (and the commune targets) of tests/oracle.py.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from data_access.seed import DatasetFiles
from tests import oracle

AT_RISK_MARGIN = 0.10  # the documented default of DASHBOARD_AT_RISK_MARGIN


def stage_indicators(data: DatasetFiles, stage_code: str) -> pd.DataFrame:
    """indicators.csv rows of the stage, in display order, with the province baseline/target."""
    targets = data.targets[
        (data.targets["stage_code"] == stage_code) & (data.targets["locality_code"] == "")
    ][["indicator_code", "baseline", "target"]].rename(columns={"indicator_code": "code"})
    out = data.indicators.merge(targets, on="code")
    out["baseline"] = out["baseline"].astype(float)
    out["target"] = out["target"].astype(float)
    out["sort_order"] = out["sort_order"].astype(int)
    return out.sort_values(["sort_order", "code"]).reset_index(drop=True)


def scope_pace(
    data: DatasetFiles, *, stage_code: str, as_of: date, communes: list[str]
) -> pd.DataFrame:
    """Per indicator: the baseline and target that apply to `communes` (PRODUCT.md / README).

    The whole province: the stored targets. Fewer communes: percent indicators keep the
    province rate, count targets are the sum of the communes' population shares
    (tests/oracle.commune_targets); the baseline is the group's own value at the stage start,
    or the province baseline scaled like the target when none of them had reported yet.
    """
    indicators = stage_indicators(data, stage_code).set_index("code")
    if set(communes) == set(oracle.communes_of(data, "99")):
        return indicators[["baseline", "target"]]
    stage = oracle.stage_row(data, stage_code)
    shares = oracle.commune_targets(data, stage_code, as_of)
    mine = shares[shares["commune_code"].isin(communes)].groupby("indicator_code")["target"].sum()
    start = oracle.group_totals(
        data,
        as_of=stage["start_date"],
        communes=communes,
        indicators=list(indicators.index),
        period_days=int(stage["period_days"]),
    ).set_index("indicator_code")
    rows = {}
    for code, ind in indicators.iterrows():
        scale = mine[code] / ind["target"] if ind["unit"] == "count" else 1.0
        baseline = ind["baseline"] * scale
        if start.loc[code, "communes_reported"]:
            r = start.loc[code]
            baseline = oracle.value_of(r["numerator"], r["denominator"], ind["unit"])
        rows[code] = {"baseline": baseline, "target": ind["target"] * scale}
    return pd.DataFrame.from_dict(rows, orient="index")


def expected_on(baseline: float, target: float, start: date, deadline: date, on: date) -> float:
    """Straight line from baseline at the start to target at the deadline, flat outside."""
    span = (deadline - start).days
    if span <= 0:
        return target
    elapsed = min(max((on - start).days, 0), span)
    return baseline + (target - baseline) * elapsed / span


def judge(
    value: float,
    expected: float,
    last_report: date | None,
    *,
    as_of: date,
    stale_after: int,
    margin: float = AT_RISK_MARGIN,
) -> str:
    """The status of a higher-is-better value on `as_of`."""
    if last_report is None or value is None or np.isnan(value):
        return "no_data"
    if (as_of - last_report).days > stale_after:
        return "stale"
    if value >= expected:
        return "on_track"
    return "at_risk" if value >= expected * (1 - margin) else "behind"


def overview_tiles(
    data: DatasetFiles, *, stage_code: str, as_of: date, communes: list[str]
) -> pd.DataFrame:
    """Per indicator: value, status, communes_current, communes_total and change_previous
    (value on the newest report date minus value on the report date before it)."""
    stage = oracle.stage_row(data, stage_code)
    period = int(stage["period_days"])
    indicators = stage_indicators(data, stage_code)
    codes = list(indicators["code"])
    totals = oracle.group_totals(
        data, as_of=as_of, communes=communes, indicators=codes, period_days=period
    ).set_index("indicator_code")
    pace = scope_pace(data, stage_code=stage_code, as_of=as_of, communes=communes)
    reports = oracle.raw_reports(data)
    rows = []
    for _, ind in indicators.iterrows():
        total = totals.loc[ind["code"]]
        value = oracle.value_of(total["numerator"], total["denominator"], ind["unit"])
        baseline, target = pace.loc[ind["code"], ["baseline", "target"]]
        expected = expected_on(baseline, target, stage["start_date"], stage["deadline"], as_of)
        mine = reports[
            (reports["indicator_code"] == ind["code"])
            & reports["locality_code"].isin(communes)
            & (reports["as_of"] <= as_of)
        ]
        days = sorted(set(mine["as_of"]))
        change = float("nan")
        if len(days) >= 2:
            before = oracle.group_totals(
                data,
                as_of=days[-2],
                communes=communes,
                indicators=[ind["code"]],
                period_days=period,
            ).iloc[0]
            change = value - oracle.value_of(
                before["numerator"], before["denominator"], ind["unit"]
            )
        rows.append(
            {
                "code": ind["code"],
                "unit": ind["unit"],
                "value": value,
                "status": judge(
                    value, expected, total["last_report"], as_of=as_of, stale_after=period
                ),
                "communes_current": int(total["communes_current"]),
                "communes_total": len(communes),
                "change_previous": change,
            }
        )
    return pd.DataFrame(rows)


def _linked(data: DatasetFiles, stage_code: str) -> dict[str, pd.Series]:
    """Target group code -> its first stage indicator (display order)."""
    indicators = stage_indicators(data, stage_code)
    linked = indicators[indicators["target_group_code"] != ""]
    return {g: rows.iloc[0] for g, rows in linked.groupby("target_group_code", sort=False)}


def group_bars(
    data: DatasetFiles, *, stage_code: str, as_of: date, communes: list[str]
) -> pd.DataFrame:
    """Per target group over `communes`: reached, population, percent and pace status."""
    stage = oracle.stage_row(data, stage_code)
    reach = oracle.target_group_reach(data, as_of=as_of, communes=communes, stage_code=stage_code)
    links = _linked(data, stage_code)
    pace = scope_pace(data, stage_code=stage_code, as_of=as_of, communes=communes)
    reports = oracle.raw_reports(data)
    rows = []
    for _, group in reach.iterrows():
        ind = links.get(group["target_group_code"])
        percent = 100 * group["reached"] / group["population"] if group["population"] else np.nan
        status = "no_data"
        if ind is not None:
            mine = reports[
                (reports["indicator_code"] == ind["code"])
                & reports["locality_code"].isin(communes)
                & (reports["as_of"] <= as_of)
            ]
            last = max(mine["as_of"]) if len(mine) else None
            baseline, target = pace.loc[ind["code"], ["baseline", "target"]]
            expected = expected_on(baseline, target, stage["start_date"], stage["deadline"], as_of)
            status = judge(
                percent, expected, last, as_of=as_of, stale_after=int(stage["period_days"])
            )
        rows.append({**group.to_dict(), "percent": percent, "status": status})
    return pd.DataFrame(rows)


def commune_group_bars(
    data: DatasetFiles, *, stage_code: str, as_of: date, communes: list[str]
) -> pd.DataFrame:
    """Per commune and target group: percent, status, and how far short of the stage target
    it is in percentage points and in people."""
    links = _linked(data, stage_code)
    rows = []
    for commune in communes:
        mine = group_bars(data, stage_code=stage_code, as_of=as_of, communes=[commune])
        for _, row in mine.iterrows():
            ind = links.get(row["target_group_code"])
            if ind is None:
                continue
            latest = oracle.latest_per_commune(
                data, as_of=as_of, communes=[commune], indicators=[ind["code"]]
            )
            percent = row["percent"] if len(latest) else np.nan
            short = max(ind["target"] / 100 * row["population"] - row["reached"], 0)
            rows.append(
                {
                    "commune_code": commune,
                    "target_group_code": row["target_group_code"],
                    "percent": percent,
                    "status": row["status"],
                    "gap_points": max(ind["target"] - percent, 0) if len(latest) else np.nan,
                    "gap_people": short if len(latest) else np.nan,
                }
            )
    return pd.DataFrame(rows)


def composite_ranking(
    data: DatasetFiles, *, stage_code: str, as_of: date, communes: list[str]
) -> pd.DataFrame:
    """Per commune: score (mean progress to its own target, each capped to [0, 1], over the
    indicators it has data for) and its competition rank (scores equal to 0.1% share a rank)."""
    indicators = stage_indicators(data, stage_code).set_index("code")
    targets = oracle.commune_targets(data, stage_code, as_of).set_index(
        ["commune_code", "indicator_code"]
    )["target"]
    latest = oracle.latest_per_commune(
        data, as_of=as_of, communes=communes, indicators=list(indicators.index)
    )
    scores = {}
    for commune in communes:
        progress = []
        for _, report in latest[latest["locality_code"] == commune].iterrows():
            unit = indicators.loc[report["indicator_code"], "unit"]
            target = targets[(commune, report["indicator_code"])]
            value = oracle.value_of(report["numerator"], report["denominator"], unit)
            if not np.isnan(value) and target > 0:
                progress.append(min(max(value / target, 0.0), 1.0))
        scores[commune] = float(np.mean(progress)) if progress else np.nan
    frame = pd.DataFrame({"commune_code": list(scores), "score": list(scores.values())})
    rounded = frame["score"].round(3)
    frame["rank"] = [np.nan if np.isnan(s) else 1 + int((rounded > s).sum()) for s in rounded]
    return frame
