"""The app's one engine and cached query calls, keyed by the data version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import sqlalchemy as sa
import streamlit as st

from data_access.bootstrap import prepare_database
from data_access.engine import create_db_engine
from data_access.meta import fetch_data_version

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def app_engine() -> sa.Engine:
    """The engine of this app server, created (and the demo database prepared) once."""
    engine = create_db_engine()
    prepare_database(engine)
    return engine


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(_fetch: Callable[..., Any], name: str, version: str, kwargs: dict[str, Any]) -> Any:
    # `name` and `version` key the cache: a new import bumps the version, so results are fresh
    # at once without a time-to-live. The function itself is not hashed (leading underscore).
    return _fetch(app_engine(), **kwargs)


def cached_query(fetch: Callable[..., T], **kwargs: Any) -> T:
    """Call `fetch(engine, **kwargs)` through the cache of the current data version."""
    version = fetch_data_version(app_engine())
    normalized = {k: tuple(v) if isinstance(v, list) else v for k, v in kwargs.items()}
    return _cached(fetch, f"{fetch.__module__}.{fetch.__qualname__}", version, normalized)
