"""Settings, declared once: every setting comes from the environment through `load_settings`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "dashboard.db"

# (name, default, help): the README's configuration table lists exactly these; a test checks it.
SETTINGS: list[tuple[str, str, str]] = [
    (
        "DATABASE_URL",
        "",
        "SQLAlchemy URL of the shared database, e.g. postgresql+psycopg://user@host:5432/db. "
        "Empty: an SQLite file data/dashboard.db, created and seeded with the demo province "
        "on first start.",
    ),
    (
        "DASHBOARD_STALE_GRACE_DAYS",
        "0",
        "Days a report may be late beyond the stage's reporting period before a commune "
        "counts as stale.",
    ),
    (
        "DASHBOARD_AT_RISK_MARGIN",
        "0.10",
        "How far below the pace line (a fraction of the expected value) still counts as "
        "'at risk' rather than 'behind'.",
    ),
]


@dataclass(frozen=True)
class Settings:
    """The values of SETTINGS read from the environment."""

    database_url: str
    stale_grace_days: int
    at_risk_margin: float

    @property
    def uses_default_database(self) -> bool:
        """True when no DATABASE_URL is set and the embedded SQLite demo database is used."""
        return not self.database_url


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the settings from the environment (or the mapping given, for tests)."""
    env = os.environ if environ is None else environ
    values = {name: env.get(name, default).strip() for name, default, _ in SETTINGS}
    return Settings(
        database_url=values["DATABASE_URL"],
        stale_grace_days=int(values["DASHBOARD_STALE_GRACE_DAYS"] or 0),
        at_risk_margin=float(values["DASHBOARD_AT_RISK_MARGIN"] or 0.10),
    )
