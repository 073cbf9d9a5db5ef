"""Pure math of the locality drill-down: ranks, reporting completeness, village facts, trends."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from campaign.ranking import compute_commune_scores, compute_ranks
from campaign.scoreboard import compute_values

# A village-level report of a percent indicator "1 of 1" (or "0 of 1") is a yes/no fact about
# the village; in this campaign that fact is "its community digital technology team is active".
YES_NO_DENOMINATOR = 1.0


def compute_commune_ranks(board: pd.DataFrame) -> pd.DataFrame:
    """Rank communes by composite score exactly as the ranking page does (campaign.ranking).

    `board` has one row per commune x indicator (compute_commune_board). Columns returned:
    commune_code, commune_name, score (NaN when no progress is known), rank (1 = best, ties
    share the better rank, <NA> when unscored), ranked (how many communes have a score).
    """
    scores = compute_commune_scores(board)
    ranks = scores[["commune_code", "commune_name", "score"]].assign(
        rank=compute_ranks(scores["score"])
    )
    ranks["ranked"] = int(ranks["score"].notna().sum())
    return ranks.sort_values(["rank", "commune_code"], na_position="last").reset_index(drop=True)


def compute_period_count(*, start: date, deadline: date, as_of: date, period_days: int) -> int:
    """How many reporting periods of the stage have begun by `as_of` (capped at the deadline)."""
    end = min(as_of, deadline)
    if end < start:
        return 0
    return (end - start).days // period_days + 1


def compute_period_grid(
    days: pd.DataFrame,
    communes: list[str],
    *,
    start: date,
    deadline: date,
    as_of: date,
    period_days: int,
) -> pd.DataFrame:
    """One row per commune and begun period: did it report, and how many indicators at most.

    `days` comes from fetch_reporting_days. Period k runs from start + k·period_days for
    period_days days. Columns: commune_code, period (1-based), period_start, period_end,
    reported (bool), indicators_reported (most indicators on one report date of the period),
    complete (the period has ended by `as_of`).
    """
    count = compute_period_count(
        start=start, deadline=deadline, as_of=as_of, period_days=period_days
    )
    per_period: dict[tuple[str, int], int] = {}
    for code, day, indicators in zip(
        days["commune_code"], days["report_date"], days["indicators_reported"], strict=True
    ):
        index = (day - start).days // period_days
        key = (code, index)
        per_period[key] = max(per_period.get(key, 0), int(indicators))
    rows = []
    for code in communes:
        for index in range(count):
            first = start + timedelta(days=index * period_days)
            last = first + timedelta(days=period_days - 1)
            reported = per_period.get((code, index), 0)
            rows.append(
                {
                    "commune_code": code,
                    "period": index + 1,
                    "period_start": first,
                    "period_end": last,
                    "reported": reported > 0,
                    "indicators_reported": reported,
                    "complete": last <= min(as_of, deadline),
                }
            )
    columns = [
        "commune_code",
        "period",
        "period_start",
        "period_end",
        "reported",
        "indicators_reported",
        "complete",
    ]
    return pd.DataFrame(rows, columns=columns)


def compute_completeness(grid: pd.DataFrame, communes: list[str]) -> pd.DataFrame:
    """Periods reported / periods elapsed per commune, from compute_period_grid.

    A period counts as elapsed once it has ended, or earlier if the commune already reported in
    it (so a report due at the end of the running week is not counted missing before it is due).
    Columns: commune_code, periods_reported, periods_elapsed, share (0-1, None if none elapsed).
    """
    rows = []
    for code in communes:
        mine = grid[grid["commune_code"] == code]
        elapsed = int((mine["complete"] | mine["reported"]).sum())
        reported = int(mine["reported"].sum())
        rows.append(
            {
                "commune_code": code,
                "periods_reported": reported,
                "periods_elapsed": elapsed,
                "share": reported / elapsed if elapsed else None,
            }
        )
    return pd.DataFrame(
        rows, columns=["commune_code", "periods_reported", "periods_elapsed", "share"]
    )


def compute_village_table(villages: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Villages with their team status and people reached, from fetch_village_reports.

    Columns: code, name, kind, commune_code, team_active (True / False, or None when the
    village never reported the yes/no fact), team_date (date of that report), and one
    `reached_<indicator>` column per people-counting indicator (one tied to a target group)
    reported at village level.
    """
    table = villages[["code", "name", "kind", "commune_code"]].reset_index(drop=True)
    yes_no = reports[
        (reports["unit"] == "percent") & (reports["denominator"] == YES_NO_DENOMINATOR)
    ].drop_duplicates("village_code", keep="first")
    team = yes_no.set_index("village_code")
    table["team_active"] = [
        bool(team.at[code, "numerator"] > 0) if code in team.index else None
        for code in table["code"]
    ]
    table["team_date"] = [
        team.at[code, "report_date"] if code in team.index else None for code in table["code"]
    ]
    people = reports[reports["target_group_code"].notna()]
    for indicator, rows in people.groupby("indicator_code", sort=True):
        reached = rows.set_index("village_code")["numerator"]
        table[f"reached_{indicator}"] = table["code"].map(reached)
    return table


def compute_trend(history: pd.DataFrame, units: dict[str, str], *, start: date) -> pd.DataFrame:
    """Group value per indicator and report date from `start` on, from fetch_indicator_history.

    The last value before `start` is kept (dated `start`) so the line begins at the stage's
    opening level. Columns: indicator_code, report_date, value.
    """
    frame = history.copy()
    frame["value"] = compute_values(
        frame["numerator"], frame["denominator"], frame["indicator_code"].map(units)
    )
    before = frame[frame["report_date"] < start].groupby("indicator_code").tail(1)
    before = before.assign(report_date=start)
    after = frame[frame["report_date"] >= start]
    trend = pd.concat([before, after], ignore_index=True)
    trend = trend.drop_duplicates(["indicator_code", "report_date"], keep="last")
    return trend[["indicator_code", "report_date", "value"]].reset_index(drop=True)
