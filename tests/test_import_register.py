"""Register, population and indicator imports: validation, audit and rollback on both backends."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.importers.register import (
    import_indicators,
    import_localities,
    import_populations,
)
from data_access.importers.rollback import rollback_batch
from tests.import_helpers import csv_bytes, snapshot


@pytest.fixture
def fresh_engine(seeded_copy):
    """A seeded database of its own, for a test that writes."""
    return seeded_copy


def _name(engine, code: str) -> str | None:
    with engine.connect() as connection:
        return connection.execute(
            sa.select(s.localities.c.name).where(s.localities.c.code == code)
        ).scalar_one_or_none()


def test_register_adds_a_province_and_renames_then_rolls_back(fresh_engine):
    old_name = _name(fresh_engine, "40001")
    data = csv_bytes(
        "98,Tỉnh Mới,tinh,",
        "98001,Xã Mới,xa,98",
        "40001,Phường Đổi Tên,phuong,99",
        header="ma,ten,loai,ma_cap_tren",
    )
    outcome = import_localities(fresh_engine, data, "dm.csv", actor=Actor(name="t"))
    assert outcome.status == "committed" and (outcome.added, outcome.replaced) == (2, 1)
    assert _name(fresh_engine, "98001") == "Xã Mới"
    again = import_localities(fresh_engine, data, "dm.csv", actor=Actor(name="t"))
    assert again.status == "same_file"
    rollback_batch(fresh_engine, outcome.batch_id, actor=Actor(name="t"))
    assert _name(fresh_engine, "98001") is None
    assert _name(fresh_engine, "40001") == old_name


def test_register_rejects_bad_kind_code_and_parent(fresh_engine):
    before = snapshot(fresh_engine)
    data = csv_bytes(
        "9800,Xã Sai,xa,99",
        "40500,Xã,lang_x,99",
        "40501,Xã Lạc,xa,40001",
        header="code,name,kind,parent_code",
    )
    outcome = import_localities(fresh_engine, data, "bad.csv", actor=Actor(name="t"))
    keys = {(p.row, p.key) for p in outcome.errors}
    assert {(2, "import.bad_code"), (3, "import.bad_choice"), (4, "import.bad_parent")} <= keys
    assert snapshot(fresh_engine) == before


def test_populations_validate_and_replace(fresh_engine):
    before = snapshot(fresh_engine)
    bad = csv_bytes(
        "40001,CBCCVC,2026-01-01,12.5",
        "40001,KHONG_CO,2026-01-01,10",
        header="ma_xa,ma_nhom,ngay,dan_so",
    )
    rejected = import_populations(
        fresh_engine, bad, "p.csv", actor=Actor(name="t"), today=date(2026, 11, 22)
    )
    assert [(p.row, p.key) for p in rejected.errors] == [
        (2, "import.not_whole"),
        (3, "import.unknown_code"),
    ]
    assert snapshot(fresh_engine) == before
    good = csv_bytes("40001,CBCCVC,01/01/2026,1.234", header="ma_xa,ma_nhom,ngay,dan_so")
    outcome = import_populations(
        fresh_engine, good, "p.csv", actor=Actor(name="t"), today=date(2026, 11, 22)
    )
    assert outcome.status == "committed" and outcome.replaced == 1


def test_indicator_with_targets_per_stage(fresh_engine):
    data = csv_bytes(
        "CT11,Chỉ tiêu mới,New indicator,count,,SKHCN,TRUYEN_THONG,,GD2-2026,0,500",
        header="code,name_vi,name_en,unit,direction,agency_code,task_group_code,"
        "target_group_code,stage_code,baseline,target",
    )
    outcome = import_indicators(fresh_engine, data, "i.csv", actor=Actor(name="t"))
    if outcome.errors:  # agency / task group codes of the demo data
        codes = {p.value for p in outcome.errors}
        pytest.fail(f"unexpected problems: {codes}")
    assert outcome.status == "committed" and outcome.added == 2
    with fresh_engine.connect() as connection:
        target = connection.execute(
            sa.select(s.targets.c.target)
            .join(s.indicators, s.indicators.c.id == s.targets.c.indicator_id)
            .where(s.indicators.c.code == "CT11")
        ).scalar_one()
    assert target == 500
