"""The database going away: a bilingual page that says what happened and retries, never a
traceback showing SQL, host or paths; the app comes back by itself."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from i18n import translate
from tests.apptest import open_app

UNREACHABLE = "postgresql+psycopg://nobody@127.0.0.1:1/nothing"  # nothing listens on port 1
SECRETS = ("127.0.0.1", "postgresql", "SELECT", "nobody", "Traceback")


def _shown(at) -> str:
    return " ".join(str(getattr(node, "value", "")) for node in at.main)


def test_unreachable_at_start_gives_the_fault_page(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", UNREACHABLE)
    at = open_app({}, login=None)
    assert not at.exception, [e.value for e in at.exception]
    assert translate("db.unreachable", "vi") in [e.value for e in at.error]
    assert not any(secret in _shown(at) for secret in SECRETS), _shown(at)
    at = open_app({"lang": "en"}, login=None)
    assert translate("db.unreachable", "en") in [e.value for e in at.error]


def test_going_away_mid_session_then_coming_back(database_factory, demo_data, monkeypatch):
    if database_factory.backend == "sqlite":
        pytest.skip("an embedded SQLite file does not go away while the app holds it open")
    engine = database_factory.new_seeded_engine(demo_data)
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    at = open_app({"stage": "GD2-2026"})
    assert len(at.metric) == 10
    _take_away(database_factory, engine)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert translate("db.unreachable", "vi") in [e.value for e in at.error]
    assert not any(secret in _shown(at) for secret in SECRETS[2:]), _shown(at)
    _bring_back(database_factory, engine)
    at.run()
    assert len(at.metric) == 10 and not at.error


def test_a_read_only_database_still_reads_and_a_write_says_why(
    database_factory, demo_data, monkeypatch
):
    if database_factory.backend == "sqlite":
        pytest.skip("PostgreSQL's default_transaction_read_only is the read-only case")
    engine = database_factory.new_seeded_engine(demo_data)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    _set_database(database_factory, engine, "SET default_transaction_read_only = on")
    at = open_app({"stage": "GD2-2026"}, "pages/admin.py")
    assert not at.exception, [e.value for e in at.exception]
    login = next(t for t in at.text_input if t.label == translate("admin.login"))
    login.set_value("new.person")
    next(b for b in at.button if b.label == translate("admin.create")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert translate("db.read_only", "vi") in [e.value for e in at.error]
    _set_database(database_factory, engine, "SET default_transaction_read_only = off")


def _set_database(factory, engine: sa.Engine, setting: str) -> None:
    """ALTER DATABASE … `setting`, and end the connections that still have the old one."""
    engine.dispose()
    name = engine.url.database
    admin = sa.create_engine(factory.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'ALTER DATABASE "{name}" {setting}'))
        connection.execute(
            sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
            {"d": name},
        )
    admin.dispose()


def _take_away(factory, engine: sa.Engine) -> None:
    """The database stops answering: PostgreSQL refuses connections."""
    engine.dispose()
    name = engine.url.database
    admin = sa.create_engine(factory.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
        connection.execute(
            sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
            {"d": name},
        )
    admin.dispose()


def _bring_back(factory, engine: sa.Engine) -> None:
    admin = sa.create_engine(factory.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(
            sa.text(f'ALTER DATABASE "{engine.url.database}" ALLOW_CONNECTIONS true')
        )
    admin.dispose()
