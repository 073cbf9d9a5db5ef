"""Campaign, agency, task-group, target-group, indicator and target imports, and one-row edits:
validation, re-import as a batch, and exact rollback on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.catalog import fetch_agencies, fetch_stages
from data_access.importers.campaign import import_campaign
from data_access.importers.catalogues import import_agencies, import_target_groups
from data_access.importers.edits import (
    change_stage,
    extend_stage_deadline,
    rename_agency,
    retire_indicator_from_stage,
)
from data_access.importers.indicators import import_indicators, import_targets
from data_access.importers.rollback import rollback_batch
from tests.import_helpers import csv_bytes, table_snapshot

pytestmark = pytest.mark.xdist_group("import-catalogues")

CAMPAIGN_HEADER = (
    "campaign_code,province_code,campaign_name_vi,campaign_name_en,stage_code,stage_name_vi,"
    "stage_name_en,start_date,deadline,period_days"
)
STAGE_1 = "BDHVS-99,99,Chiến dịch,Campaign,GD1-2025,Giai đoạn 1,Stage 1,2025-07-15,2025-10-25,7"
TARGET_HEADER = "indicator_code,stage_code,locality_code,baseline,target"


@pytest.fixture(scope="module")
def shared_engine(database_factory, demo_data):
    """A seeded database the rejection tests share: a rejected import writes nothing."""
    return database_factory.new_seeded_engine(demo_data)


def _stage(engine, code: str) -> dict | None:
    stages = fetch_stages(engine).set_index("stage_code")
    return stages.loc[code].to_dict() if code in stages.index else None


def test_a_stage_is_added_and_a_deadline_moved_by_reimport_each_as_a_batch(
    seeded_copy, seeded_rows
):
    before = seeded_rows
    moved = csv_bytes(
        STAGE_1.replace("2025-10-25", "2025-11-15").replace(",7", ",14"), header=CAMPAIGN_HEADER
    )
    changed = import_campaign(seeded_copy, moved, "campaign.csv", actor=Actor(name="t"))
    assert changed.status == "committed" and changed.replaced == 2  # campaign names, stage
    stage = _stage(seeded_copy, "GD1-2025")
    assert stage["deadline"] == date(2025, 11, 15) and stage["period_days"] == 14
    added = import_campaign(
        seeded_copy,
        csv_bytes(
            "BDHVS-99,99,Chiến dịch,Campaign,GD3-2027,Giai đoạn 3,Stage 3,2027-01-01,2027-12-31,",
            header=CAMPAIGN_HEADER,
        ),
        "stage3.csv",
        actor=Actor(name="t"),
    )
    assert added.status == "committed" and added.added == 1
    assert _stage(seeded_copy, "GD3-2027")["period_days"] == 7
    rollback_batch(seeded_copy, added.batch_id, actor=Actor(name="t"))
    rollback_batch(seeded_copy, changed.batch_id, actor=Actor(name="t"))
    after = table_snapshot(seeded_copy)
    for table in ("campaigns", "stages", "targets", "indicators", "reports"):
        assert after[table] == before[table], table


BAD_CAMPAIGNS = [
    (STAGE_1.replace(",99,", ",40001,"), "import.not_a_province", "province_code"),
    (STAGE_1.replace("2025-10-25", "2025-07-01"), "import.deadline_before_start", "deadline"),
    (STAGE_1.replace(",7", ",0"), "import.not_positive", "period_days"),
    (STAGE_1.replace(",7", ",2.5"), "import.not_whole", "period_days"),
    (STAGE_1.replace("2025-07-15", "1900-01-01"), "import.date_out_of_range", "start_date"),
    (STAGE_1.replace("Stage 1", "S" * 301), "import.too_long", "stage_name_en"),
    (STAGE_1.replace("Giai đoạn 1", "Giai\x07đoạn"), "import.control_character", "stage_name_vi"),
]


@pytest.mark.parametrize(("line", "key", "column"), BAD_CAMPAIGNS)
def test_bad_campaign_rows_are_refused_and_nothing_changes(shared_engine, line, key, column):
    before = table_snapshot(shared_engine)
    outcome = import_campaign(
        shared_engine, csv_bytes(line, header=CAMPAIGN_HEADER), "c.csv", actor=Actor(name="t")
    )
    assert outcome.status == "rejected"
    assert (key, 2, column) in {(p.key, p.row, p.column) for p in outcome.errors}
    assert table_snapshot(shared_engine) == before


def test_stages_of_one_campaign_must_agree_and_appear_once(shared_engine):
    lines = [STAGE_1, STAGE_1, STAGE_1.replace("GD1-2025", "GD9").replace("Chiến dịch", "Khác")]
    outcome = import_campaign(
        shared_engine, csv_bytes(*lines, header=CAMPAIGN_HEADER), "c", actor=Actor(name="t")
    )
    found = {(p.row, p.key) for p in outcome.errors}
    assert {(3, "import.duplicate_row"), (4, "import.conflicting_rows")} <= found


@pytest.mark.parametrize(
    ("importer", "lines", "header", "key", "column"),
    [
        (
            import_agencies,
            ["SKHCN,Sở,Dept", "SKHCN,Sở,Dept"],
            "code,name_vi,name_en",
            "import.duplicate_row",
            "code",
        ),
        (import_agencies, ["SKHCN,,Dept"], "ma,ten,ten_tieng_anh", "import.missing", "ten"),
        (
            import_agencies,
            ["SKHCN," + "S" * 201 + ",Dept"],
            "code,name_vi,name_en",
            "import.too_long",
            "name_vi",
        ),
        (
            import_target_groups,
            ["VNEID,a,b,120,1"],
            "code,name_vi,name_en,goal_pct,sort_order",
            "import.out_of_range",
            "goal_pct",
        ),
        (
            import_indicators,
            ["CT01,a,b,percent,,SNV,PHO_CAP,,7,1"],
            "code,name_vi,name_en,unit,direction,agency_code,task_group_code,target_group_code,"
            "decimals,sort_order",
            "import.out_of_range",
            "decimals",
        ),
        (
            import_indicators,
            ["CT01,a,b,percent,higher,SNV,PHO_CAP,,GD2-2026,95,120"],
            "code,name_vi,name_en,unit,direction,agency_code,task_group_code,target_group_code,"
            "stage_code,baseline,target",
            "import.percent_above",
            "target",
        ),
        (
            import_targets,
            ["CT01,GD2-2026,,95,101"],
            TARGET_HEADER,
            "import.percent_above",
            "target",
        ),
        (
            import_targets,
            ["CT99,GD2-2026,,0,1"],
            TARGET_HEADER,
            "import.unknown_code",
            "indicator_code",
        ),
        (
            import_targets,
            ["CT07,GD2-2026,40001001,0,1"],
            TARGET_HEADER,
            "import.not_a_commune",
            "locality_code",
        ),
        (
            import_targets,
            ["CT07,GD2-2026,,0,1", "CT07,GD2-2026,,0,2"],
            TARGET_HEADER,
            "import.duplicate_row",
            "stage_code",
        ),
    ],
)
def test_bad_catalogue_rows_are_refused_by_row_and_column(
    shared_engine, importer, lines, header, key, column
):
    before = table_snapshot(shared_engine)
    outcome = importer(
        shared_engine, csv_bytes(*lines, header=header), "f.csv", actor=Actor(name="t")
    )
    assert outcome.status == "rejected"
    assert key in {p.key for p in outcome.errors if p.column == column}, outcome.problems
    assert table_snapshot(shared_engine) == before


def test_indicators_accept_decimals_and_the_sample_file_format(seeded_copy):
    data = csv_bytes(
        "CT11,Vốn vay,Loans,count,higher,SCT,CHINH_SACH,,Tỷ đồng,Billion dong,,,2,11",
        header="code,name_vi,name_en,unit,direction,agency_code,task_group_code,"
        "target_group_code,numerator_vi,numerator_en,denominator_vi,denominator_en,decimals,"
        "sort_order",
    )
    preview = import_indicators(seeded_copy, data, "i.csv", actor=Actor(name="t"), dry_run=True)
    outcome = import_indicators(seeded_copy, data, "i.csv", actor=Actor(name="t"))
    assert preview.status == "dry_run" and outcome.status == "committed"
    assert (preview.added, preview.replaced) == (outcome.added, outcome.replaced) == (1, 0)
    with seeded_copy.connect() as connection:
        row = connection.execute(
            sa.select(s.indicators.c.decimals, s.indicators.c.numerator_en).where(
                s.indicators.c.code == "CT11"
            )
        ).one()
    assert tuple(row) == (2, "Billion dong")


def test_targets_rows_left_empty_are_skipped_and_counted(seeded_copy):
    data = csv_bytes("CT07,GD2-2026,40001,100,900", "CT08,GD2-2026,40001,,", header=TARGET_HEADER)
    outcome = import_targets(seeded_copy, data, "t.csv", actor=Actor(name="t"))
    assert outcome.status == "committed" and outcome.added == 1 and outcome.skipped == 1
    assert "1 dòng để trống" in outcome.summary("vi") and "1 rows left empty" in outcome.summary(
        "en"
    )


def test_a_catalogue_dry_run_writes_nothing(shared_engine):
    before = table_snapshot(shared_engine)
    data = csv_bytes("NEW,Cơ quan mới,New agency", header="code,name_vi,name_en")
    outcome = import_agencies(shared_engine, data, "a.csv", actor=Actor(name="t"), dry_run=True)
    assert outcome.status == "dry_run" and outcome.added == 1
    assert table_snapshot(shared_engine) == before


def test_edits_are_batches_and_roll_back_exactly(seeded_copy, seeded_rows):
    before = seeded_rows
    renamed = rename_agency(seeded_copy, "SKHCN", name_vi="Sở KH&CN", actor=Actor(name="admin"))
    assert renamed.status == "committed" and renamed.replaced == 1
    assert fetch_agencies(seeded_copy).set_index("code").loc["SKHCN", "name_vi"] == "Sở KH&CN"
    same = rename_agency(seeded_copy, "SKHCN", name_vi="Sở KH&CN", actor=Actor(name="admin"))
    assert same.status == "nothing_new"
    extended = extend_stage_deadline(
        seeded_copy, "GD2-2026", date(2027, 3, 31), actor=Actor(name="admin")
    )
    assert _stage(seeded_copy, "GD2-2026")["deadline"] == date(2027, 3, 31)
    period = change_stage(seeded_copy, "GD2-2026", period_days=14, actor=Actor(name="admin"))
    retired = retire_indicator_from_stage(
        seeded_copy, "CT10", "GD2-2026", actor=Actor(name="admin")
    )
    assert retired.status == "committed"
    stage_id = int(_stage(seeded_copy, "GD2-2026")["stage_id"])
    with seeded_copy.connect() as connection:
        left = connection.execute(
            sa.select(sa.func.count()).where(
                s.targets.c.stage_id == stage_id, s.targets.c.locality_id.is_(None)
            )
        ).scalar_one()
    assert left == 9
    for outcome in (retired, period, extended, renamed):
        rollback_batch(seeded_copy, outcome.batch_id, actor=Actor(name="t"))
    after = table_snapshot(seeded_copy)
    for table in ("agencies", "stages", "targets", "indicators"):
        assert after[table] == before[table], table


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (lambda e: rename_agency(e, "KHONG", name_vi="x", actor=Actor(name="a")), "edit.unknown"),
        (
            lambda e: rename_agency(e, "SKHCN", name_vi="  ", actor=Actor(name="a")),
            "edit.empty_name",
        ),
        (
            lambda e: rename_agency(e, "SKHCN", name_en="a\x00b", actor=Actor(name="a")),
            "edit.bad_text",
        ),
        (
            lambda e: extend_stage_deadline(e, "GD2-2026", date(2025, 1, 1), actor=Actor(name="a")),
            "edit.deadline_before_start",
        ),
        (
            lambda e: change_stage(e, "GD2-2026", period_days=0, actor=Actor(name="a")),
            "edit.bad_period",
        ),
        (
            lambda e: retire_indicator_from_stage(e, "CT99", "GD2-2026", actor=Actor(name="a")),
            "edit.no_target",
        ),
    ],
)
def test_bad_edits_are_refused_with_a_message_and_change_nothing(shared_engine, edit, key):
    before = table_snapshot(shared_engine)
    outcome = edit(shared_engine)
    assert outcome.status == "rejected" and outcome.errors[0].key == key
    vietnamese, english = outcome.errors[0].bilingual().split(" / ", 1)
    assert vietnamese and english and vietnamese != english
    assert table_snapshot(shared_engine) == before
