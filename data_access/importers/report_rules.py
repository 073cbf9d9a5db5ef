"""Rules a report row must meet beyond its own cells: its campaign's province and stage, and
plausible figures (whole counts, no more people than a commune has).

Stages: a row belongs to the stage of its commune's province whose dates hold its date. A date
between two stages of that campaign (communes go on reporting after a peak ends and before
the next plan starts) is accepted for an indicator of the stage before or after the gap, and
counted with the stage before. A date before the first stage or after the last is refused,
as is a commune of a province with no campaign, or outside the stage given with --stage.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from data_access.importers.problems import Problem, problems_where
from data_access.settings import load_settings

# Rounding slack when testing that a float from a file has at most N decimal places.
DECIMAL_SLACK = 1e-6


def _within(days: pd.Series, start: date, end: date, *, open_ends: bool = False) -> pd.Series:
    """True where the row's date (`_days`) lies in start..end (strictly inside: `open_ends`)."""
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    inside = (days > first) & (days < last) if open_ends else (days >= first) & (days <= last)
    return inside.fillna(False).astype(bool)


def _days(frame: pd.DataFrame) -> pd.Series:
    """The rows' dates as timestamps (NaT where the cell holds no date)."""
    dated = frame["as_of"].map(lambda d: isinstance(d, date))
    return pd.to_datetime(frame["as_of"].where(dated), errors="coerce")


def _named_stage(frame: pd.DataFrame, stage: pd.Series, member: pd.Series) -> list[Problem]:
    dated = frame["as_of"].map(lambda d: isinstance(d, date))
    elsewhere = frame["province_id"].notna() & (frame["province_id"] != stage["province_id"])
    params = {"province": frame["province_code"], "campaign": stage["province_code"]}
    problems = problems_where(
        frame, elsewhere, "import.outside_province", "commune_code", params=params
    )
    outside = dated & ~_within(_days(frame), stage["start_date"], stage["deadline"])
    span = {"stage": stage["code"], "start": stage["start_date"], "deadline": stage["deadline"]}
    problems += problems_where(frame, outside, "import.outside_stage", "as_of", params=span)
    frame["stage_id"] = int(stage["stage_id"])
    member[:] = frame["indicator_id"].isin(stage["indicator_ids"])
    return problems


def _province_stages(frame: pd.DataFrame, stages: pd.DataFrame, member: pd.Series) -> pd.Series:
    """Assign each row a stage of its own province (or the stage before a gap)."""
    days = _days(frame)
    for province_id, mine in stages.groupby("province_id", sort=False):
        ours = frame["province_id"] == province_id
        spans = list(mine.itertuples())
        for stage in spans:
            inside = (
                ours & frame["stage_id"].isna() & _within(days, stage.start_date, stage.deadline)
            )
            frame.loc[inside, "stage_id"] = stage.stage_id
            member[inside] = frame.loc[inside, "indicator_id"].isin(stage.indicator_ids)
        for before, after in zip(spans, spans[1:], strict=False):
            gap = (
                ours
                & frame["stage_id"].isna()
                & _within(days, before.deadline, after.start_date, open_ends=True)
            )
            frame.loc[gap, "stage_id"] = before.stage_id
            either = before.indicator_ids | after.indicator_ids
            member[gap] = frame.loc[gap, "indicator_id"].isin(either)
    return frame["province_id"].isin(set(stages["province_id"]))


def check_stages(
    frame: pd.DataFrame, stages: pd.DataFrame, stage_code: str | None
) -> list[Problem]:
    """Set `stage_id` on each row; problems of province, stage span and stage membership."""
    frame["stage_id"] = pd.NA
    member = pd.Series(True, index=frame.index)
    if stage_code is not None:
        stage = stages.loc[stages["code"] == stage_code].iloc[0]
        problems = _named_stage(frame, stage, member)
    else:
        has_campaign = _province_stages(frame, stages, member)
        placed = frame["province_id"].notna()
        params = {"province": frame["province_code"]}
        problems = problems_where(
            frame, placed & ~has_campaign, "import.no_campaign", "commune_code", params=params
        )
        dated = frame["as_of"].map(lambda d: isinstance(d, date))
        unplaced = placed & has_campaign & dated & frame["stage_id"].isna()
        problems += problems_where(frame, unplaced, "import.no_stage", "as_of")
    codes = stages.set_index("stage_id")["code"]
    known = frame["indicator_id"].notna() & frame["stage_id"].notna()
    outside = known & ~member
    params = {"stage": frame.loc[outside, "stage_id"].map(lambda sid: codes.get(sid, ""))}
    problems += problems_where(
        frame, outside, "import.not_in_stage", "indicator_code", params=params
    )
    return problems


def check_decimals(frame: pd.DataFrame, column: str, values: pd.Series) -> list[Problem]:
    """Counts of people are whole; an indicator may declare decimal places (`decimals`)."""
    decimals = frame["decimals"].fillna(0).astype(int)
    scaled = values * np.power(10.0, decimals)
    too_fine = values.notna() & ((scaled - scaled.round()).abs() > DECIMAL_SLACK)
    whole = too_fine & (decimals == 0)
    problems = problems_where(frame, whole, "import.not_whole", column)
    problems += problems_where(
        frame,
        too_fine & (decimals > 0),
        "import.too_many_decimals",
        column,
        params={"decimals": decimals},
    )
    return problems


def basis_populations(frame: pd.DataFrame, populations: pd.DataFrame) -> pd.Series:
    """Each row's registered population: of the indicator's target group, else the commune's
    largest group (NaN when none is registered)."""
    keys = ["locality_id", "target_group_id"]
    registered = populations[[*keys, "population"]].astype(float)
    wanted = frame[keys].astype(float).reset_index(names="position")
    own = wanted.merge(registered, on=keys, how="left").set_index("position")["population"]
    own = own.reindex(frame.index)
    largest = registered.groupby("locality_id")["population"].max()
    fallback = frame["locality_id"].astype(float).map(largest)
    return own.where(frame["target_group_id"].notna(), fallback)


def check_plausible(
    frame: pd.DataFrame, column: str, values: pd.Series, population: pd.Series
) -> list[Problem]:
    """Refuse a count above DASHBOARD_MAX_PER_PERSON times the registered population."""
    factor = load_settings().max_per_person
    above = population.notna() & (values > factor * population)
    params = {"factor": f"{factor:g}", "population": population[above].map(lambda p: f"{p:.0f}")}
    return problems_where(frame, above, "import.implausible_count", column, params=params)
