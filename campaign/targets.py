"""Targets and baselines for a commune or a cluster of communes that has no target of its own.

A province sets its targets province-wide; a commune without its own target is judged like this:
- baseline: its own value on the stage's start date (its latest report on or before it), so its
  pace line starts where it really stood; the province baseline only when it had no report yet;
- target of a percent indicator: the province's percentage (every commune aims at the same rate);
- target of a count indicator: the province's count times the commune's share of the province's
  population in the indicator's target group (for indicators without a group, the largest group,
  i.e. the adults), since a commune cannot be asked to reach the whole province's count alone.
A cluster of communes is judged the same way, with its Σnumerator/Σdenominator at the start and
the sum of its communes' shares.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from campaign.scoreboard import compute_values

# Where a commune's target came from: its own row, the province's rate, or a population share.
SOURCE_OWN, SOURCE_PROVINCE, SOURCE_SHARE = "commune", "province", "province_share"


def compute_basis_groups(indicators: pd.DataFrame, populations: pd.DataFrame) -> dict[str, str]:
    """The target group whose population apportions each indicator's count target.

    `indicators`: code, target_group_code; `populations`: commune_code, target_group_code,
    population. An indicator without a group uses the group with the largest province total.
    """
    totals = populations.groupby("target_group_code")["population"].sum()
    largest = str(totals.idxmax()) if len(totals) else ""
    basis = {}
    for code, group in zip(indicators["code"], indicators["target_group_code"], strict=True):
        basis[str(code)] = str(group) if isinstance(group, str) and group else largest
    return basis


def compute_population_shares(indicators: pd.DataFrame, populations: pd.DataFrame) -> pd.DataFrame:
    """Each commune's share of the province's basis population, per indicator.

    Columns: commune_code, indicator_code, share (0..1; NaN when the province has none).
    """
    basis = compute_basis_groups(indicators, populations)
    totals = populations.groupby("target_group_code")["population"].sum()
    frames = []
    for code, group in basis.items():
        mine = populations[populations["target_group_code"] == group]
        total = float(totals.get(group, 0.0))
        share = mine["population"] / total if total > 0 else np.nan
        frames.append(
            pd.DataFrame(
                {"commune_code": mine["commune_code"], "indicator_code": code, "share": share}
            )
        )
    if not frames:
        return pd.DataFrame(columns=["commune_code", "indicator_code", "share"])
    return pd.concat(frames, ignore_index=True)


def compute_commune_targets(rows: pd.DataFrame, shares: pd.DataFrame) -> pd.DataFrame:
    """Fill baseline, target and target_source for commune × indicator rows.

    `rows` columns: commune_code, indicator_code, unit, own_baseline, own_target,
    province_baseline, province_target, start_numerator, start_denominator.
    """
    out = rows.merge(shares, on=["commune_code", "indicator_code"], how="left")
    own = out["own_target"].notna()
    count = out["unit"] == "count"
    start_value = compute_values(out["start_numerator"], out["start_denominator"], out["unit"])
    share = out["share"].astype(float)
    scaled_baseline = out["province_baseline"].where(~count, out["province_baseline"] * share)
    scaled_target = out["province_target"].where(~count, out["province_target"] * share)
    out["baseline"] = np.where(
        own, out["own_baseline"], start_value.where(start_value.notna(), scaled_baseline)
    )
    out["target"] = np.where(own, out["own_target"], scaled_target)
    out["target_source"] = np.select(
        [own, count], [SOURCE_OWN, SOURCE_SHARE], default=SOURCE_PROVINCE
    )
    return out.drop(columns=["share"])


def compute_cluster_targets(
    indicators: pd.DataFrame,
    shares: pd.DataFrame,
    start_totals: pd.DataFrame,
    commune_codes: Iterable[str],
) -> pd.DataFrame:
    """Indicators (fetch_stage_indicators) with baseline and target for a cluster of communes.

    `start_totals` is fetch_indicator_totals for the cluster on the stage's start date.
    """
    chosen = set(commune_codes)
    cluster_share = (
        shares[shares["commune_code"].isin(chosen)].groupby("indicator_code")["share"].sum()
    )
    out = indicators.copy()
    count = out["unit"] == "count"
    share = out["code"].map(cluster_share).astype(float)
    out["target"] = out["target"].where(~count, out["target"] * share)
    start = start_totals.set_index("indicator_code").reindex(out["code"])
    start_value = compute_values(
        start["numerator"].reset_index(drop=True),
        start["denominator"].reset_index(drop=True),
        out["unit"].reset_index(drop=True),
    )
    start_value.index = out.index
    scaled_baseline = out["baseline"].where(~count, out["baseline"] * share)
    out["baseline"] = start_value.where(start_value.notna(), scaled_baseline)
    return out
