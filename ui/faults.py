"""When the database goes away: a page that says so in both languages and tries again.

Nothing of the error (SQL, host, paths) reaches the viewer; the page retries by itself and
the app recovers without a restart once the database answers again.
"""

from __future__ import annotations

import logging
import time

import sqlalchemy as sa
import streamlit as st

from data_access.bootstrap import DatabaseNotReady
from i18n import translate

# How often the fault page asks the database again, in seconds: soon enough that a meeting
# does not wait, rare enough not to hammer a server that is restarting.
RETRY_EVERY_S = 10
LOG = logging.getLogger(__name__)
# Errors meaning "the database cannot serve now" (not a bug of a query): shown as a fault page.
# InternalError: PostgreSQL's "read-only transaction" (SQLSTATE 25006) arrives as one.
DATABASE_FAULTS = (
    sa.exc.OperationalError,
    sa.exc.InterfaceError,
    sa.exc.InternalError,
    DatabaseNotReady,
)
_READ_ONLY_HINTS = ("read-only", "readonly", "read only")


def is_read_only(error: BaseException) -> bool:
    """True when the database refused a write because it is read-only."""
    text = str(getattr(error, "orig", error)).lower()
    return any(hint in text for hint in _READ_ONLY_HINTS)


def render_database_fault(error: BaseException, lang: str, ping) -> None:  # noqa: ANN001
    """The fault page: what happened (never how), a retry button, and an automatic retry
    every RETRY_EVERY_S seconds (`ping()` returns True once the database answers)."""
    LOG.warning("database fault: %s", type(error).__name__)
    if isinstance(error, DatabaseNotReady):
        key = "db.not_initialised"
    elif is_read_only(error):
        key = "db.read_only"
    else:
        key = "db.unreachable"
    st.title(translate("db.fault_title", lang), anchor=False)
    st.error(translate(key, lang))
    if key == "db.read_only":  # reading still works: the viewer goes back when they choose
        st.button(translate("db.back", lang), icon=":material/arrow_back:")
        st.stop()
    st.caption(translate("db.retrying", lang, seconds=RETRY_EVERY_S))
    if st.button(translate("db.retry", lang), icon=":material/refresh:"):
        st.rerun()
    shown_at = time.monotonic()

    def retry() -> None:
        # The fragment also runs at once with the page: only its timer's runs ask again.
        if time.monotonic() - shown_at >= RETRY_EVERY_S / 2 and ping():
            st.rerun(scope="app")

    st.fragment(retry, run_every=RETRY_EVERY_S)()
    st.stop()


def database_answers(engine_factory) -> bool:  # noqa: ANN001 (a callable giving an engine)
    """True when a connection can be opened and asked a trivial question."""
    try:
        with engine_factory().connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except DATABASE_FAULTS:
        return False
    return True
