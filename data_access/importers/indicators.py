"""Validate and import indicators, and their targets per stage (province-wide or a commune's)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import sqlalchemy as sa

from campaign.text import normalize_name
from data_access import schema as s
from data_access.importers import headers as h
from data_access.importers.batches import ImportOutcome
from data_access.importers.cells import check_lengths, column_limits
from data_access.importers.problems import Problem, problems_where, sort_problems
from data_access.importers.upserts import Counts, Plan, import_catalogue_file, upsert_rows
from data_access.importers.validation import (
    code_ids,
    missing,
    numbers,
    repeated,
    text_column,
    unknown,
    whole_numbers,
)
from data_access.settings import load_settings

# The values the dashboard knows how to aggregate and judge (see campaign/metrics.py).
UNITS = ("percent", "count")
DIRECTIONS = ("higher", "lower")
# More decimal places than this is no count anyone reports (a billion dong to the dong is 9).
MAX_DECIMALS = 6
# Text columns stored as written (NFC) and checked against their column length.
TEXT_COLUMNS = ("name_vi", "name_en", "numerator_vi", "numerator_en")
TEXT_COLUMNS += ("denominator_vi", "denominator_en", "code")


def check_target_values(
    frame: pd.DataFrame, units: pd.Series
) -> tuple[pd.Series, pd.Series, list[Problem]]:
    """Baseline and target as numbers; a percent one above the configured ceiling is refused."""
    limit = load_settings().max_percent_target
    baseline, problems = numbers(frame, "baseline")
    target, found = numbers(frame, "target")
    problems += found
    for column, values in (("baseline", baseline), ("target", target)):
        above = (units == "percent") & (values > limit)
        params = {"limit": f"{limit:g}"}
        problems += problems_where(frame, above, "import.percent_above", column, params=params)
    return baseline, target, problems


def validate_indicators(connection: sa.Connection, frame: pd.DataFrame) -> Plan:
    """Indicators (one per code, first row wins), and with a stage column their province-wide
    target per stage."""
    codes = ("code", "unit", "direction", "agency_code", "task_group_code", "target_group_code")
    frame = frame.assign(**{c: text_column(frame, c) for c in (*codes, "stage_code")})
    frame["code"] = frame["code"].str.upper()
    frame["unit"] = frame["unit"].str.lower()
    frame["direction"] = frame["direction"].str.lower().replace("", "higher")
    with_targets = "stage_code" in frame.attrs.get("headers", {})
    catalogues = {
        "agency_code": ("agencies", code_ids(connection, s.agencies)),
        "task_group_code": ("task_groups", code_ids(connection, s.task_groups)),
        "target_group_code": ("target_groups", code_ids(connection, s.target_groups)),
        "stage_code": ("stages", code_ids(connection, s.stages)),
    }
    problems = missing(frame, h.INDICATOR_REQUIRED)
    if with_targets:
        problems += missing(frame, h.INDICATOR_TARGET_COLUMNS)
    lengths = column_limits(s.indicators, {c: c for c in TEXT_COLUMNS})
    problems += check_lengths(frame, lengths)
    for column, (name, ids) in catalogues.items():
        problems += unknown(frame, column, set(ids), name)
    for column, choices in (("unit", UNITS), ("direction", DIRECTIONS)):
        bad = (frame[column] != "") & ~frame[column].isin(choices)
        problems += problems_where(
            frame, bad, "import.bad_choice", column, params={"choices": ", ".join(choices)}
        )
    sort_order, found = numbers(frame, "sort_order")
    decimals, more = numbers(frame, "decimals")
    problems += found + more + whole_numbers(frame, "decimals", decimals)
    problems += problems_where(
        frame,
        decimals > MAX_DECIMALS,
        "import.out_of_range",
        "decimals",
        params={"low": 0, "high": MAX_DECIMALS},
    )
    baseline, target, found = check_target_values(frame, frame["unit"])
    problems += found
    if with_targets:
        problems += repeated(frame, ["code", "stage_code"], "stage_code")
    frame = frame.assign(
        baseline=baseline,
        target=target,
        sort_order=sort_order.fillna(0),
        decimals=decimals.fillna(0),
    )

    # Optional columns the file lacks keep what is stored (new rows get the schema default).
    given = set(frame.attrs.get("headers", {}))
    optional = {c for c in h.INDICATOR_COLUMNS if c not in h.INDICATOR_REQUIRED}

    def write(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
        ids = {name: table for name, (_, table) in catalogues.items()}
        rows: list[dict[str, Any]] = []
        for r in frame.drop_duplicates("code").itertuples():
            row = {
                "code": r.code,
                **{c: normalize_name(str(getattr(r, c))) for c in TEXT_COLUMNS if c != "code"},
                "unit": r.unit,
                "direction": r.direction,
                "agency_id": ids["agency_code"][r.agency_code],
                "task_group_id": ids["task_group_code"][r.task_group_code],
                "target_group_id": ids["target_group_code"].get(r.target_group_code),
                "sort_order": int(r.sort_order),
                "decimals": int(r.decimals),
            }
            source = {"agency_id": "agency_code", "task_group_id": "task_group_code"}
            source |= {"target_group_id": "target_group_code"}
            rows.append(
                {
                    k: v
                    for k, v in row.items()
                    if source.get(k, k) not in optional or source.get(k, k) in given
                }
            )
        indicator_ids = upsert_rows(connection, s.indicators, batch_id, rows, ("code",), counts)
        if not with_targets:
            return
        targets = [
            {
                "indicator_id": indicator_ids[(r.code,)],
                "stage_id": ids["stage_code"][r.stage_code],
                "locality_id": None,
                "baseline": float(r.baseline),
                "target": float(r.target),
            }
            for r in frame.itertuples()
        ]
        key = ("indicator_id", "stage_id", "locality_id")
        upsert_rows(connection, s.targets, batch_id, targets, key, counts)

    return Plan(sort_problems(problems), frame, write)


def validate_targets(connection: sa.Connection, frame: pd.DataFrame) -> Plan:
    """Baseline and target per indicator and stage, province-wide or for one commune."""
    text = ("indicator_code", "stage_code", "locality_code")
    frame = frame.assign(**{c: text_column(frame, c) for c in text})
    frame["indicator_code"] = frame["indicator_code"].str.upper()
    ind, loc = s.indicators, s.localities
    units = dict(connection.execute(sa.select(ind.c.code, ind.c.unit)).all())
    indicators = code_ids(connection, ind)
    stages = code_ids(connection, s.stages)
    communes = dict(
        connection.execute(
            sa.select(loc.c.code, loc.c.id).where(loc.c.level == s.LEVEL_COMMUNE)
        ).all()
    )
    problems = missing(frame, h.TARGET_REQUIRED)
    problems += unknown(frame, "indicator_code", set(indicators), "indicators")
    problems += unknown(frame, "stage_code", set(stages), "stages")
    not_commune = (frame["locality_code"] != "") & ~frame["locality_code"].isin(set(communes))
    problems += problems_where(frame, not_commune, "import.not_a_commune", "locality_code")
    baseline, target, found = check_target_values(frame, frame["indicator_code"].map(units))
    problems += found
    key = ["indicator_code", "stage_code", "locality_code"]
    problems += repeated(
        frame.assign(locality_code=frame["locality_code"] + "|"), key, "stage_code"
    )
    frame = frame.assign(baseline=baseline, target=target)

    def write(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
        rows = [
            {
                "indicator_id": indicators[r.indicator_code],
                "stage_id": stages[r.stage_code],
                "locality_id": communes.get(r.locality_code),
                "baseline": float(r.baseline),
                "target": float(r.target),
            }
            for r in frame.itertuples()
        ]
        key = ("indicator_id", "stage_id", "locality_id")
        upsert_rows(connection, s.targets, batch_id, rows, key, counts)

    return Plan(sort_problems(problems), frame, write)


def import_indicators(
    engine: sa.Engine, data: bytes, file_name: str, **options: Any
) -> ImportOutcome:
    """Import indicators; with stage_code, baseline and target columns also their
    province-wide target per stage (one row per indicator and stage)."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="indicators",
        spec=h.INDICATOR_COLUMNS,
        required=h.INDICATOR_REQUIRED,
        validate=validate_indicators,
        **options,
    )


def import_targets(engine: sa.Engine, data: bytes, file_name: str, **options: Any) -> ImportOutcome:
    """Import targets (indicator, stage, optional commune, baseline, target); rows whose
    baseline and target are both left empty are skipped and counted."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="targets",
        spec=h.TARGET_COLUMNS,
        required=h.TARGET_REQUIRED,
        validate=validate_targets,
        value_columns=("baseline", "target"),
        **options,
    )
