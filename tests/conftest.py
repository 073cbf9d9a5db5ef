"""Shared fixtures: seeded demo databases on SQLite and PostgreSQL.

PostgreSQL comes from TEST_DATABASE_URL; each test session creates its own database there and
drops it afterwards. When CI=true the PostgreSQL tests must run: an unset or unreachable
TEST_DATABASE_URL fails the suite instead of skipping.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from data_access.accounts import passwords
from data_access.seed import DatasetFiles, read_dataset_folder
from tests.databases import DatabaseFactory
from tests.import_helpers import table_snapshot

# Argon2id at 64 KiB and one pass instead of 64 MiB and three: the suite hashes several
# hundred passwords, 150 ms each at the real cost. test_accounts_passwords checks the real one.
QUICK_HASHER = PasswordHasher.from_parameters(
    dataclasses.replace(passwords.PARAMETERS, time_cost=1, memory_cost=64, parallelism=1)
)


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashes() -> Iterator[None]:
    """Tests hash passwords with QUICK_HASHER; commands they start as processes do not."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "HASHER", QUICK_HASHER)
        yield


@pytest.fixture(scope="session")
def demo_data() -> DatasetFiles:
    """The committed demo province, read once."""
    return read_dataset_folder()


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def database_factory(request, tmp_path_factory) -> Iterator[DatabaseFactory]:
    """A DatabaseFactory for each backend (SQLite's is the one demo_sqlite_url uses too)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_factory")
        return
    factory = DatabaseFactory(request.param, tmp_path_factory.mktemp(request.param))
    yield factory
    factory.cleanup()


@pytest.fixture(scope="session")
def sqlite_factory(tmp_path_factory) -> Iterator[DatabaseFactory]:
    """The SQLite DatabaseFactory: its seeded template is made once for every test here."""
    factory = DatabaseFactory("sqlite", tmp_path_factory.mktemp("sqlite"))
    yield factory
    factory.cleanup()


@pytest.fixture(scope="session")
def seeded_engine(database_factory: DatabaseFactory, demo_data: DatasetFiles) -> sa.Engine:
    """A database holding the demo province (a copy of the seeded template, with the test
    identities); tests must not write to it."""
    return database_factory.new_seeded_engine(demo_data)


@pytest.fixture
def empty_engine(database_factory: DatabaseFactory) -> Iterator[sa.Engine]:
    """A new, migrated, empty database for a test that writes."""
    engine = database_factory.new_engine()
    yield engine
    database_factory.release(engine)


@pytest.fixture(scope="session")
def seeded_rows(database_factory: DatabaseFactory, demo_data: DatasetFiles) -> dict:
    """Every row of a new seeded_copy (each starts as the same copy of the seeded demo): what a
    test compares with after a write that must change nothing."""
    engine = database_factory.new_seeded_engine(demo_data)
    try:
        return table_snapshot(engine)
    finally:
        database_factory.release(engine)


@pytest.fixture
def seeded_copy(database_factory: DatabaseFactory, demo_data: DatasetFiles) -> Iterator[sa.Engine]:
    """A new database holding the demo province, for a test that writes to it."""
    engine = database_factory.new_seeded_engine(demo_data)
    yield engine
    database_factory.release(engine)


@pytest.fixture(scope="session")
def demo_sqlite_url(sqlite_factory: DatabaseFactory, demo_data: DatasetFiles) -> str:
    """URL of an SQLite file holding the demo province and the test identities, for app-level
    tests (read only)."""
    engine = sqlite_factory.new_seeded_engine(demo_data)
    engine.dispose()
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def app_env(monkeypatch, demo_sqlite_url: str) -> str:
    """Point the app at the demo database (read only).

    Streamlit's caches stay across tests: answers are keyed by database URL and data version
    (ui.data), so a test on another database never reads this one's answers.
    """
    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    return demo_sqlite_url


@pytest.fixture(scope="session")
def live_app(demo_sqlite_url: str) -> Iterator[str]:
    """Base URL of a real Streamlit server on the demo database (browser tests)."""
    from tests.live_app import chromium_available, streamlit_server

    if not chromium_available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but Debian's chromium is not installed")
        pytest.skip("chromium is not installed")
    with streamlit_server(demo_sqlite_url) as base:
        yield base


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under a failed test that drove a live server, show the end of that server's log."""
    report = yield
    if report.failed and call.when == "call":
        from tests.live_app import SERVER_LOGS, server_log_tail

        for base in SERVER_LOGS:
            tail = server_log_tail(base)
            if tail:
                report.sections.append((f"Streamlit server log {base}", tail))
    return report


# The identity the test OpenID Connect provider signs into every token.
OIDC_TEST_CLAIMS = {
    "sub": "vneid-0123456789",
    "email": "truong.ca@daksong.example.vn",
    "email_verified": True,
    "name": "Trưởng Công an tỉnh",
}


@pytest.fixture(scope="module")
def oidc_provider():
    """A real OpenID Connect provider (oauth2-mock-server) on 127.0.0.1, stopped afterwards.

    One per test module: a provider kept for the whole session would outlive its own
    MAX_LIFETIME_S on a long run and be gone for the modules that come last."""
    from tests.oidc_provider import oidc_provider as start
    from tests.oidc_provider import provider_available

    if not provider_available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but the OIDC provider is missing: npm ci --prefix tests/oidc")
        pytest.skip("node or tests/oidc/node_modules missing (npm ci --prefix tests/oidc)")
    with start(OIDC_TEST_CLAIMS) as provider:
        yield provider
