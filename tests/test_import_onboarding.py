"""A province set up from an empty database with only the import commands and the sample files
(no `seed`) holds what the seeded demo holds, and is not labelled as demo data."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access.catalog import (
    fetch_stages,
    fetch_summary,
    fetch_target_groups,
)
from data_access.cli import main
from data_access.engine import create_db_engine
from data_access.meta import fetch_is_demo
from data_access.settings import PROJECT_ROOT
from figures import committee
from figures.boards import commune_board, indicator_board
from figures.reader import PlainReader
from i18n import translate
from tests.apptest import open_app
from tests.scopes import make_scope
from tests.viewers import link_test_identities

pytestmark = pytest.mark.xdist_group("import-onboarding")

SAMPLE = PROJECT_ROOT / "sample_data"
# The commands of README "Setting up your province", in loading order.
STEPS = [
    ["import-localities", "localities.csv"],
    ["import-boundaries", "boundaries.geojson"],
    ["import-agencies", "agencies.csv"],
    ["import-task-groups", "task_groups.csv"],
    ["import-target-groups", "target_groups.csv"],
    ["import-campaign", "campaign.csv"],
    ["import-indicators", "indicators.csv"],
    ["import-targets", "targets.csv"],
    ["import-populations", "populations.csv"],
    ["import-reports", "reports.csv.gz"],
]


@pytest.fixture(scope="module")
def built(database_factory, tmp_path_factory):
    """A database built with the command line only; the outputs of every step."""
    url = database_factory.new_url()
    mp = pytest.MonkeyPatch()
    mp.setenv("DATABASE_URL", url)
    try:
        assert main(["init"]) == 0
        before = main(["check"])
        codes = [main([command, str(SAMPLE / name)]) for command, name in STEPS]
        after = main(["check"])
    finally:
        mp.undo()
    engine = create_db_engine(url)
    yield {"engine": engine, "codes": codes, "check_before": before, "check_after": after}
    engine.dispose()


def test_every_step_succeeds_and_check_then_says_complete(built):
    assert built["codes"] == [0] * len(STEPS)
    assert built["check_before"] == 1 and built["check_after"] == 0


def test_the_planner_knows_the_imported_tables(built):
    # A province's first report file is a bulk load: the planner's statistics are refreshed
    # with it, or PostgreSQL plans the dashboards' joins as for empty tables.
    engine = built["engine"]
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            estimated = dict(
                connection.execute(
                    sa.text(
                        "SELECT relname, reltuples FROM pg_class"
                        " WHERE relname IN ('reports', 'localities', 'populations')"
                    )
                ).all()
            )
        else:  # sqlite_stat1: each index's row count comes first in its stat
            estimated = {
                table: int(stat.split()[0])
                for table, stat in connection.execute(sa.text("SELECT tbl, stat FROM sqlite_stat1"))
            }
        stored = {
            table: connection.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
            for table in ("reports", "localities", "populations")
        }
    for table, rows in stored.items():
        assert rows > 0
        assert estimated.get(table, 0) == pytest.approx(rows, rel=0.05), table


def test_summary_equals_the_seeded_demo(built, seeded_engine):
    assert fetch_summary(built["engine"]) == fetch_summary(seeded_engine)


def test_a_province_built_by_imports_is_not_labelled_demo(built, seeded_engine):
    assert fetch_is_demo(seeded_engine) is True
    assert fetch_is_demo(built["engine"]) is False


def test_catalogue_equals_the_seeded_demo(built, seeded_engine):
    for fetch in (fetch_target_groups,):
        pd.testing.assert_frame_equal(fetch(built["engine"]), fetch(seeded_engine))
    stages = fetch_stages(seeded_engine).drop(columns="stage_id")
    pd.testing.assert_frame_equal(fetch_stages(built["engine"]).drop(columns="stage_id"), stages)


@pytest.mark.parametrize("which", ["first", "last"])
def test_overview_figures_equal_the_seeded_demo_at_each_stage_deadline(built, seeded_engine, which):
    def figures(engine):
        stage = fetch_stages(engine).iloc[0 if which == "first" else -1]
        scope = make_scope(engine, stage["stage_code"], stage["deadline"])
        meeting = stage["deadline"] - pd.Timedelta(days=14)
        with PlainReader(engine) as reader:
            ranking = committee.ranking(reader, scope, meeting)
            return (
                committee.tiles(reader, scope, meeting).drop(columns="indicator_id"),
                indicator_board(reader, scope).drop(columns="indicator_id"),
                commune_board(reader, scope),
                committee.group_reach(reader, scope),
                ranking,
                committee.weakest(ranking),
            )

    for mine, theirs in zip(figures(built["engine"]), figures(seeded_engine), strict=True):
        pd.testing.assert_frame_equal(mine, theirs)


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("pages/overview.py", {}),
        ("pages/map.py", {}),
        ("pages/indicators.py", {}),
        ("pages/target_groups.py", {}),
        ("pages/ranking.py", {}),
        ("pages/locality.py", {"commune": "40001"}),
        ("pages/data.py", {}),
        ("pages/present.py", {"present": "1", "slide": "1"}),
    ],
)
def test_no_page_of_a_province_built_by_imports_says_synthetic(built, monkeypatch, page, query):
    link_test_identities(built["engine"])  # a tester holding every role, reached by SSO
    monkeypatch.setenv("DATABASE_URL", built["engine"].url.render_as_string(hide_password=False))
    at = open_app(query, page)
    assert not at.exception, [e.value for e in at.exception]
    shown = " ".join(str(getattr(node, "value", "")) for node in at.main)
    for key in ("app.synthetic", "present.synthetic"):
        for lang in ("vi", "en"):
            assert translate(key, lang) not in shown


def test_reimporting_every_file_changes_nothing(built, capsys):
    url = built["engine"].url.render_as_string(hide_password=False)
    mp = pytest.MonkeyPatch()
    mp.setenv("DATABASE_URL", url)
    before = fetch_summary(built["engine"])
    try:
        capsys.readouterr()
        for command, name in [STEPS[0], *STEPS[2:]]:
            assert main([command, str(SAMPLE / name)]) == 0
            out = capsys.readouterr().out
            assert "đã được nhập" in out and "already imported" in out, out
        assert main(["summary"]) == 0
        assert json.loads(capsys.readouterr().out) == before
    finally:
        mp.undo()


def test_the_seeded_demo_does_say_synthetic(app_env):
    at = open_app({}, "pages/overview.py")
    shown = " ".join(str(getattr(node, "value", "")) for node in at.main)
    assert translate("app.synthetic", "vi") in shown
