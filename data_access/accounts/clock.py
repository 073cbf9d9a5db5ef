"""Times of the accounts tables: naive UTC, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time as naive UTC, as the accounts tables store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def as_naive_utc(moment: datetime) -> datetime:
    """`moment` as naive UTC: an aware time is converted, a naive one is taken as UTC."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
