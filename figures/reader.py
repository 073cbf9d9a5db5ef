"""How rows come in: a reader calls data_access query functions for the boards, and keeps
the boards it has computed.

Screens pass a cached reader (ui.data), the brief and tests a PlainReader. Either way a query
function is called as `fetch(connection, **kwargs)` with keyword arguments only, and a board
function decorated with `@figure` is computed once per reader (and, on screens, once per data
version and scope for every viewer of that scope).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol, TypeVar

import pandas as pd
import sqlalchemy as sa

from data_access.engine import read_snapshot

T = TypeVar("T")


class Reader(Protocol):
    """Something that answers query functions and keeps computed boards."""

    def read(self, fetch: Callable[..., T], /, **kwargs: Any) -> T:
        """The result of `fetch(connection, **kwargs)`."""
        ...

    def figure(self, compute: Callable[..., T], key: str, /, *args: Any) -> T:
        """The result of `compute(self, *args)`, computed once per `key`."""
        ...


def _stable(value: Any) -> Any:
    """`value` with sets sorted and dataclasses spelled out, so equal values key alike."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,) + tuple(
            (f.name, _stable(getattr(value, f.name))) for f in dataclasses.fields(value)
        )
    if isinstance(value, set | frozenset):
        return ("set", tuple(sorted(map(repr, value))))
    if isinstance(value, list | tuple):
        return tuple(_stable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _stable(v)) for k, v in value.items()))
    if isinstance(value, date | str | int | float | bool) or value is None:
        return value
    return repr(value)


def call_key(function: Callable[..., Any], arguments: Any) -> str:
    """One short text naming a call: the function and its arguments, set order aside."""
    return f"{function.__module__}.{function.__qualname__}{_stable(arguments)!r}"


def figure(compute: Callable[..., T]) -> Callable[..., T]:
    """Decorate a board function `compute(reader, scope, *args)`: the reader keeps its result."""

    @functools.wraps(compute)
    def kept(reader: Reader, *args: Any) -> T:
        return reader.figure(compute, call_key(compute, args), *args)

    return kept


class PlainReader:
    """Reads through one connection, one snapshot of the database, for its whole life.

    Use it as a context manager (`with PlainReader(engine) as reader:`). A repeated call
    returns a copy of the first answer, so one brief never reads or computes the same twice.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._snapshot: Any = None
        self._connection: sa.Connection | None = None
        self._answers: dict[str, Any] = {}

    def __enter__(self) -> PlainReader:
        self._snapshot = read_snapshot(self._engine)
        self._connection = self._snapshot.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        snapshot, self._snapshot, self._connection = self._snapshot, None, None
        if snapshot is not None:
            snapshot.__exit__(*exc)

    def _kept(self, key: str, make: Callable[[], T]) -> T:
        if key not in self._answers:
            self._answers[key] = make()
        answer = self._answers[key]
        return answer.copy() if isinstance(answer, pd.DataFrame) else answer

    def read(self, fetch: Callable[..., T], /, **kwargs: Any) -> T:
        """The result of `fetch(connection, **kwargs)`, read once per reader."""
        if self._connection is None:
            raise RuntimeError("PlainReader is used outside its `with` block")
        connection = self._connection
        return self._kept(call_key(fetch, kwargs), lambda: fetch(connection, **kwargs))

    def figure(self, compute: Callable[..., T], key: str, /, *args: Any) -> T:
        """The result of `compute(self, *args)`, computed once per reader."""
        return self._kept(key, lambda: compute(self, *args))
