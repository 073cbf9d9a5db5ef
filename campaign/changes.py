"""What changed: since the previous report, and since a meeting. Pure pandas, no database.

- Change since the previous report: the group's value on its newest report date on or before
  as-of, minus its value on the report date before that (from the exact group history).
- Change since the meeting: the value as of as-of minus the value as of the meeting date (both
  from the indicator boards); none when either is missing.
- An indicator changed status when its status at the meeting differs from its status now.
- A commune fell behind on an indicator when it was on track or at risk at the meeting and is
  behind now.
"""

from __future__ import annotations

import pandas as pd

from campaign.scoreboard import compute_values

# Statuses a commune can fall behind from: "no data" or "stale" to "behind" is news of a
# different kind (a report arrived), not a slide.
JUDGED_GOOD = ("on_track", "at_risk")


def compute_history_values(history: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """fetch_indicator_history rows with the indicator's unit and value (percent or count)."""
    units = indicators[["code", "unit"]].rename(columns={"code": "indicator_code"})
    out = history.merge(units, on="indicator_code", how="inner")
    out["value"] = compute_values(out["numerator"], out["denominator"], out["unit"])
    return out


def compute_previous_changes(history_values: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: last_date, previous_date, previous_value and change_previous.

    `history_values` comes from compute_history_values; an indicator with a single report date
    has no previous date and no change.
    """
    ordered = history_values.sort_values(["indicator_code", "report_date"])
    rows = []
    for code, group in ordered.groupby("indicator_code", sort=False):
        last = group.iloc[-1]
        previous = group.iloc[-2] if len(group) > 1 else None
        rows.append(
            {
                "indicator_code": code,
                "last_date": last["report_date"],
                "previous_date": None if previous is None else previous["report_date"],
                "previous_value": float("nan") if previous is None else previous["value"],
                "change_previous": float("nan")
                if previous is None
                else last["value"] - previous["value"],
            }
        )
    columns = ["indicator_code", "last_date", "previous_date", "previous_value", "change_previous"]
    return pd.DataFrame(rows, columns=columns)


def compute_tile_changes(
    board: pd.DataFrame, meeting_board: pd.DataFrame, history_values: pd.DataFrame
) -> pd.DataFrame:
    """The indicator board with previous_date, change_previous, value_meeting, status_meeting
    and change_meeting added (one row per indicator, board order kept)."""
    previous = compute_previous_changes(history_values).drop(columns="last_date")
    previous = previous.rename(columns={"indicator_code": "code"})
    meeting = meeting_board[["code", "value", "status"]].rename(
        columns={"value": "value_meeting", "status": "status_meeting"}
    )
    out = board.merge(previous, on="code", how="left", validate="one_to_one")
    out = out.merge(meeting, on="code", how="left", validate="one_to_one")
    out["change_meeting"] = out["value"] - out["value_meeting"]
    return out


def compute_status_changes(tiles: pd.DataFrame) -> pd.DataFrame:
    """Indicators whose status at the meeting differs from their status now (tile rows)."""
    changed = tiles["status"] != tiles["status_meeting"]
    return tiles[changed].reset_index(drop=True)


def compute_fallen_behind(board_now: pd.DataFrame, board_meeting: pd.DataFrame) -> pd.DataFrame:
    """Communes with indicators that went from on track / at risk to behind since the meeting.

    Both boards come from compute_commune_board. Columns: commune_code, commune_name,
    indicator_codes (list, in board order), count; most newly-behind indicators first.
    """
    keys = ["commune_code", "indicator_code"]
    then = board_meeting[[*keys, "status"]].rename(columns={"status": "status_meeting"})
    both = board_now.merge(then, on=keys, how="inner")
    fell = both[(both["status"] == "behind") & both["status_meeting"].isin(JUDGED_GOOD)]
    columns = ["commune_code", "commune_name", "indicator_codes", "count"]
    if fell.empty:
        return pd.DataFrame(columns=columns)
    grouped = fell.groupby(["commune_code", "commune_name"], sort=False)["indicator_code"]
    out = grouped.agg(list).rename("indicator_codes").reset_index()
    out["count"] = out["indicator_codes"].map(len)
    out = out.sort_values(["count", "commune_code"], ascending=[False, True], kind="stable")
    return out[columns].reset_index(drop=True)
