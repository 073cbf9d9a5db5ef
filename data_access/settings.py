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
    (
        "DASHBOARD_IMPORT_MAX_BYTES",
        "20000000",
        "Largest file an import reads, in bytes (also the largest a gzipped CSV may unpack to). "
        "A year of weekly reports of a 170-commune province is about 5 MB as CSV.",
    ),
    (
        "DASHBOARD_IMPORT_MAX_ROWS",
        "200000",
        "Most data rows an imported file (or XLSX sheet) may have; reading stops there.",
    ),
    (
        "DASHBOARD_IMPORT_MAX_COLUMNS",
        "50",
        "Most columns with a value an imported file may have; cells beyond are not read.",
    ),
    (
        "DASHBOARD_IMPORT_MAX_CELLS",
        "2000000",
        "Most non-empty cells an imported file may have; reading stops there.",
    ),
    (
        "DASHBOARD_MAX_PER_PERSON",
        "100",
        "A reported count above this many times the commune's registered population of the "
        "indicator's target group (else its largest group) is refused as implausible.",
    ),
    (
        "DASHBOARD_MAX_PERCENT_TARGET",
        "100",
        "Highest baseline or target a percent indicator may be given, in percent.",
    ),
]


@dataclass(frozen=True)
class Settings:
    """The values of SETTINGS read from the environment."""

    database_url: str
    stale_grace_days: int
    at_risk_margin: float
    import_max_bytes: int = 20_000_000
    import_max_rows: int = 200_000
    import_max_columns: int = 50
    import_max_cells: int = 2_000_000
    max_per_person: float = 100.0
    max_percent_target: float = 100.0

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
        import_max_bytes=int(values["DASHBOARD_IMPORT_MAX_BYTES"] or 20_000_000),
        import_max_rows=int(values["DASHBOARD_IMPORT_MAX_ROWS"] or 200_000),
        import_max_columns=int(values["DASHBOARD_IMPORT_MAX_COLUMNS"] or 50),
        import_max_cells=int(values["DASHBOARD_IMPORT_MAX_CELLS"] or 2_000_000),
        max_per_person=float(values["DASHBOARD_MAX_PER_PERSON"] or 100),
        max_percent_target=float(values["DASHBOARD_MAX_PERCENT_TARGET"] or 100),
    )
