"""Report import on SQLite and PostgreSQL: every class of bad input, formats, re-import,
replacement and rollback."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.accounts.actors import Actor
from data_access.importers.batches import fetch_batches
from data_access.importers.register import import_localities
from data_access.importers.rollback import RollbackRefused, rollback_batch
from data_access.importers.writing import import_reports
from tests.import_helpers import (
    csv_bytes,
    follow_up_rows,
    frame_csv,
    frame_xlsx,
    snapshot,
    stored_value,
    table_snapshot,
)

pytestmark = pytest.mark.xdist_group("import-reports")

TODAY = date(2026, 11, 22)
LOCALITY_HEADER = "code,name,kind,parent_code"


@pytest.fixture(scope="module")
def shared_engine(database_factory, demo_data):
    """A seeded database the rejection tests share: a rejected import writes nothing."""
    return database_factory.new_seeded_engine(demo_data)


BAD_INPUT = [
    # (lines, options, key, row, column, value)
    (["99999,CT01,2026-11-09,10,597,"], {}, "import.unknown_commune", 2, "commune_code", "99999"),
    (
        ["40001,CT99,2026-11-09,10,597,"],
        {},
        "import.unknown_indicator",
        2,
        "indicator_code",
        "CT99",
    ),
    (["40001,CT01,2026-11-09,,597,"], {}, "import.missing", 2, "numerator", ""),
    (["40001,CT01,2026-11-09,10,,"], {}, "import.missing", 2, "denominator", ""),
    (["40001,CT01,,10,597,"], {}, "import.missing", 2, "as_of", ""),
    (["40001,CT01,2026-11-09,mười,597,"], {}, "import.not_a_number", 2, "numerator", "mười"),
    (
        ['40001,CT01,2026-11-09,"1,234",2000,'],
        {},
        "import.ambiguous_number",
        2,
        "numerator",
        "1,234",
    ),
    (["40001,CT01,2026-11-09,-5,597,"], {}, "import.negative", 2, "numerator", "-5"),
    (
        ["40001,CT01,2026-11-09,600,597,"],
        {},
        "import.numerator_above_denominator",
        2,
        "numerator",
        "600",
    ),
    (["40001,CT07,2026-11-09,10,20,"], {}, "import.denominator_for_count", 2, "denominator", "20"),
    (["40001,CT01,2026-13-09,10,597,"], {}, "import.bad_date", 2, "as_of", "2026-13-09"),
    (["40001,CT01,2025-06-30,10,597,"], {}, "import.no_stage", 2, "as_of", "2025-06-30"),
    (
        ["40001,CT01,2026-11-09,10,597,"],
        {"stage_code": "GD1-2025"},
        "import.outside_stage",
        2,
        "as_of",
        "2026-11-09",
    ),
    (
        ["40001,CT01,2026-11-16,10,597,"],
        {"today": date(2026, 11, 10)},
        "import.future_date",
        2,
        "as_of",
        "2026-11-16",
    ),
    (
        [
            "40001,CT01,2026-11-17,500,597,",
            "40002,CT01,2026-11-17,1,9,",
            "40001,CT01,17/11/2026,500,597,",
        ],
        {},
        "import.duplicate_row",
        4,
        "as_of",
        "2026-11-17",
    ),
    (["40001,CT01,2026-11-09,10.5,597,"], {}, "import.not_whole", 2, "numerator", "10.5"),
    (["40001,CT07,2026-11-09,12.5,,"], {}, "import.not_whole", 2, "numerator", "12.5"),
    (
        ["40001,CT01,2026-11-09,10,100000,"],
        {},
        "import.implausible_count",
        2,
        "denominator",
        "100000",
    ),
    (
        ["40001,CT07,2026-11-09,3000000,,"],
        {},
        "import.implausible_count",
        2,
        "numerator",
        "3000000",
    ),
    (["40001,CT01,1900-01-01,10,597,"], {}, "import.date_out_of_range", 2, "as_of", "1900-01-01"),
    (["40001,CT01,9999-12-31,10,597,"], {}, "import.date_out_of_range", 2, "as_of", "9999-12-31"),
    (
        ["40001,CT01,2026-11-09,10,597,ghi\x01chú"],
        {},
        "import.control_character",
        2,
        "note",
        "ghi\ufffdchú",
    ),
    (["40001,CT01,2026-11-09,inf,597,"], {}, "import.not_a_number", 2, "numerator", "inf"),
]


@pytest.mark.parametrize(("lines", "options", "key", "row", "column", "value"), BAD_INPUT)
def test_bad_input_is_rejected_with_row_column_value_and_nothing_changes(
    shared_engine, lines, options, key, row, column, value
):
    before = snapshot(shared_engine)
    options = {"today": TODAY, **options}
    outcome = import_reports(
        shared_engine, csv_bytes(*lines), "bad.csv", actor=Actor(name="t"), **options
    )
    assert outcome.status == "rejected"
    problem = next(p for p in outcome.errors if p.key == key)
    assert (problem.row, problem.column, problem.value) == (row, column, value)
    text = problem.bilingual()
    vietnamese, english = text.split(" / ", 1)
    assert f"Dòng {row}" in vietnamese and f"Row {row}" in english
    assert f"«{value}»" in vietnamese and f"«{value}»" in english
    assert snapshot(shared_engine) == before


def test_a_date_between_two_stages_is_accepted(shared_engine, demo_data):
    reports = demo_data.reports
    monday = reports[
        (reports["locality_code"] == "40001")
        & (reports["indicator_code"] == "CT01")
        & (reports["as_of"] == "2025-12-01")
    ].iloc[0]
    line = f"40001,CT01,2025-12-02,{monday['numerator']},{monday['denominator']},"
    outcome = import_reports(
        shared_engine, csv_bytes(line), "gap.csv", actor=Actor(name="t"), dry_run=True
    )
    assert outcome.status == "dry_run" and outcome.added == 1, outcome.problems


@pytest.fixture
def two_provinces(seeded_copy):
    """The demo database plus a second province (no campaign) with one commune."""
    register = csv_bytes("98,Tỉnh Khác,tinh,", "98001,Xã Khác,xa,98", header=LOCALITY_HEADER)
    assert (
        import_localities(seeded_copy, register, "dm.csv", actor=Actor(name="t")).status
        == "committed"
    )
    return seeded_copy


@pytest.mark.parametrize(
    ("options", "key"),
    [({}, "import.no_campaign"), ({"stage_code": "GD2-2026"}, "import.outside_province")],
)
def test_a_commune_outside_the_campaign_province_is_refused(two_provinces, options, key):
    before = snapshot(two_provinces)
    data = csv_bytes("98001,CT01,2026-11-09,10,597,")
    outcome = import_reports(
        two_provinces, data, "x.csv", actor=Actor(name="t"), today=TODAY, **options
    )
    assert outcome.status == "rejected" and outcome.errors[0].key == key
    assert "98" in outcome.errors[0].bilingual()
    assert snapshot(two_provinces) == before


def test_rollback_restores_empty_notes_and_denominators_exactly(seeded_copy, demo_data):
    reports = demo_data.reports
    noted = reports[(reports["note"] != "") & (reports["locality_code"].str.len() == 5)].iloc[-1]
    same_day = reports[(reports["as_of"] == noted["as_of"]) & (reports["note"] == "")]
    count_row = same_day[same_day["denominator"] == ""].iloc[0]
    percent_row = same_day[same_day["denominator"] != ""].iloc[0]
    lines = [
        f"{r['locality_code']},{r['indicator_code']},{r['as_of']},{r['numerator']},"
        f"{r['denominator']},sửa {i}"
        for i, r in enumerate([noted, count_row, percent_row])
    ]
    before = table_snapshot(seeded_copy)
    outcome = import_reports(
        seeded_copy, csv_bytes(*lines), "notes.csv", actor=Actor(name="t"), today=TODAY
    )
    assert outcome.status == "committed" and outcome.replaced == 3
    rollback_batch(seeded_copy, outcome.batch_id, actor=Actor(name="t"))
    assert table_snapshot(seeded_copy)["reports"] == before["reports"]


def test_every_problem_of_a_file_is_listed_by_row(shared_engine):
    lines = ["99999,CT01,2026-11-09,10,597,", "40001,CT99,2026-11-09,1,2,", "40001,CT01,x,1,2,"]
    outcome = import_reports(
        shared_engine, csv_bytes(*lines), "bad.csv", actor=Actor(name="t"), today=TODAY
    )
    assert [p.row for p in outcome.errors] == [2, 3, 4]


def test_unknown_stage_and_missing_columns_are_rejected(shared_engine):
    before = snapshot(shared_engine)
    unknown = import_reports(
        shared_engine,
        csv_bytes("40001,CT01,2026-11-09,1,597,"),
        "a.csv",
        actor=Actor(name="t"),
        stage_code="X",
    )
    assert unknown.status == "rejected" and unknown.errors[0].key == "import.unknown_code"
    missing = import_reports(
        shared_engine, b"ma_xa,ngay\n40001,2026-11-09\n", "b.csv", actor=Actor(name="t")
    )
    assert {p.params["column"] for p in missing.errors} == {"indicator_code", "numerator"}
    assert snapshot(shared_engine) == before


def test_decrease_needs_confirmation_then_imports(seeded_copy):
    data = csv_bytes("40001,CT01,2026-11-17,1,597,")
    before = snapshot(seeded_copy)
    outcome = import_reports(seeded_copy, data, "low.csv", actor=Actor(name="t"), today=TODAY)
    assert outcome.status == "needs_confirmation"
    warning = outcome.warnings[0]
    assert warning.key == "import.decrease" and warning.row == 2 and warning.value == "1"
    assert "2026-11-16" in warning.bilingual()
    assert snapshot(seeded_copy) == before
    confirmed = import_reports(
        seeded_copy, data, "low.csv", actor=Actor(name="t"), today=TODAY, allow_decrease=True
    )
    assert confirmed.status == "committed" and confirmed.added == 1
    assert stored_value(seeded_copy, "40001", "CT01", "2026-11-17")[0] == 1


def test_denominator_far_from_population_warns_but_imports(seeded_copy, demo_data):
    outcome = import_reports(
        seeded_copy,
        csv_bytes("40001,CT01,2026-11-17,597,5000,"),
        "f.csv",
        actor=Actor(name="t"),
        today=TODAY,
    )
    assert outcome.status == "committed"
    warning = outcome.warnings[0]
    assert warning.key == "import.far_from_population" and warning.value == "5000"
    pops = demo_data.populations
    mine = pops[(pops["locality_code"] == "40001") & (pops["target_group_code"] == "CBCCVC")]
    latest = mine.sort_values("as_of")["population"].iloc[-1]
    assert f"({latest})" in warning.bilingual()


@pytest.mark.parametrize("fmt", ["bom_csv", "semicolon_csv", "xlsx"])
def test_formats_with_vietnamese_headers_import(seeded_copy, demo_data, fmt):
    rows = follow_up_rows(demo_data.reports, "18/11/2026", bump=1)
    vietnamese = rows.rename(
        columns={
            "commune_code": "Mã xã",
            "indicator_code": "Mã chỉ tiêu",
            "as_of": "Ngày",
            "numerator": "Tử số",
            "denominator": "Mẫu số",
            "note": "Ghi chú",
        }
    )
    vietnamese.insert(1, "Tên xã", "tên không được tin thay mã")
    if fmt == "bom_csv":
        data = frame_csv(vietnamese, bom=True)
    elif fmt == "semicolon_csv":
        data = frame_csv(vietnamese, sep=";")
    else:
        data = frame_xlsx(vietnamese.assign(**{"Tử số": vietnamese["Tử số"].astype(int)}))
    outcome = import_reports(seeded_copy, data, f"file.{fmt}", actor=Actor(name="t"), today=TODAY)
    assert outcome.status == "committed", [p.bilingual() for p in outcome.problems[:3]]
    assert outcome.added == len(rows)
    first = rows.iloc[0]
    value = stored_value(seeded_copy, first["commune_code"], first["indicator_code"], "2026-11-18")
    assert value[0] == float(first["numerator"])


def test_same_content_reimport_changes_nothing_even_as_xlsx(seeded_copy, demo_data):
    rows = follow_up_rows(demo_data.reports, "2026-11-18")
    first = import_reports(
        seeded_copy, frame_csv(rows), "a.csv", actor=Actor(name="t"), today=TODAY
    )
    assert first.status == "committed"
    before = snapshot(seeded_copy)
    again = import_reports(
        seeded_copy, frame_csv(rows), "a.csv", actor=Actor(name="t"), today=TODAY
    )
    as_xlsx = import_reports(
        seeded_copy, frame_xlsx(rows), "a.xlsx", actor=Actor(name="t"), today=TODAY
    )
    for outcome in (again, as_xlsx):
        assert outcome.status == "same_file" and outcome.batch_id == first.batch_id
        assert f"#{first.batch_id}" in outcome.summary("vi")
    assert snapshot(seeded_copy) == before


def test_replace_then_rollback_restores_earlier_values(seeded_copy, demo_data):
    seed_value = stored_value(seeded_copy, "40001", "CT01", "2026-11-16")
    rows = follow_up_rows(demo_data.reports, "2026-11-18")
    first = import_reports(
        seeded_copy, frame_csv(rows), "a.csv", actor=Actor(name="an"), today=TODAY
    )
    corrected = rows.copy()
    corrected["numerator"] = (corrected["numerator"].astype(int) + 1).astype(str)
    corrected.loc[corrected["denominator"] != "", "denominator"] = (
        corrected.loc[corrected["denominator"] != "", "denominator"].astype(int) + 1
    ).astype(str)
    monday = pd.DataFrame(
        [
            {
                "commune_code": "40001",
                "indicator_code": "CT01",
                "as_of": "2026-11-16",
                "numerator": str(int(seed_value[0])),
                "denominator": str(int(seed_value[1])),
                "note": "sửa ghi chú",
            }
        ]
    )
    second_file = frame_csv(pd.concat([corrected, monday], ignore_index=True))
    second = import_reports(
        seeded_copy, second_file, "b.csv", actor=Actor(name="binh"), today=TODAY
    )
    assert second.status == "committed"
    assert (second.added, second.replaced) == (0, len(rows) + 1)
    batches = fetch_batches(seeded_copy).set_index("batch_id")
    assert batches.loc[second.batch_id, "rows_replaced"] == len(rows) + 1
    assert batches.loc[second.batch_id, "user_name"] == "binh"
    assert len(batches.loc[second.batch_id, "sha256"]) == 64
    key = (rows.iloc[0]["commune_code"], rows.iloc[0]["indicator_code"])
    assert stored_value(seeded_copy, *key, "2026-11-18")[2] == second.batch_id
    with pytest.raises(RollbackRefused) as refused:
        rollback_batch(seeded_copy, first.batch_id, actor=Actor(name="t"))
    assert refused.value.problem.key == "rollback.later"
    done = rollback_batch(seeded_copy, second.batch_id, actor=Actor(name="t"))
    assert done == {"deleted": 0, "restored": len(rows) + 1}
    restored = stored_value(seeded_copy, *key, "2026-11-18")
    assert restored == (float(rows.iloc[0]["numerator"]), restored[1], first.batch_id)
    assert stored_value(seeded_copy, "40001", "CT01", "2026-11-16") == seed_value
    rollback_batch(seeded_copy, first.batch_id, actor=Actor(name="t"))
    assert stored_value(seeded_copy, *key, "2026-11-18") is None
    statuses = fetch_batches(seeded_copy).set_index("batch_id")["status"]
    assert statuses[first.batch_id] == statuses[second.batch_id] == "rolled_back"
    with pytest.raises(RollbackRefused):
        rollback_batch(seeded_copy, first.batch_id, actor=Actor(name="t"))
    again = import_reports(
        seeded_copy, frame_csv(rows), "a.csv", actor=Actor(name="an"), today=TODAY
    )
    assert again.status == "committed"


def test_dry_run_counts_but_writes_nothing(seeded_copy, demo_data):
    rows = follow_up_rows(demo_data.reports, "2026-11-18")
    before = snapshot(seeded_copy)
    outcome = import_reports(
        seeded_copy, frame_csv(rows), "a.csv", actor=Actor(name="t"), dry_run=True, today=TODAY
    )
    assert outcome.status == "dry_run" and outcome.added == len(rows)
    assert snapshot(seeded_copy) == before
