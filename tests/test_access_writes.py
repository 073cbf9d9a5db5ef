"""Every write path, for every role: what is allowed is written, everything else is refused
and changes nothing — through the data functions the pages call, and the command line.
"""

from __future__ import annotations

import pytest

from data_access.accounts.actors import Actor, account_actor
from data_access.boundaries import BoundaryFileError, import_boundary_sources
from data_access.cli import main
from data_access.importers.batches import fetch_batches
from data_access.importers.catalogues import import_agencies
from data_access.importers.edits import rename_agency
from data_access.importers.register import import_localities, import_populations
from data_access.importers.rollback import RollbackRefused, rollback_batch
from data_access.importers.writing import import_reports
from data_access.settings import PROJECT_ROOT
from tests.import_helpers import csv_bytes, table_snapshot

OPERATOR = Actor(name="cli:tests")
REPORT_40001 = csv_bytes("40001,CT01,2026-11-18,590,597,")
REPORT_40002 = csv_bytes("40002,CT01,2026-11-18,1000,1000,")
LOCALITY = csv_bytes("40001,Phường Buôn Ma Thuột,phuong,99", header="code,name,kind,parent_code")
POPULATION = csv_bytes("40001,CBCCVC,2026-01-01,612", header="ma_xa,ma_nhom,ngay,dan_so")
AGENCY = csv_bytes("CA,Công an tỉnh Đắk Sơn,Provincial Police", header="code,name_vi,name_en")
BOUNDARY = (PROJECT_ROOT / "sample_data" / "boundaries.geojson").read_bytes()
TODAY = {"today": __import__("datetime").date(2026, 11, 20)}


def _reports(engine, actor, data=REPORT_40001):
    # A data officer's file is written; a commune officer's is submitted for approval.
    status = import_reports(engine, data, "r.csv", actor=actor, **TODAY).status
    return status in ("committed", "submitted")


def _other_commune(engine, actor):
    return _reports(engine, actor, REPORT_40002)


def _localities(engine, actor):
    return import_localities(engine, LOCALITY, "l.csv", actor=actor).status in (
        "committed",
        "nothing_new",
        "same_file",
    )


def _populations(engine, actor):
    outcome = import_populations(engine, POPULATION, "p.csv", actor=actor, **TODAY)
    return outcome.status == "committed"


def _agencies(engine, actor):
    return import_agencies(engine, AGENCY, "a.csv", actor=actor).status == "committed"


def _edit(engine, actor):
    return rename_agency(engine, "CA", name_vi="Công an tỉnh (đổi)", actor=actor).status == (
        "committed"
    )


def _boundaries(engine, actor):
    try:
        import_boundary_sources(
            engine, [("b.geojson", BOUNDARY)], file_name="b.geojson", actor=actor
        )
    except BoundaryFileError:
        return False
    return True


def _rollback_reports(engine, actor):
    batch = import_reports(engine, REPORT_40001, "r.csv", actor=OPERATOR, **TODAY).batch_id
    try:
        rollback_batch(engine, batch, actor=actor)
    except RollbackRefused:
        return False
    return True


WRITES = {
    "reports": _reports,
    "reports_other_commune": _other_commune,
    "localities": _localities,
    "populations": _populations,
    "agencies": _agencies,
    "edit": _edit,
    "boundaries": _boundaries,
    "rollback_reports": _rollback_reports,
}
ALLOWED = {
    "committee": set(),
    "head.ca": set(),
    "commune.40001": {"reports"},
    "data.officer": {"reports", "reports_other_commune", "rollback_reports"},
    "admin": {"localities", "populations", "agencies", "edit", "boundaries"},
}


@pytest.fixture(scope="module")
def refusing(database_factory, demo_data):
    """One seeded copy the refused writes share: each must leave it exactly as it was."""
    engine = database_factory.new_seeded_engine(demo_data)
    yield engine
    database_factory.release(engine)


@pytest.mark.parametrize("write", sorted(WRITES))
@pytest.mark.parametrize("login", sorted(ALLOWED))
def test_each_role_may_write_exactly_what_it_is_allowed(
    request, refusing, seeded_rows, login, write
):
    # A write that should happen, and a rollback (which imports a batch first), get a copy of
    # their own; a write that should be refused runs on the shared one and must not change it.
    allowed = write in ALLOWED[login]
    writes = allowed or write == "rollback_reports"
    engine = request.getfixturevalue("seeded_copy") if writes else refusing
    actor = account_actor(engine, login)
    done = WRITES[write](engine, actor)
    assert done == allowed
    if not writes:
        assert table_snapshot(engine) == seeded_rows


def test_the_command_line_writes_as_the_account_named(
    seeded_copy, seeded_rows, monkeypatch, tmp_path, capsys
):
    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    other = tmp_path / "r.csv"
    other.write_bytes(REPORT_40002)
    assert main(["import-reports", str(other), "--as", "commune.40001"]) == 1
    out = capsys.readouterr()
    assert "không thuộc phạm vi" in out.err and "not one you may report for" in out.err
    assert table_snapshot(seeded_copy) == seeded_rows
    assert main(["import-reports", str(other), "--as", "nobody"]) == 2
    assert main(["import-reports", str(other), "--as", "data.officer"]) == 0
    newest = fetch_batches(seeded_copy, limit=1).iloc[0]
    assert newest["user_name"] == "data.officer"
    capsys.readouterr()
    assert main(["rollback", str(int(newest["batch_id"])), "--as", "head.ca"]) == 1
    assert "head.ca" in capsys.readouterr().err
    assert fetch_batches(seeded_copy, limit=1).iloc[0]["status"] == "committed"
