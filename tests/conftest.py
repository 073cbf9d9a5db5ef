"""Shared fixtures: seeded demo databases on SQLite and PostgreSQL.

PostgreSQL comes from TEST_DATABASE_URL; each test session creates its own database there and
drops it afterwards. When CI=true the PostgreSQL tests must run: an unset or unreachable
TEST_DATABASE_URL fails the suite instead of skipping.
"""

from __future__ import annotations

import dataclasses
import os
import queue
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from data_access.accounts import passwords
from data_access.engine import create_db_engine
from data_access.migrate import upgrade_to_head
from data_access.seed import DatasetFiles, read_dataset_folder, seed_database
from tests.import_helpers import table_snapshot


def _postgres_admin_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL", "").strip()
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but TEST_DATABASE_URL is not set")
        return None
    try:
        engine = sa.create_engine(url)
        with engine.connect():
            pass
        engine.dispose()
    except sa.exc.OperationalError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but TEST_DATABASE_URL is unreachable: {error}")
        return None
    return url


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


def _drop_database(connection: sa.Connection, name: str) -> None:
    connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


class DatabaseFactory:
    """Makes empty, migrated databases of one backend and removes them at the end."""

    def __init__(self, backend: str, tmp_dir: Path) -> None:
        self.backend = backend
        self.tmp_dir = tmp_dir
        self.admin_url = _postgres_admin_url() if backend == "postgres" else None
        if backend == "postgres" and self.admin_url is None:
            pytest.skip("TEST_DATABASE_URL not set or unreachable")
        self._engines: list[sa.Engine] = []
        self._databases: list[str] = []  # PostgreSQL databases made, dropped at the end
        self._seeded_template: str | None = None  # URLs of the databases copied from
        self._migrated_template: str | None = None
        # Databases a test has released are dropped by a thread while the next tests run:
        # each DROP waits for a checkpoint, and a few hundred at the end took half a minute.
        self._to_drop: queue.Queue[str | None] = queue.Queue()
        self._dropper: threading.Thread | None = None

    def new_url(self) -> str:
        """URL of a new empty database (dropped at the end like every other one made here)."""
        name = f"bdhvs_test_{uuid.uuid4().hex[:12]}"
        if self.backend == "sqlite":
            return f"sqlite:///{self.tmp_dir / (name + '.db')}"
        admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        self._databases.append(name)
        return str(sa.engine.make_url(self.admin_url).set(database=name))

    def new_engine(self, *, migrated: bool = True) -> sa.Engine:
        """An engine on a new empty database, migrated to the newest schema (a copy of one
        migrated once per session: Alembic's run costs more than the copy)."""
        if not migrated:
            engine = create_db_engine(self.new_url())
            self._engines.append(engine)
            return engine
        if self._migrated_template is None:
            template = self.new_engine(migrated=False)
            upgrade_to_head(template)
            template.dispose()
            self._migrated_template = template.url.render_as_string(hide_password=False)
        return self._copy_of(self._migrated_template)

    def new_seeded_engine(self, data: DatasetFiles) -> sa.Engine:
        """An engine on a new database holding the demo province, for a test that writes.

        The demo is seeded once per session into a template, then copied (PostgreSQL's
        CREATE DATABASE … TEMPLATE, a file copy for SQLite): far faster than seeding each time.
        """
        if self._seeded_template is None:
            from tests.viewers import link_test_identities

            template = self.new_engine()
            seed_database(template, data)
            link_test_identities(template)
            template.dispose()
            self._seeded_template = template.url.render_as_string(hide_password=False)
        return self._copy_of(self._seeded_template)

    def _copy_of(self, template_url: str) -> sa.Engine:
        """An engine on a new database holding what the template at `template_url` holds."""
        source = sa.engine.make_url(template_url)
        name = f"bdhvs_test_{uuid.uuid4().hex[:12]}"
        if self.backend == "sqlite":
            target = self.tmp_dir / f"{name}.db"
            shutil.copyfile(source.database, target)
            url = f"sqlite:///{target}"
        else:
            admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(
                    sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{source.database}"')
                )
            admin.dispose()
            self._databases.append(name)
            url = str(source.set(database=name).render_as_string(hide_password=False))
        engine = create_db_engine(url)
        self._engines.append(engine)
        return engine

    def release(self, engine: sa.Engine) -> None:
        """The test that made `engine` is done with it: its connections end now and its
        PostgreSQL database is dropped in the background."""
        engine.dispose()
        name = engine.url.database
        if self.backend == "postgres" and name in self._databases:
            self._databases.remove(name)
            if self._dropper is None:
                self._dropper = threading.Thread(target=self._drop_queued, daemon=True)
                self._dropper.start()
            self._to_drop.put(name)

    def _drop_queued(self) -> None:
        admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            while (name := self._to_drop.get()) is not None:
                try:
                    with admin.connect() as connection:
                        _drop_database(connection, name)
                except sa.exc.SQLAlchemyError:
                    self._databases.append(name)  # cleanup() tries it again at the end
        finally:
            admin.dispose()

    def cleanup(self) -> None:
        """Dispose engines and drop the PostgreSQL databases made."""
        for engine in self._engines:
            engine.dispose()
        if self._dropper is not None:
            self._to_drop.put(None)
            self._dropper.join()
        if not self._databases:
            return
        admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                for name in self._databases:
                    _drop_database(connection, name)
        finally:
            admin.dispose()


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
