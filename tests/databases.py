"""Databases for tests: empty, migrated or holding the seeded demo, on SQLite and PostgreSQL.

Each test gets a copy of a template made once per test process; every database made here is
dropped at the end.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from data_access.engine import create_db_engine
from data_access.migrate import upgrade_to_head
from data_access.seed import DatasetFiles, seed_database


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


def _drop_database(connection: sa.Connection, name: str) -> None:
    connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


class DatabaseFactory:
    """Makes empty, migrated databases of one backend and removes them at the end."""

    def __init__(self, backend: str, tmp_dir: Path) -> None:
        self.backend = backend
        self.tmp_dir = tmp_dir
        self._templates: dict[str, str] = {}  # kind ("migrated", "seeded") -> URL
        self.admin_url = _postgres_admin_url() if backend == "postgres" else None
        if backend == "postgres" and self.admin_url is None:
            pytest.skip("TEST_DATABASE_URL not set or unreachable")
        self._engines: list[sa.Engine] = []
        self._databases: list[str] = []  # PostgreSQL databases made, dropped at the end
        self._admin: sa.Engine | None = None

    def _admin_engine(self) -> sa.Engine:
        if self._admin is None:
            self._admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        return self._admin

    def new_url(self) -> str:
        """URL of a new empty database (dropped at the end like every other one made here)."""
        name = f"bdhvs_test_{uuid.uuid4().hex[:12]}"
        if self.backend == "sqlite":
            return f"sqlite:///{self.tmp_dir / (name + '.db')}"
        with self._admin_engine().connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        self._databases.append(name)
        return str(sa.engine.make_url(self.admin_url).set(database=name))

    def new_engine(self, *, migrated: bool = True) -> sa.Engine:
        """An engine on a new empty database, migrated to the newest schema (a copy of one
        migrated once per session: Alembic's run costs more than the copy)."""
        if not migrated:
            engine = create_db_engine(self.new_url())
            self._engines.append(engine)
            return engine
        return self._copy_of(self._template("migrated", self._make_migrated))

    def new_seeded_engine(self, data: DatasetFiles) -> sa.Engine:
        """An engine on a new database holding the demo province (its own copy: whoever holds
        it may write to it).

        The demo is seeded once per session into a template, then copied (PostgreSQL's
        CREATE DATABASE … TEMPLATE, a file copy for SQLite): far faster than seeding each time.
        """
        return self._copy_of(self._template("seeded", lambda: self._make_seeded(data)))

    def _template(self, kind: str, make: Callable[[], str]) -> str:
        if kind not in self._templates:
            self._templates[kind] = make()
        return self._templates[kind]

    def _make_migrated(self) -> str:
        template = self.new_engine(migrated=False)
        upgrade_to_head(template)
        template.dispose()
        return template.url.render_as_string(hide_password=False)

    def _make_seeded(self, data: DatasetFiles) -> str:
        from tests.viewers import link_test_identities

        template = self.new_engine()
        seed_database(template, data)
        link_test_identities(template)
        template.dispose()
        return template.url.render_as_string(hide_password=False)

    def _copy_of(self, template_url: str) -> sa.Engine:
        """An engine on a new database holding what the template at `template_url` holds."""
        source = sa.engine.make_url(template_url)
        name = f"bdhvs_test_{uuid.uuid4().hex[:12]}"
        if self.backend == "sqlite":
            target = self.tmp_dir / f"{name}.db"
            shutil.copyfile(source.database, target)
            url = f"sqlite:///{target}"
        else:
            with self._admin_engine().connect() as connection:
                connection.execute(
                    sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{source.database}"')
                )
            self._databases.append(name)
            url = str(source.set(database=name).render_as_string(hide_password=False))
        engine = create_db_engine(url)
        self._engines.append(engine)
        return engine

    def release(self, engine: sa.Engine) -> None:
        """The test that made `engine` is done with it: its connections end and its PostgreSQL
        database is dropped now.

        Each DROP makes PostgreSQL checkpoint. Dropped at once, a database's pages are thrown
        away unwritten and the checkpoint has little to do; dropped later (in a thread beside
        the next tests, or all at the end) every checkpoint writes out the databases still
        there, and the next tests' CREATE DATABASE waits behind it (a third longer in all).
        """
        engine.dispose()
        name = engine.url.database
        if self.backend == "postgres" and name in self._databases:
            try:
                with self._admin_engine().connect() as connection:
                    _drop_database(connection, name)
            except sa.exc.SQLAlchemyError:
                return  # cleanup() tries it again at the end
            self._databases.remove(name)

    def cleanup(self) -> None:
        """Dispose engines and drop the PostgreSQL databases made (templates included)."""
        for engine in self._engines:
            engine.dispose()
        if not self._databases:
            return
        try:
            with self._admin_engine().connect() as connection:
                for name in self._databases:
                    _drop_database(connection, name)
        finally:
            self._admin_engine().dispose()
