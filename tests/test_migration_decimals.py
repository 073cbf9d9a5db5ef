"""Migration 0004 adds indicators.decimals (0 for existing rows) and is reversible."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from data_access.migrate import _alembic_config, is_up_to_date, upgrade_to_head


def _columns(engine: sa.Engine) -> set[str]:
    return {c["name"] for c in sa.inspect(engine).get_columns("indicators")}


def _run(engine: sa.Engine, action, revision: str) -> None:
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_0004_adds_decimals_with_a_default_and_downgrades(database_factory):
    engine = database_factory.new_engine(migrated=False)
    _run(engine, command.upgrade, "0003")
    with engine.begin() as connection:
        connection.execute(
            sa.text("INSERT INTO agencies (code, name_vi, name_en) VALUES ('A','a','a')")
        )
        connection.execute(
            sa.text("INSERT INTO task_groups (code, name_vi, name_en) VALUES ('T','t','t')")
        )
        connection.execute(
            sa.text(
                "INSERT INTO indicators (code, name_vi, name_en, unit, agency_id, task_group_id) "
                "SELECT 'CT01', 'x', 'x', 'count', a.id, t.id FROM agencies a, task_groups t"
            )
        )
    upgrade_to_head(engine)
    assert is_up_to_date(engine) and "decimals" in _columns(engine)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT decimals FROM indicators")).scalar_one() == 0
    _run(engine, command.downgrade, "0003")
    assert "decimals" not in _columns(engine)
    upgrade_to_head(engine)
    assert "decimals" in _columns(engine)
