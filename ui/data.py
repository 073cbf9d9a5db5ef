"""The app's one engine and the cached reader of each page run.

Each run (and each fragment rerun) reads through one snapshot connection: the data version is
read first in it, and every query result is cached under that version, so an import shows at
once and no cached answer can mix two moments of the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import sqlalchemy as sa
import streamlit as st

from data_access.bootstrap import prepared_engine
from data_access.engine import read_snapshot
from data_access.meta import fetch_data_version
from figures.reader import call_key

T = TypeVar("T")
# Query results kept per app server: enough for every page of a few stages and dates.
CACHE_ENTRIES = 1024


def app_engine() -> sa.Engine:
    """The engine of this app server's database (DATABASE_URL), prepared once per process;
    the sign-in routes use the same one."""
    return prepared_engine()


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _cached(_make: Callable[[], Any], database: str, version: int, key: str) -> Any:
    # The database, the data version and the call key the cache (the maker is not hashed):
    # a new import bumps the version, so results are fresh at once without a time-to-live,
    # and two databases never share an answer. A board's key holds its whole Scope, so no
    # viewer is ever served the board of another viewer's scope.
    return _make()


class CachedReader:
    """A figures.reader.Reader over one snapshot connection, opened at its first read."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._stack: ExitStack | None = None
        self._connection: sa.Connection | None = None
        self._version: int | None = None

    @property
    def connection(self) -> sa.Connection:
        """The run's snapshot connection (opened on first use)."""
        if self._connection is None:
            self._stack = ExitStack()
            self._connection = self._stack.enter_context(read_snapshot(self._engine))
            self._version = fetch_data_version(self._connection)
        return self._connection

    @property
    def version(self) -> int:
        """The data version this run reads."""
        self.connection  # noqa: B018 (opens the snapshot and reads the version)
        return int(self._version or 0)

    @property
    def database(self) -> str:
        """The database read, as the caches name it (its URL without the password)."""
        return self._engine.url.render_as_string(hide_password=True)

    def _kept(self, key: str, make: Callable[[], T]) -> T:
        return _cached(make, self.database, self.version, key)

    def read(self, fetch: Callable[..., T], /, **kwargs: Any) -> T:
        """`fetch(connection, **kwargs)` through the cache of this run's data version."""
        return self._kept(call_key(fetch, kwargs), lambda: fetch(self.connection, **kwargs))

    def figure(self, compute: Callable[..., T], key: str, /, *args: Any) -> T:
        """`compute(self, *args)` (a board of figures/) through the same cache."""
        return self._kept(key, lambda: compute(self, *args))

    def close(self) -> None:
        """Close the snapshot connection (a later read opens a new one)."""
        stack, self._stack, self._connection = self._stack, None, None
        if stack is not None:
            stack.close()


_CURRENT: ContextVar[CachedReader | None] = ContextVar("page_reader", default=None)


@contextmanager
def page_reader() -> Iterator[CachedReader]:
    """The reader of one run: made here, closed at the end (nested calls share it)."""
    current = _CURRENT.get()
    if current is not None:
        yield current
        return
    reader = CachedReader(app_engine())
    token = _CURRENT.set(reader)
    try:
        yield reader
    finally:
        _CURRENT.reset(token)
        reader.close()


def reader() -> CachedReader:
    """The reader of the current run (the frame opens it around every page)."""
    current = _CURRENT.get()
    if current is None:
        raise RuntimeError("no page reader: run the page through app.py")
    return current


def reading_fragment(function: Callable[[], None], *, run_every: float | None = None) -> None:
    """Run `function` as a Streamlit fragment that reads through its own page reader, since a
    fragment rerun does not pass through the frame."""

    def body() -> None:
        with page_reader():
            function()

    st.fragment(body, run_every=run_every)()
