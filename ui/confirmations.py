"""The confirmation a write shows in the rerun it asks for ("Đã ghi kết luận.").

It stays until a run has drawn the page to its end: a run cut short by the next one (a second
click, a field left just as the page redraws) leaves it for that next run instead of losing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st


def confirm_and_rerun(key: str, message: str) -> None:
    """After a write: keep `message` under `key` and rerun, so the page shows what changed."""
    st.session_state[key] = message
    st.rerun()


@contextmanager
def confirmation(key: str) -> Iterator[None]:
    """Show the confirmation kept under `key`, draw the body, then drop it.

    Not in a `finally`: a run stopped by a rerun (a new write's confirm_and_rerun among them)
    must keep what it holds.
    """
    if message := st.session_state.get(key):
        st.success(message)
    yield
    st.session_state.pop(key, None)
