"""Target-group reach judged against the stage's pace. Pure pandas, no database.

- Reach: percent = 100 · people reached / registered population (None without population).
- The group's stage target is that of its linked indicator (the stage indicator tied to the
  group, first in display order), so a group is judged on the same pace line as its indicator:
  baseline at the stage start, target at the deadline (campaign.metrics). A group whose linked
  indicator is not a percent has no pace, hence "no data".
- Gap to target: percentage points still missing (target − percent, not below 0), and the people
  that makes: target% · population − reached, not below 0 — so a large commune a few points
  short can be further from the goal in people than a small one far behind in percent.
- The group's long-term goal (goal_pct, e.g. 90% for VNeID) is shown beside it, not judged.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from campaign.metrics import AT_RISK_MARGIN, compute_status_frame

LINK_COLUMNS = ["target_group_code", "indicator_code", "unit", "direction", "baseline", "target"]


def linked_indicators(stage_indicators: pd.DataFrame) -> pd.DataFrame:
    """Each target group's linked stage indicator (first in display order) and its pace."""
    linked = stage_indicators[stage_indicators["target_group_code"].notna()]
    linked = linked[linked["target_group_code"].astype(str) != ""]
    linked = linked.sort_values(["sort_order", "code"]).drop_duplicates("target_group_code")
    return linked.rename(columns={"code": "indicator_code"})[LINK_COLUMNS]


def compute_group_reach(
    reach: pd.DataFrame,
    stage_indicators: pd.DataFrame,
    stage: pd.Series,
    *,
    as_of: date,
    stale_after_days: int,
    at_risk_margin: float = AT_RISK_MARGIN,
) -> pd.DataFrame:
    """Add percent, baseline, target, expected, progress, status and the gaps to reach rows.

    `reach` has one row per target group (and per commune, if any) with target_group_code,
    reached, population and last_report (newest report of the linked indicator; None if none).
    """
    links = linked_indicators(stage_indicators).drop(columns="indicator_code")
    frame = reach.drop(columns=["unit", "direction", "baseline", "target"], errors="ignore")
    frame = frame.merge(links, on="target_group_code", how="left")
    population = pd.to_numeric(frame["population"], errors="coerce").astype(float)
    reached = pd.to_numeric(frame["reached"], errors="coerce").astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(population > 0, 100.0 * reached / population, np.nan)
    is_percent = (frame["unit"] == "percent").to_numpy()
    frame["percent"] = percent
    judged = frame.assign(
        value=np.where(is_percent, percent, np.nan),
        baseline=np.where(is_percent, frame["baseline"], np.nan),
        target=np.where(is_percent, frame["target"], np.nan),
        direction=frame["direction"].fillna("higher"),
        start_date=stage["start_date"],
        deadline=stage["deadline"],
        stale_after_days=stale_after_days,
    )
    out = compute_status_frame(judged, as_of=as_of, at_risk_margin=at_risk_margin)
    out = out.drop(columns=["value", "start_date", "deadline", "stale_after_days"])
    out["gap_points"] = np.clip(out["target"] - out["percent"], 0, None)
    gap_people = np.clip(out["target"] / 100.0 * population - reached, 0, None)
    out["gap_people"] = gap_people.where(out["percent"].notna())
    return out


def group_reach_rows(group_totals: pd.DataFrame, board: pd.DataFrame) -> pd.DataFrame:
    """fetch_target_group_totals rows with last_report taken from the indicator board."""
    last = board[["code", "last_report"]].rename(columns={"code": "indicator_code"})
    return group_totals.merge(last, on="indicator_code", how="left")


def commune_reach_rows(
    commune_reports: pd.DataFrame, populations: pd.DataFrame, stage_indicators: pd.DataFrame
) -> pd.DataFrame:
    """One row per commune and target group: reached (the linked indicator's latest numerator,
    NaN if none), population and last_report, from fetch_commune_reports and
    fetch_commune_populations rows."""
    links = linked_indicators(stage_indicators)[["target_group_code", "indicator_code"]]
    reports = commune_reports.merge(links, on="indicator_code", how="inner")
    reports = reports.rename(columns={"numerator": "reached", "report_date": "last_report"})
    keep = ["commune_code", "commune_name", "commune_kind", "target_group_code", "indicator_code"]
    out = reports[[*keep, "reached", "last_report"]].merge(
        populations, on=["commune_code", "target_group_code"], how="left"
    )
    return out.reset_index(drop=True)


def sort_by_gap(rows: pd.DataFrame, *, by: str = "gap_points") -> pd.DataFrame:
    """Rows furthest from the stage target first (`by`: gap_points or gap_people); rows that
    cannot be judged (no population or no report) last, then by name."""
    if by not in ("gap_points", "gap_people"):
        raise ValueError(f"by must be gap_points or gap_people, got {by!r}")
    ordered = rows.assign(_missing=rows[by].isna(), _gap=-rows[by].fillna(0))
    ordered = ordered.sort_values(["_missing", "_gap", "commune_name"], kind="stable")
    return ordered.drop(columns=["_missing", "_gap"]).reset_index(drop=True)
