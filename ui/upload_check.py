"""An uploaded file is checked once: the dry run's outcome is kept in the session.

A widget change reruns the whole page, and a dry run of a large file takes most of a minute;
the outcome is therefore kept under the file's sha256 (with its name, sheet and options)
until another file comes, or the import is committed or cancelled (`forget`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import streamlit as st

T = TypeVar("T")
_CHECKED = "{}_checked"  # session key of a flow's kept outcome
_SHEETS = "{}_sheets"  # session key of a flow's sheet overview (per file digest)


@dataclass(frozen=True)
class Checked:
    """One kept check: what was checked (token) and what the check said."""

    token: tuple[Hashable, ...]
    outcome: Any


def file_digest(data: bytes) -> str:
    """The sha256 of an upload's bytes."""
    return hashlib.sha256(data).hexdigest()


def check_token(digest: str, name: str, **options: Hashable) -> tuple[Hashable, ...]:
    """What identifies a check: the file's content and name, and every option given."""
    return (digest, name, tuple(sorted(options.items())))


def checked_once(flow: str, token: tuple[Hashable, ...], check: Callable[[], T]) -> T:
    """`check()`'s result for `token`, run only when the flow holds no result for it."""
    kept = st.session_state.get(_CHECKED.format(flow))
    if isinstance(kept, Checked) and kept.token == token:
        return kept.outcome
    outcome = check()
    st.session_state[_CHECKED.format(flow)] = Checked(token, outcome)
    return outcome


def kept_once(flow: str, digest: str, compute: Callable[[], T]) -> T:
    """A cheap fact about a file (its sheets), computed once per file digest."""
    kept = st.session_state.get(_SHEETS.format(flow))
    if isinstance(kept, Checked) and kept.token == (digest,):
        return kept.outcome
    value = compute()
    st.session_state[_SHEETS.format(flow)] = Checked((digest,), value)
    return value


def forget(flow: str) -> None:
    """Drop what the flow kept (after a commit, a cancel, or when the file is removed)."""
    st.session_state.pop(_CHECKED.format(flow), None)
    st.session_state.pop(_SHEETS.format(flow), None)
