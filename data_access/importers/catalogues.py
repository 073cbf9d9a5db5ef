"""Validate and import the small catalogues: agencies, task groups and target groups."""

from __future__ import annotations

from typing import Any

import pandas as pd
import sqlalchemy as sa

from campaign.text import normalize_name
from data_access import schema as s
from data_access.importers import headers as h
from data_access.importers.batches import ImportOutcome
from data_access.importers.cells import check_lengths, column_limits
from data_access.importers.problems import problems_where, sort_problems
from data_access.importers.upserts import Counts, Plan, import_catalogue_file, upsert_rows
from data_access.importers.validation import missing, numbers, repeated, text_column, whole_numbers

# A target group's goal is a share of its population, in percent.
GOAL_RANGE = (0, 100)


def _named_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {
            "code": r.code,
            "name_vi": normalize_name(str(r.name_vi)),
            "name_en": normalize_name(str(r.name_en)),
        }
        for r in frame.itertuples()
    ]


def validate_named(
    table: sa.Table, frame: pd.DataFrame, required: tuple[str, ...] = h.NAMED_REQUIRED
) -> tuple[pd.DataFrame, list]:
    """Code and both names of each row; codes once per file and within the column's length."""
    frame = frame.assign(code=text_column(frame, "code"))
    problems = missing(frame, required)
    names = {c: c for c in ("code", "name_vi", "name_en")}
    problems += check_lengths(frame, column_limits(table, names))
    problems += repeated(frame, ["code"], "code")
    return frame, problems


def _simple_plan(table: sa.Table) -> Any:
    def validate(connection: sa.Connection, frame: pd.DataFrame) -> Plan:
        frame, problems = validate_named(table, frame)

        def write(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
            upsert_rows(connection, table, batch_id, _named_rows(frame), ("code",), counts)

        return Plan(sort_problems(problems), frame, write)

    return validate


def validate_target_groups(connection: sa.Connection, frame: pd.DataFrame) -> Plan:
    """Code, names, goal (0-100 %) and an optional whole sort order per target group."""
    frame, problems = validate_named(s.target_groups, frame, h.TARGET_GROUP_REQUIRED)
    goal, found = numbers(frame, "goal_pct")
    problems += found
    low, high = GOAL_RANGE
    params = {"low": low, "high": high}
    problems += problems_where(frame, goal > high, "import.out_of_range", "goal_pct", params=params)
    order, found = numbers(frame, "sort_order")
    problems += found + whole_numbers(frame, "sort_order", order)
    frame = frame.assign(goal_pct=goal, sort_order=order.fillna(0))

    def write(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
        rows = [
            {**row, "goal_pct": float(r.goal_pct), "sort_order": int(r.sort_order)}
            for row, r in zip(_named_rows(frame), frame.itertuples(), strict=True)
        ]
        upsert_rows(connection, s.target_groups, batch_id, rows, ("code",), counts)

    return Plan(sort_problems(problems), frame, write)


def import_agencies(
    engine: sa.Engine, data: bytes, file_name: str, **options: Any
) -> ImportOutcome:
    """Import responsible agencies (code, name_vi, name_en)."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="agencies",
        spec=h.AGENCY_COLUMNS,
        required=h.NAMED_REQUIRED,
        validate=_simple_plan(s.agencies),
        **options,
    )


def import_task_groups(
    engine: sa.Engine, data: bytes, file_name: str, **options: Any
) -> ImportOutcome:
    """Import task groups (code, name_vi, name_en)."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="task_groups",
        spec=h.TASK_GROUP_COLUMNS,
        required=h.NAMED_REQUIRED,
        validate=_simple_plan(s.task_groups),
        **options,
    )


def import_target_groups(
    engine: sa.Engine, data: bytes, file_name: str, **options: Any
) -> ImportOutcome:
    """Import target groups (code, name_vi, name_en, goal_pct, sort_order)."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="target_groups",
        spec=h.TARGET_GROUP_COLUMNS,
        required=h.TARGET_GROUP_REQUIRED,
        validate=validate_target_groups,
        **options,
    )
