"""The register's optional focal-point columns: read, checked, kept when a file lacks them,
rolled back; on both backends."""

from __future__ import annotations

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.importers.register import import_localities
from data_access.importers.rollback import rollback_batch
from tests.import_helpers import csv_bytes, snapshot

ACTOR = Actor(name="t")


def _focal(engine, code: str) -> tuple:
    loc = s.localities
    with engine.connect() as connection:
        return tuple(
            connection.execute(
                sa.select(loc.c.focal_name, loc.c.focal_phone, loc.c.focal_email).where(
                    loc.c.code == code
                )
            ).one()
        )


def test_focal_points_are_imported_kept_and_rolled_back(seeded_copy):
    engine = seeded_copy
    assert _focal(engine, "40001") == (None, None, None)
    data = csv_bytes(
        "40001,Phường Buôn Ma Thuột,phuong,99,Nguyễn Thị Hoa,0912 345 678,hoa@bmt.gov.vn",
        "40002,Xã Mới Tên,xa,99,,,",
        header="ma,ten,loai,ma_cap_tren,nguoi_dau_moi,so_dien_thoai,email",
    )
    outcome = import_localities(engine, data, "dm.csv", actor=ACTOR)
    assert outcome.status == "committed", [p.bilingual() for p in outcome.problems]
    assert _focal(engine, "40001") == ("Nguyễn Thị Hoa", "0912 345 678", "hoa@bmt.gov.vn")
    assert _focal(engine, "40002") == (None, None, None)

    # A register without the columns (like sample_data/localities.csv) leaves them as stored.
    plain = csv_bytes("40001,Phường Buôn Ma Thuột,phuong,99", header="code,name,kind,parent_code")
    again = import_localities(engine, plain, "plain.csv", actor=ACTOR)
    assert not again.errors
    assert _focal(engine, "40001")[0] == "Nguyễn Thị Hoa"

    rollback_batch(engine, outcome.batch_id, actor=ACTOR)
    assert _focal(engine, "40001") == (None, None, None)


def test_a_bad_phone_or_email_is_refused_by_row(seeded_copy):
    engine = seeded_copy
    before = snapshot(engine)
    data = csv_bytes(
        "40001,Phường Buôn Ma Thuột,phuong,99,A,gọi anh Ba,a@b.vn",
        "40002,Xã Hai,xa,99,B,0912345678,không có",
        header="code,name,kind,parent_code,focal_name,focal_phone,focal_email",
    )
    outcome = import_localities(engine, data, "bad.csv", actor=ACTOR)
    keys = {(p.row, p.key) for p in outcome.errors}
    assert keys == {(2, "import.bad_phone"), (3, "import.bad_email")}
    assert "phone" in outcome.errors[0].text("en") or "e-mail" in outcome.errors[0].text("en")
    assert snapshot(engine) == before


FOCAL_COLUMNS = {"focal_name", "focal_phone", "focal_email"}


def _locality_columns(engine) -> set[str]:
    return {c["name"] for c in sa.inspect(engine).get_columns("localities")}


def test_0008_adds_the_columns_as_declared_and_downgrades(database_factory):
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from data_access.migrate import _alembic_config, is_up_to_date, upgrade_to_head

    engine = database_factory.new_engine()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [d for d in compare_metadata(context, s.metadata) if "localities" in repr(d)]
    assert differences == []
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    assert FOCAL_COLUMNS.isdisjoint(_locality_columns(engine))
    upgrade_to_head(engine)
    assert is_up_to_date(engine) and FOCAL_COLUMNS <= _locality_columns(engine)
