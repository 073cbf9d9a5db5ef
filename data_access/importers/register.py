"""Validate and import the commune register, target-group populations, indicators and targets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import sqlalchemy as sa

from campaign.text import fold_text, normalize_name
from data_access import schema as s
from data_access.importers import headers as h
from data_access.importers.batches import ImportOutcome
from data_access.importers.parsing import blank_mask, parse_dates, parse_numbers
from data_access.importers.problems import Problem, problems_where, sort_problems
from data_access.importers.upserts import Counts, Plan, import_catalogue_file, upsert_rows
from data_access.seed import KIND_LEVELS

# Digits of an official code at each level: province 2, commune 5, village 8 (commune + 3).
CODE_DIGITS = {s.LEVEL_PROVINCE: 2, s.LEVEL_COMMUNE: 5, s.LEVEL_VILLAGE: 8}
UNITS = ("percent", "count")
DIRECTIONS = ("higher", "lower")


def _code_ids(connection: sa.Connection, table: sa.Table) -> dict[str, int]:
    return dict(connection.execute(sa.select(table.c.code, table.c.id)).all())


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].map(lambda v: "" if v is None else str(v).strip())


def _missing(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[Problem]:
    return [
        p for c in columns for p in problems_where(frame, blank_mask(frame[c]), "import.missing", c)
    ]


def _unknown(frame: pd.DataFrame, column: str, known: set[str], catalogue: str) -> list[Problem]:
    values = _text(frame, column)
    mask = (values != "") & ~values.isin(known)
    params = {"catalogue": catalogue}
    return problems_where(frame, mask, "import.unknown_code", column, params=params)


def _numbers(frame: pd.DataFrame, column: str) -> tuple[pd.Series, list[Problem]]:
    values, bad = parse_numbers(frame[column])
    problems = [
        p
        for key in ("import.not_a_number", "import.ambiguous_number")
        for p in problems_where(frame, bad == key, key, column)
    ]
    problems += problems_where(frame, values < 0, "import.negative", column)
    return values, problems


def validate_localities(connection: sa.Connection, frame: pd.DataFrame) -> Plan:
    """Codes, kinds and parents of a register file (parents before children not required)."""
    frame = frame.assign(
        code=_text(frame, "code"),
        parent_code=_text(frame, "parent_code"),
        kind=_text(frame, "kind").str.lower(),
    )
    problems = _missing(frame, ("code", "name", "kind"))
    frame["level"] = frame["kind"].map(KIND_LEVELS)
    choices = ", ".join(KIND_LEVELS)
    bad_kind = (frame["kind"] != "") & frame["level"].isna()
    problems += problems_where(
        frame, bad_kind, "import.bad_choice", "kind", params={"choices": choices}
    )
    digits = frame["level"].map(CODE_DIGITS)
    bad_code = (
        frame["level"].notna()
        & (frame["code"] != "")
        & ~pd.Series(
            [
                c.isdigit() and len(c) == d
                for c, d in zip(frame["code"], digits.fillna(0), strict=True)
            ],
            index=frame.index,
        )
    )
    problems += problems_where(
        frame, bad_code, "import.bad_code", "code", params={"digits": digits}
    )
    loc = s.localities
    stored = dict(connection.execute(sa.select(loc.c.code, loc.c.level)).all())
    levels = {**stored, **dict(zip(frame["code"], frame["level"], strict=True))}
    parent_level = frame["parent_code"].map(levels)
    expected = frame["level"] - 1
    wrong = frame["level"].notna() & ~(
        ((frame["level"] == 0) & (frame["parent_code"] == "")) | (parent_level == expected)
    )
    problems += problems_where(frame, wrong, "import.bad_parent", "parent_code")

    def write(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
        for level in sorted(frame["level"].dropna().unique()):
            ids = _code_ids(connection, loc)
            rows = [
                {
                    "code": r.code,
                    "name": normalize_name(str(r.name)),
                    "name_folded": fold_text(str(r.name)),
                    "kind": r.kind,
                    "level": int(level),
                    "parent_id": ids.get(r.parent_code),
                }
                for r in frame[frame["level"] == level].itertuples()
            ]
            upsert_rows(connection, loc, batch_id, rows, ("code",), counts)

    return Plan(sort_problems(problems), frame.drop(columns="level"), write)


def validate_populations(
    connection: sa.Connection, frame: pd.DataFrame, *, today: date | None = None
) -> Plan:
    """Commune, target group, date and a whole, non-negative count per row."""
    today = today or date.today()
    frame = frame.assign(
        commune_code=_text(frame, "commune_code"),
        target_group_code=_text(frame, "target_group_code"),
    )
    localities = _code_ids(connection, s.localities)
    groups = _code_ids(connection, s.target_groups)
    problems = _missing(frame, h.POPULATION_REQUIRED)
    problems += _unknown(frame, "commune_code", set(localities), "localities")
    problems += _unknown(frame, "target_group_code", set(groups), "target_groups")
    dates, bad = parse_dates(frame["as_of"])
    problems += problems_where(frame, bad, "import.bad_date", "as_of")
    future = dates.map(lambda d: d is not None and not pd.isna(d) and d > today)
    problems += problems_where(
        frame, future, "import.future_date", "as_of", params={"today": today}
    )
    values, number_problems = _numbers(frame, "population")
    problems += number_problems
    problems += problems_where(
        frame, values.notna() & (values % 1 != 0), "import.not_whole", "population"
    )
    frame = frame.assign(as_of=dates.map(lambda d: d.isoformat() if d else ""), population=values)

    def write(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
        rows = [
            {
                "locality_id": localities[r.commune_code],
                "target_group_id": groups[r.target_group_code],
                "as_of": date.fromisoformat(r.as_of),
                "population": float(r.population),
            }
            for r in frame.itertuples()
        ]
        key = ("locality_id", "target_group_id", "as_of")
        upsert_rows(connection, s.populations, batch_id, rows, key, counts)

    return Plan(sort_problems(problems), frame, write)


def validate_indicators(connection: sa.Connection, frame: pd.DataFrame) -> Plan:
    """Indicators (one per code, first row wins) and their province-wide target per stage."""
    text_columns = (
        "code",
        "unit",
        "direction",
        "agency_code",
        "task_group_code",
        "target_group_code",
        "stage_code",
    )
    frame = frame.assign(**{c: _text(frame, c) for c in text_columns})
    frame["code"] = frame["code"].str.upper()
    frame["unit"] = frame["unit"].str.lower()
    frame["direction"] = frame["direction"].str.lower().replace("", "higher")
    catalogues = {
        "agency_code": ("agencies", _code_ids(connection, s.agencies)),
        "task_group_code": ("task_groups", _code_ids(connection, s.task_groups)),
        "target_group_code": ("target_groups", _code_ids(connection, s.target_groups)),
        "stage_code": ("stages", _code_ids(connection, s.stages)),
    }
    problems = _missing(frame, h.INDICATOR_REQUIRED)
    for column, (name, ids) in catalogues.items():
        problems += _unknown(frame, column, set(ids), name)
    for column, choices in (("unit", UNITS), ("direction", DIRECTIONS)):
        bad = (frame[column] != "") & ~frame[column].isin(choices)
        problems += problems_where(
            frame, bad, "import.bad_choice", column, params={"choices": ", ".join(choices)}
        )
    numbers: dict[str, pd.Series] = {}
    for column in ("baseline", "target", "sort_order"):
        numbers[column], found = _numbers(frame, column)
        problems += found
    frame = frame.assign(
        baseline=numbers["baseline"],
        target=numbers["target"],
        sort_order=numbers["sort_order"].fillna(0),
    )

    def write(connection: sa.Connection, batch_id: int, counts: Counts) -> None:
        ids = {name: table for name, table in catalogues.items()}
        first = frame.drop_duplicates("code")
        rows: list[dict[str, Any]] = []
        for r in first.itertuples():
            rows.append(
                {
                    "code": r.code,
                    "name_vi": normalize_name(str(r.name_vi)),
                    "name_en": normalize_name(str(r.name_en)),
                    "unit": r.unit,
                    "direction": r.direction,
                    "agency_id": ids["agency_code"][1][r.agency_code],
                    "task_group_id": ids["task_group_code"][1][r.task_group_code],
                    "target_group_id": ids["target_group_code"][1].get(r.target_group_code),
                    "sort_order": int(r.sort_order),
                }
            )
        indicator_ids = upsert_rows(connection, s.indicators, batch_id, rows, ("code",), counts)
        targets = [
            {
                "indicator_id": indicator_ids[(r.code,)],
                "stage_id": ids["stage_code"][1][r.stage_code],
                "locality_id": None,
                "baseline": float(r.baseline),
                "target": float(r.target),
            }
            for r in frame.itertuples()
        ]
        key = ("indicator_id", "stage_id", "locality_id")
        upsert_rows(connection, s.targets, batch_id, targets, key, counts)

    return Plan(sort_problems(problems), frame, write)


def import_localities(
    engine: sa.Engine, data: bytes, file_name: str, **options: Any
) -> ImportOutcome:
    """Import a commune register file (code, name, kind, parent code)."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="localities",
        spec=h.LOCALITY_COLUMNS,
        required=h.LOCALITY_REQUIRED,
        validate=validate_localities,
        **options,
    )


def import_populations(
    engine: sa.Engine, data: bytes, file_name: str, *, today: date | None = None, **options: Any
) -> ImportOutcome:
    """Import target-group populations (commune, group, as-of, count)."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="populations",
        spec=h.POPULATION_COLUMNS,
        required=h.POPULATION_REQUIRED,
        validate=lambda c, f: validate_populations(c, f, today=today),
        **options,
    )


def import_indicators(
    engine: sa.Engine, data: bytes, file_name: str, **options: Any
) -> ImportOutcome:
    """Import indicators with their province-wide baseline and target per stage."""
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
