"""The report-entry tables: migration 0006 makes what the schema declares."""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from data_access import schema as s
from data_access.migrate import _alembic_config, is_up_to_date, upgrade_to_head

ENTRY_TABLE_NAMES = {t.name for t in (s.entry_periods, s.entry_values, s.entry_history)}


def test_migrations_make_the_entry_tables_as_declared(empty_engine):
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            difference
            for difference in compare_metadata(context, s.metadata)
            if ENTRY_TABLE_NAMES & set(re.findall(r"'(\w+)'", repr(difference)))
        ]
    assert differences == []


def test_0006_downgrades_and_upgrades_again(database_factory):
    engine = database_factory.new_engine()
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    assert ENTRY_TABLE_NAMES.isdisjoint(sa.inspect(engine).get_table_names())
    upgrade_to_head(engine)
    assert is_up_to_date(engine)
    assert ENTRY_TABLE_NAMES <= set(sa.inspect(engine).get_table_names())
