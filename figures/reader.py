"""How rows come in: a reader calls data_access query functions for the boards.

Screens pass a cached reader (ui.data), the brief and tests a PlainReader. Either way a query
function is called as `fetch(connection, **kwargs)` with keyword arguments only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar

import pandas as pd
import sqlalchemy as sa

from data_access.engine import read_snapshot

T = TypeVar("T")


class Reader(Protocol):
    """Something that answers query functions: `reader.read(fetch_x, stage_id=…, …)`."""

    def read(self, fetch: Callable[..., T], /, **kwargs: Any) -> T:
        """The result of `fetch(connection, **kwargs)`."""
        ...


def call_key(fetch: Callable[..., Any], kwargs: dict[str, Any]) -> tuple[Hashable, ...]:
    """A hashable key for one call: the function's name and its arguments (lists as tuples)."""
    frozen = tuple(
        sorted(
            (k, tuple(v) if isinstance(v, list | set | frozenset) else v) for k, v in kwargs.items()
        )
    )
    return (f"{fetch.__module__}.{fetch.__qualname__}", frozen)


class PlainReader:
    """Reads through one connection, one snapshot of the database, for its whole life.

    Use it as a context manager (`with PlainReader(engine) as reader:`). A repeated call
    returns a copy of the first answer, so one brief never reads the same rows twice.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._snapshot: Any = None
        self._connection: sa.Connection | None = None
        self._answers: dict[tuple[Hashable, ...], Any] = {}

    def __enter__(self) -> PlainReader:
        self._snapshot = read_snapshot(self._engine)
        self._connection = self._snapshot.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        snapshot, self._snapshot, self._connection = self._snapshot, None, None
        if snapshot is not None:
            snapshot.__exit__(*exc)

    def read(self, fetch: Callable[..., T], /, **kwargs: Any) -> T:
        """The result of `fetch(connection, **kwargs)`, read once per reader."""
        if self._connection is None:
            raise RuntimeError("PlainReader is used outside its `with` block")
        key = call_key(fetch, kwargs)
        if key not in self._answers:
            self._answers[key] = fetch(self._connection, **kwargs)
        answer = self._answers[key]
        return answer.copy() if isinstance(answer, pd.DataFrame) else answer
