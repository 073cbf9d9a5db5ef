"""The report-entry tables: migration 0006 makes what the schema declares."""

from __future__ import annotations

import re

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from data_access import schema as s

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
