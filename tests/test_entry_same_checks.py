"""The entry form and the file import give the same message for the same bad value.

Table-driven over every problem the report import can find in a row; the few that a form
cannot produce (it offers only the stage's indicators of the officer's commune, a period's
date, and typed text) are listed with the reason, and a test keeps the two lists complete.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.entry.checks import check_entries
from data_access.entry.status import EntryValue
from data_access.importers.writing import import_reports
from data_access.settings import PROJECT_ROOT

OPERATOR = Actor(name="cli:tests")
TODAY = date(2026, 11, 20)
AS_OF = date(2026, 11, 18)
STAGE = "GD2-2026"
# CT01 is a ratio (officials, population 600 in 40001); CT07 a count, given 1 decimal here.
CASES = [
    ("import.missing", "CT01", AS_OF, "", "600", "chưa có số"),
    ("import.not_a_number", "CT01", AS_OF, "năm trăm", "600", ""),
    ("import.ambiguous_number", "CT01", AS_OF, "1,234", "2000", ""),
    ("import.negative", "CT01", AS_OF, "-5", "600", ""),
    ("import.denominator_for_count", "CT07", AS_OF, "5", "10", ""),
    ("import.numerator_above_denominator", "CT01", AS_OF, "700", "600", ""),
    ("import.not_whole", "CT01", AS_OF, "590,5", "600", ""),
    ("import.too_many_decimals", "CT07", AS_OF, "5,25", "", ""),
    ("import.implausible_count", "CT07", AS_OF, "99999999", "", ""),
    ("import.control_character", "CT01", AS_OF, "590", "600", "ghi\x07chú"),
    ("import.future_date", "CT01", date(2026, 11, 25), "590", "600", ""),
    ("import.outside_stage", "CT01", date(2025, 12, 31), "590", "600", ""),
    ("import.date_out_of_range", "CT01", date(1999, 1, 1), "590", "600", ""),
    ("import.decrease", "CT01", AS_OF, "1", "600", ""),
    ("import.far_from_population", "CT01", AS_OF, "590", "2000", ""),
]
# Problems of a file that a form cannot have, and why.
FILE_ONLY = {
    "import.unknown_code": "the stage is chosen from a list",
    "import.unknown_commune": "the commune is chosen among the officer's own",
    "import.unknown_indicator": "the form lists the stage's indicators",
    "import.not_in_stage": "the form lists the stage's indicators",
    "import.no_campaign": "the commune is one of the stage's province",
    "import.outside_province": "the commune is one of the stage's province",
    "import.no_stage": "the stage is named, so each date is checked against it",
    "import.duplicate_row": "one field per indicator",
    "import.bad_date": "the period is a date, never typed",
    "import.formula_without_value": "spreadsheet cells only",
    "import.bad_cell": "spreadsheet cells only",
    "import.not_finite": "spreadsheet number cells only",
    "import.too_long": "not a report check (register names)",
}
CHECKER_SOURCES = ("reports.py", "report_rules.py", "validation.py", "cells.py", "parsing.py")


@pytest.fixture(scope="module")
def engine(database_factory, demo_data):
    """The demo province with indicator CT07 counting in tenths."""
    engine = database_factory.new_seeded_engine(demo_data)
    with engine.begin() as connection:
        connection.execute(
            s.indicators.update().where(s.indicators.c.code == "CT07").values(decimals=1)
        )
    yield engine
    engine.dispose()


def _file(indicator: str, as_of: date, numerator: str, denominator: str, note: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["commune_code", "indicator_code", "as_of", "numerator", "denominator", "note"])
    writer.writerow(["40001", indicator, as_of.isoformat(), numerator, denominator, note])
    return out.getvalue().encode("utf-8")


def _said(problems) -> list[tuple[str, str, str, str]]:
    return sorted((p.key, p.severity, p.message("vi"), p.message("en")) for p in problems)


@pytest.mark.parametrize("key, indicator, as_of, numerator, denominator, note", CASES)
def test_the_form_and_the_file_say_the_same(
    engine, key, indicator, as_of, numerator, denominator, note
):
    data = _file(indicator, as_of, numerator, denominator, note)
    imported = import_reports(
        engine, data, "r.csv", actor=OPERATOR, dry_run=True, stage_code=STAGE, today=TODAY
    )
    with engine.connect() as connection:
        by_indicator, other = check_entries(
            connection,
            commune_code="40001",
            as_of=as_of,
            values=[EntryValue(indicator, numerator, denominator, note)],
            stage_code=STAGE,
            today=TODAY,
        )
    entered = by_indicator.get(indicator, [])
    assert key in {p.key for p in entered}
    assert other == []
    assert _said(entered) == _said(imported.problems)


def test_every_problem_of_a_report_row_is_covered():
    sources = "".join(
        (PROJECT_ROOT / "data_access" / "importers" / name).read_text(encoding="utf-8")
        for name in CHECKER_SOURCES
    )
    found = set(re.findall(r'"(import\.[a-z_]+)"', sources))
    assert found == {case[0] for case in CASES} | set(FILE_ONLY)


def test_a_count_field_left_empty_is_no_problem(engine):
    with engine.connect() as connection:
        by_indicator, _ = check_entries(
            connection,
            commune_code="40001",
            as_of=AS_OF,
            values=[EntryValue("CT07", "12", "", ""), EntryValue("CT02", "", "", "")],
            stage_code=STAGE,
            today=TODAY,
        )
    assert [p for ps in by_indicator.values() for p in ps if p.severity == "error"] == []
