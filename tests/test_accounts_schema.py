"""The accounts tables: migration 0005 makes what the schema declares; settings are documented."""

from __future__ import annotations

import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from data_access import schema as s
from data_access.settings import load_settings

ACCOUNT_TABLE_NAMES = {table.name for table in s.ACCOUNT_TABLES}


def test_migrations_make_the_account_tables_as_declared(empty_engine):
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            difference
            for difference in compare_metadata(context, s.metadata)
            if ACCOUNT_TABLE_NAMES & set(re.findall(r"'(\w+)'", repr(difference)))
        ]
    assert differences == []


def test_sign_in_settings_are_read_and_bad_values_refused():
    settings = load_settings(
        {
            "DASHBOARD_SESSION_IDLE_MINUTES": "30",
            "DASHBOARD_COOKIE_SECURE": "1",
            "DASHBOARD_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.2",
            "DASHBOARD_HEADS_SEE_ALL_AGENCIES": "yes",
        }
    )
    assert settings.session_idle_minutes == 30 and settings.session_max_hours == 12
    assert settings.cookie_secure and settings.heads_see_all_agencies
    assert settings.trusted_proxies == {"127.0.0.1", "10.0.0.2"}
    assert load_settings({}).trusted_proxies == frozenset()
    assert not load_settings({}).cookie_secure
    for name, value in [
        ("DASHBOARD_SIGNIN_MAX_FAILURES", "0"),
        ("DASHBOARD_SESSION_MAX_HOURS", "-1"),
        ("DASHBOARD_COOKIE_SECURE", "maybe"),
    ]:
        with pytest.raises(ValueError, match=name):
            load_settings({name: value})
