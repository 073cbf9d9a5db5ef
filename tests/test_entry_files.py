"""A commune officer's uploaded file becomes a submission that waits for approval; a data
officer's import is approved as it is written."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import account_actor
from data_access.entry.history import fetch_value_history
from data_access.entry.queries import fetch_entry_form, fetch_entry_periods
from data_access.entry.workflow import approve
from data_access.importers.writing import import_reports
from data_access.meta import fetch_data_version
from tests.import_helpers import csv_bytes

TODAY = date(2026, 11, 20)
AS_OF = date(2026, 11, 18)
HEADER = "commune_code,indicator_code,as_of,numerator,denominator,note"


def _report(engine, commune: str, indicator: str) -> tuple | None:
    r, loc, ind = s.reports, s.localities, s.indicators
    with engine.connect() as connection:
        return connection.execute(
            sa.select(r.c.numerator, r.c.denominator)
            .join(loc, loc.c.id == r.c.locality_id)
            .join(ind, ind.c.id == r.c.indicator_id)
            .where(loc.c.code == commune, ind.c.code == indicator, r.c.as_of == AS_OF)
        ).first()


def test_an_officers_file_is_submitted_then_approved(seeded_copy):
    engine = seeded_copy
    officer, boss = account_actor(engine, "commune.40001"), account_actor(engine, "data.officer")
    data = csv_bytes("40001,CT01,18/11/2026,590,600,tải lên", header=HEADER)
    preview = import_reports(engine, data, "bc.csv", actor=officer, dry_run=True, today=TODAY)
    assert preview.status == "dry_run", [p.bilingual() for p in preview.problems]
    version = fetch_data_version(engine)

    done = import_reports(engine, data, "bc.csv", actor=officer, today=TODAY)
    assert done.status == "submitted" and done.ok and done.submitted == 1
    assert "submitted for approval" in done.summary("en")
    assert _report(engine, "40001", "CT01") is None  # the dashboards do not show it yet
    assert fetch_data_version(engine) == version
    periods = fetch_entry_periods(engine, actor=boss, stage_code="GD2-2026")
    assert periods.loc[0, ["commune_code", "as_of", "status"]].tolist() == [
        "40001",
        AS_OF,
        "submitted",
    ]
    form = fetch_entry_form(
        engine, actor=officer, commune_code="40001", stage_code="GD2-2026", as_of=AS_OF
    )
    ct01 = form.rows.set_index("indicator_code").loc["CT01"]
    assert (ct01["numerator"], ct01["denominator"], ct01["note"]) == ("590", "600", "tải lên")
    history = fetch_value_history(engine, commune_code="40001", indicator_code="CT01")
    assert history["action"].tolist() == ["entered", "submitted"]

    # Submitted: the officer's second file for the same period is refused, changing nothing.
    again = import_reports(
        engine,
        csv_bytes("40001,CT01,18/11/2026,595,600,", header=HEADER),
        "bc2.csv",
        actor=officer,
        today=TODAY,
    )
    assert again.status == "rejected" and again.errors[0].key == "entry.locked"
    assert "«Submitted»" in again.errors[0].text("en")

    approved = approve(
        engine, actor=boss, commune_code="40001", stage_code="GD2-2026", as_of=AS_OF, today=TODAY
    )
    assert approved.ok and _report(engine, "40001", "CT01") == (590.0, 600.0)


def test_a_data_officers_file_is_written_at_once(seeded_copy):
    engine = seeded_copy
    boss = account_actor(engine, "data.officer")
    data = csv_bytes("40001,CT01,18/11/2026,590,600,", header=HEADER)
    done = import_reports(engine, data, "bc.csv", actor=boss, today=TODAY)
    assert done.status == "committed" and _report(engine, "40001", "CT01") == (590.0, 600.0)
    assert fetch_entry_periods(engine, actor=boss, stage_code="GD2-2026").empty


def test_an_officers_file_for_another_commune_is_refused(seeded_copy):
    engine = seeded_copy
    officer = account_actor(engine, "commune.40001")
    data = csv_bytes("40002,CT01,18/11/2026,590,600,", header=HEADER)
    done = import_reports(engine, data, "bc.csv", actor=officer, today=TODAY)
    assert done.status == "rejected" and done.errors[0].key == "import.not_your_commune"
    boss = account_actor(engine, "data.officer")
    assert fetch_entry_periods(engine, actor=boss, stage_code="GD2-2026").empty
