"""Target-group reach judged against the stage's pace. Pure pandas, no database.

- Reach: percent = 100 · people reached / registered population (None without population).
- A group is judged on its linked indicator's pace line (the stage indicator tied to the group,
  first in display order): the baseline and target that apply to the scope — the province's,
  a cluster's or a commune's (campaign.targets) — at the stage start and deadline
  (campaign.metrics). A group whose linked indicator is not a percent has no pace: "no data".
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

PACE_COLUMNS = ["unit", "direction", "baseline", "target"]


def linked_indicators(stage_indicators: pd.DataFrame) -> pd.DataFrame:
    """Each target group's linked stage indicator (first in display order): target_group_code,
    indicator_code."""
    linked = stage_indicators[stage_indicators["target_group_code"].notna()]
    linked = linked[linked["target_group_code"].astype(str) != ""]
    linked = linked.sort_values(["sort_order", "code"]).drop_duplicates("target_group_code")
    return linked.rename(columns={"code": "indicator_code"})[
        ["target_group_code", "indicator_code"]
    ]


def compute_group_reach(
    reach: pd.DataFrame,
    *,
    start_date: date,
    deadline: date,
    as_of: date,
    stale_after_days: int,
    at_risk_margin: float = AT_RISK_MARGIN,
) -> pd.DataFrame:
    """Add percent, expected, progress, status and the gaps to reach rows.

    `reach` has one row per target group (and per commune, if any) with reached, population,
    last_report (newest report of the linked indicator; None if none) and the linked
    indicator's unit, direction, baseline and target for that scope (group_reach_rows,
    commune_reach_rows).
    """
    population = pd.to_numeric(reach["population"], errors="coerce").astype(float)
    reached = pd.to_numeric(reach["reached"], errors="coerce").astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(population > 0, 100.0 * reached / population, np.nan)
    is_percent = (reach["unit"] == "percent").to_numpy()
    frame = reach.assign(
        percent=percent,
        baseline=np.where(is_percent, reach["baseline"], np.nan),
        target=np.where(is_percent, reach["target"], np.nan),
    )
    judged = frame.assign(
        value=np.where(is_percent, percent, np.nan),
        direction=frame["direction"].fillna("higher"),
        start_date=start_date,
        deadline=deadline,
        stale_after_days=stale_after_days,
    )
    out = compute_status_frame(judged, as_of=as_of, at_risk_margin=at_risk_margin)
    out = out.drop(columns=["value", "start_date", "deadline", "stale_after_days"])
    out["direction"] = frame["direction"]
    out["gap_points"] = np.clip(out["target"] - out["percent"], 0, None)
    gap_people = np.clip(out["target"] / 100.0 * population - reached, 0, None)
    out["gap_people"] = gap_people.where(out["percent"].notna())
    return out


def group_reach_rows(group_totals: pd.DataFrame, board: pd.DataFrame) -> pd.DataFrame:
    """fetch_target_group_totals rows with the linked indicator's pace and last report taken
    from the scope's indicator board."""
    pace = board[["code", *PACE_COLUMNS, "last_report"]].rename(columns={"code": "indicator_code"})
    return group_totals.merge(pace, on="indicator_code", how="left")


def commune_reach_rows(
    commune_board: pd.DataFrame, populations: pd.DataFrame, stage_indicators: pd.DataFrame
) -> pd.DataFrame:
    """One row per commune and target group: reached (the linked indicator's latest numerator,
    NaN if none), population, last_report and the commune's pace for that indicator, from a
    compute_commune_board frame and fetch_commune_populations rows."""
    links = linked_indicators(stage_indicators)
    rows = commune_board.merge(links, on="indicator_code", how="inner")
    rows = rows.rename(columns={"numerator": "reached"})
    keep = ["commune_code", "commune_name", "commune_kind", "target_group_code", "indicator_code"]
    out = rows[[*keep, "reached", "last_report", *PACE_COLUMNS]].merge(
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
