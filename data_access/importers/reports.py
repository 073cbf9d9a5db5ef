"""Validate a report file against the database, vectorised with pandas: errors and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.importers import lookups
from data_access.importers.cells import check_cells, skip_unfilled
from data_access.importers.headers import REPORT_COLUMNS, REPORT_REQUIRED, map_headers
from data_access.importers.parsing import blank_mask, parse_numbers
from data_access.importers.problems import (
    ERROR,
    WARNING,
    Problem,
    display_value,
    problems_where,
    sort_problems,
    without_repeats,
)
from data_access.importers.report_rules import (
    basis_populations,
    check_decimals,
    check_plausible,
    check_stages,
)
from data_access.importers.validation import dates

# A denominator this far (relative) from the registered population of the indicator's target
# group is probably a typo or an outdated population: warn, as the committee divides by it.
POPULATION_TOLERANCE = 0.20
KEY = ["locality_id", "indicator_id", "as_of"]
# Cells of a report row that carry its figures; a template row with none filled is skipped.
VALUE_COLUMNS = ("numerator", "denominator", "note")


@dataclass
class ReportCheck:
    """Valid rows (ids resolved) and every problem found."""

    rows: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    stored: pd.DataFrame | None = None
    skipped: int = 0

    @property
    def errors(self) -> list[Problem]:
        """Problems that reject the file."""
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems that need a confirmation."""
        return [p for p in self.problems if p.severity == WARNING]


def _codes(values: pd.Series) -> pd.Series:
    return values.map(display_value).str.strip()


def _check_values(frame: pd.DataFrame, populations: pd.DataFrame) -> list[Problem]:
    problems: list[Problem] = []
    numerator, bad = parse_numbers(frame["numerator"])
    problems += problems_where(frame, blank_mask(frame["numerator"]), "import.missing", "numerator")
    for key in ("import.not_a_number", "import.ambiguous_number"):
        problems += problems_where(frame, bad == key, key, "numerator")
    problems += problems_where(frame, numerator < 0, "import.negative", "numerator")
    denominator, bad_den = parse_numbers(frame["denominator"])
    percent = frame["unit"] == "percent"
    count = frame["unit"] == "count"
    blank_den = blank_mask(frame["denominator"])
    problems += problems_where(frame, percent & blank_den, "import.missing", "denominator")
    for key in ("import.not_a_number", "import.ambiguous_number"):
        problems += problems_where(frame, percent & (bad_den == key), key, "denominator")
    problems += problems_where(frame, percent & (denominator < 0), "import.negative", "denominator")
    problems += problems_where(
        frame, count & ~blank_den, "import.denominator_for_count", "denominator"
    )
    above = percent & (numerator > denominator)
    problems += problems_where(
        frame,
        above,
        "import.numerator_above_denominator",
        "numerator",
        params={"denominator": frame["denominator"].map(display_value)},
    )
    basis = basis_populations(frame, populations)
    for column, values in (("numerator", numerator), ("denominator", denominator.where(percent))):
        problems += check_decimals(frame, column, values)
        problems += check_plausible(frame, column, values, basis)
    frame["numerator_value"] = numerator
    frame["denominator_value"] = denominator.where(percent)
    return problems


def _check_duplicates(frame: pd.DataFrame) -> list[Problem]:
    keyed = frame.dropna(subset=["locality_id", "indicator_id", "as_of"])
    first_row = keyed.groupby(KEY)["row"].transform("min")
    repeated = keyed["row"] != first_row
    mask = pd.Series(False, index=frame.index)
    mask[repeated[repeated].index] = True
    params = {"first": first_row.reindex(frame.index).fillna(0).astype(int)}
    return problems_where(frame, mask, "import.duplicate_row", "as_of", params=params)


def _check_decreases(rows: pd.DataFrame, stored: pd.DataFrame, label: str) -> list[Problem]:
    """Warn where a cumulative value falls below the pair's previous value (file or stored)."""
    replaced = stored.merge(rows[KEY], on=KEY, how="left", indicator=True)
    kept = replaced.loc[replaced["_merge"] == "left_only", [*KEY, "numerator"]]
    file_part = rows[[*KEY, "numerator", "row"]]
    combined = pd.concat([kept.assign(row=pd.NA), file_part], ignore_index=True)
    combined = combined.sort_values(["locality_id", "indicator_id", "as_of"], kind="stable")
    grouped = combined.groupby(["locality_id", "indicator_id"], sort=False)
    combined["previous"] = grouped["numerator"].shift()
    combined["previous_date"] = grouped["as_of"].shift()
    falls = combined[combined["row"].notna() & (combined["numerator"] < combined["previous"])]
    return [
        Problem(
            "import.decrease",
            WARNING,
            int(item.row),
            label,
            display_value(item.numerator),
            {"previous": display_value(item.previous), "date": item.previous_date},
        )
        for item in falls.itertuples()
    ]


def _check_populations(rows: pd.DataFrame, populations: pd.DataFrame, label: str) -> list[Problem]:
    keyed = rows.dropna(subset=["denominator", "target_group_id"])
    joined = keyed.merge(populations, on=["locality_id", "target_group_id"], how="inner")
    gap = (joined["denominator"] - joined["population"]).abs()
    far = joined[gap > POPULATION_TOLERANCE * joined["population"]]
    return [
        Problem(
            "import.far_from_population",
            WARNING,
            int(item.row),
            label,
            display_value(item.denominator),
            {"population": display_value(item.population)},
        )
        for item in far.itertuples()
    ]


def check_reports(
    connection: sa.Connection,
    raw: pd.DataFrame,
    *,
    stage_code: str | None = None,
    today: date | None = None,
) -> ReportCheck:
    """Validate the cells of a report file; `rows` holds the rows that have no error."""
    today = today or date.today()
    frame, problems = map_headers(raw, REPORT_COLUMNS, REPORT_REQUIRED)
    if problems:
        return ReportCheck(rows=pd.DataFrame(), problems=problems)
    cell_problems = check_cells(frame, REPORT_COLUMNS)
    frame, skipped = skip_unfilled(frame, VALUE_COLUMNS)
    frame = frame.copy()
    frame["commune_code"] = _codes(frame["commune_code"])
    frame["indicator_code"] = _codes(frame["indicator_code"]).str.upper()
    localities = lookups.fetch_locality_codes(connection).set_index("code")
    indicators = lookups.fetch_indicator_codes(connection).set_index("code")
    for column in ("locality_id", "province_id", "province_code"):
        frame[column] = frame["commune_code"].map(localities[column])
    for column in ("indicator_id", "unit", "target_group_id", "decimals"):
        frame[column] = frame["indicator_code"].map(indicators[column])
    for column, id_column, key in (
        ("commune_code", "locality_id", "import.unknown_commune"),
        ("indicator_code", "indicator_id", "import.unknown_indicator"),
    ):
        blank = blank_mask(frame[column])
        problems += problems_where(frame, blank, "import.missing", column)
        problems += problems_where(frame, ~blank & frame[id_column].isna(), key, column)
    problems += problems_where(frame, blank_mask(frame["as_of"]), "import.missing", "as_of")
    frame["as_of"], date_problems = dates(frame, "as_of", today=today)
    problems += date_problems
    future = frame["as_of"].map(lambda d: isinstance(d, date) and d > today)
    frame.loc[future, "as_of"] = None
    problems += check_stages(frame, lookups.fetch_stage_spans(connection), stage_code)
    populations = lookups.fetch_latest_populations(connection)
    problems += _check_values(frame, populations)
    problems += _check_duplicates(frame)
    problems = without_repeats(cell_problems, problems)
    bad_rows = {p.row for p in problems}
    rows = frame.loc[~frame["row"].isin(bad_rows)].copy()
    rows = pd.DataFrame(
        {
            "row": rows["row"].astype(int),
            "commune_code": rows["commune_code"],
            "indicator_code": rows["indicator_code"],
            "locality_id": rows["locality_id"].astype("Int64"),
            "indicator_id": rows["indicator_id"].astype("Int64"),
            "target_group_id": rows["target_group_id"],
            "as_of": rows["as_of"],
            "numerator": rows["numerator_value"].astype(float),
            "denominator": rows["denominator_value"].astype(float),
            "note": rows["note"].map(display_value).replace("", None),
        }
    )
    check = ReportCheck(rows=rows, problems=problems, skipped=skipped)
    if not rows.empty:
        check.stored = lookups.fetch_stored_reports(
            connection,
            locality_ids=sorted(int(i) for i in rows["locality_id"].unique()),
            indicator_ids=sorted(int(i) for i in rows["indicator_id"].unique()),
            first=min(rows["as_of"]),
            last=max(rows["as_of"]),
        )
        for column in ("locality_id", "indicator_id"):
            rows[column] = rows[column].astype(int)
            check.stored[column] = check.stored[column].astype(int)
        headers = frame.attrs.get("headers", {})
        check.problems += _check_decreases(
            rows, check.stored, headers.get("numerator", "numerator")
        )
        check.problems += _check_populations(
            rows, populations, headers.get("denominator", "denominator")
        )
    check.problems = sort_problems(check.problems)
    return check
