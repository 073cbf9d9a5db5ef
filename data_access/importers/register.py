"""Validate and import the commune register and the target-group populations.

Indicators and targets live in data_access.importers.indicators; they are re-exported here
for the pages that import them from this module.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pandas as pd
import sqlalchemy as sa

from campaign.text import fold_text, normalize_name
from data_access import schema as s
from data_access.importers import headers as h
from data_access.importers.batches import ImportOutcome
from data_access.importers.cells import check_lengths, column_limits
from data_access.importers.indicators import import_indicators, import_targets
from data_access.importers.problems import problems_where, sort_problems
from data_access.importers.upserts import Counts, Plan, import_catalogue_file, upsert_rows
from data_access.importers.validation import (
    code_ids,
    dates,
    missing,
    numbers,
    text_column,
    unknown,
    whole_numbers,
)
from data_access.seed import KIND_LEVELS

__all__ = ["import_indicators", "import_localities", "import_populations", "import_targets"]

# Digits of an official code at each level: province 2, commune 5, village 8 (commune + 3).
CODE_DIGITS = {s.LEVEL_PROVINCE: 2, s.LEVEL_COMMUNE: 5, s.LEVEL_VILLAGE: 8}
# A phone number as people write it: digits, an optional leading +, spaces, dots, dashes and
# brackets between them (at least 6 digits' worth, so a stray cell is not taken for one).
PHONE = re.compile(r"^\+?[0-9][0-9 .\-()]{5,31}$")
# An e-mail address: something@domain.tld, without spaces (the mail server checks the rest).
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _focal_problems(frame: pd.DataFrame, present: list[str]) -> list:
    problems = check_lengths(frame, column_limits(s.localities, {c: c for c in present}))
    for column, pattern, key in (
        ("focal_phone", PHONE, "import.bad_phone"),
        ("focal_email", EMAIL, "import.bad_email"),
    ):
        if column in present:
            bad = frame[column].map(lambda v, p=pattern: v != "" and not p.match(v))
            problems += problems_where(frame, bad, key, column)
    return problems


def _cell_text(value: object) -> str:
    """A cell as text; a whole number read from a spreadsheet loses its ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def validate_localities(connection: sa.Connection, frame: pd.DataFrame) -> Plan:
    """Codes, kinds and parents of a register file (parents before children not required)."""
    frame = frame.assign(
        code=text_column(frame, "code"),
        parent_code=text_column(frame, "parent_code"),
        kind=text_column(frame, "kind").str.lower(),
    )
    # Focal-point columns are written only when the file has them (else stored ones stay).
    present = [c for c in h.LOCALITY_FOCAL if c in frame.attrs.get("headers", {})]
    frame = frame.assign(**{c: frame[c].map(_cell_text) for c in present})
    problems = missing(frame, ("code", "name", "kind"))
    problems += _focal_problems(frame, present)
    problems += check_lengths(frame, column_limits(s.localities, {"name": "name", "code": "code"}))
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
        ids = code_ids(connection, loc)
        for level in sorted(frame["level"].dropna().unique()):
            rows = [
                {
                    "code": r.code,
                    "name": normalize_name(str(r.name)),
                    "name_folded": fold_text(str(r.name)),
                    "kind": r.kind,
                    "level": int(level),
                    "parent_id": ids.get(r.parent_code),
                    **{c: getattr(r, c) or None for c in present},
                }
                for r in frame[frame["level"] == level].itertuples()
            ]
            written = upsert_rows(connection, loc, batch_id, rows, ("code",), counts)
            ids.update({key[0]: row_id for key, row_id in written.items()})

    return Plan(sort_problems(problems), frame.drop(columns="level"), write)


def validate_populations(
    connection: sa.Connection, frame: pd.DataFrame, *, today: date | None = None
) -> Plan:
    """Commune, target group, date and a whole, non-negative count per row."""
    today = today or date.today()
    frame = frame.assign(
        commune_code=text_column(frame, "commune_code"),
        target_group_code=text_column(frame, "target_group_code"),
    )
    localities = code_ids(connection, s.localities)
    groups = code_ids(connection, s.target_groups)
    problems = missing(frame, h.POPULATION_REQUIRED)
    problems += unknown(frame, "commune_code", set(localities), "localities")
    problems += unknown(frame, "target_group_code", set(groups), "target_groups")
    as_of, date_problems = dates(frame, "as_of", today=today)
    problems += date_problems
    values, number_problems = numbers(frame, "population")
    problems += number_problems + whole_numbers(frame, "population", values)
    frame = frame.assign(
        as_of=as_of.map(lambda d: d.isoformat() if isinstance(d, date) else ""),
        population=values,
    )

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
    """Import target-group populations (commune, group, as-of, count); rows whose count is
    left empty are skipped and counted."""
    return import_catalogue_file(
        engine,
        data,
        file_name,
        kind="populations",
        spec=h.POPULATION_COLUMNS,
        required=h.POPULATION_REQUIRED,
        validate=lambda c, f: validate_populations(c, f, today=today),
        value_columns=("population",),
        **options,
    )
