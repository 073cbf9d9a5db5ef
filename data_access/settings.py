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
        "DASHBOARD_DEFAULT_DATE_MIN_SHARE",
        "0.5",
        "Share of a province's communes that must have reported within one reporting period "
        "for its date to be the default as-of date (a few early reports do not move it).",
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
    (
        "DASHBOARD_SESSION_IDLE_MINUTES",
        "120",
        "A signed-in browser left unused this many minutes must sign in again.",
    ),
    (
        "DASHBOARD_SESSION_MAX_HOURS",
        "12",
        "A sign-in lasts at most this many hours, however active (one working day).",
    ),
    (
        "DASHBOARD_SIGNIN_MAX_FAILURES",
        "5",
        "Failed sign-ins to one login within the window after which that login is refused "
        "until the window has passed (counted for logins that do not exist too).",
    ),
    (
        "DASHBOARD_SIGNIN_MAX_FAILURES_PER_ADDRESS",
        "30",
        "Failed sign-ins from one address within the window after which that address is "
        "refused; higher than per login because a commune office shares one address.",
    ),
    (
        "DASHBOARD_SIGNIN_WINDOW_MINUTES",
        "15",
        "Length of the window in which failed sign-ins are counted.",
    ),
    (
        "DASHBOARD_COOKIE_SECURE",
        "0",
        "1: the sign-in cookie is always marked Secure (set it behind a TLS reverse proxy). "
        "0: Secure only when the request arrived over TLS (directly or per a trusted proxy).",
    ),
    (
        "DASHBOARD_TRUSTED_PROXIES",
        "",
        "Comma-separated addresses of reverse proxies on other hosts whose X-Forwarded-For "
        "and X-Forwarded-Proto headers are believed, e.g. 10.0.0.5. (Streamlit's server, "
        "uvicorn, already believes them from the addresses in its own FORWARDED_ALLOW_IPS, "
        "127.0.0.1 by default.) Empty: no other proxy is believed.",
    ),
    (
        "DASHBOARD_HEADS_SEE_ALL_AGENCIES",
        "0",
        "1: department heads also see other agencies' indicators (read only). 0: only their "
        "own agencies' indicators.",
    ),
    (
        "DASHBOARD_LINK_MAX_DAYS",
        "7",
        "Longest validity of a presentation link, in days.",
    ),
]

# Words read as true / false in boolean settings; anything else is refused, never guessed.
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"", "0", "false", "no", "off"})


# Streamlit counts server.maxUploadSize and the uploader's max_upload_size in MiB.
UPLOAD_MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """The values of SETTINGS read from the environment."""

    database_url: str
    stale_grace_days: int
    at_risk_margin: float
    default_date_min_share: float = 0.5
    import_max_bytes: int = 20_000_000
    import_max_rows: int = 200_000
    import_max_columns: int = 50
    import_max_cells: int = 2_000_000
    max_per_person: float = 100.0
    max_percent_target: float = 100.0
    session_idle_minutes: int = 120
    session_max_hours: int = 12
    signin_max_failures: int = 5
    signin_max_failures_per_address: int = 30
    signin_window_minutes: int = 15
    cookie_secure: bool = False
    trusted_proxies: frozenset[str] = frozenset()
    heads_see_all_agencies: bool = False
    link_max_days: int = 7

    @property
    def upload_limit_mb(self) -> int:
        """The import size limit in Streamlit's megabytes (MiB, rounded up) for the uploader
        and server.maxUploadSize, so the browser never refuses a file the importer accepts."""
        return max(1, -(-self.import_max_bytes // UPLOAD_MEGABYTE))

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
        default_date_min_share=float(values["DASHBOARD_DEFAULT_DATE_MIN_SHARE"] or 0.5),
        import_max_bytes=int(values["DASHBOARD_IMPORT_MAX_BYTES"] or 20_000_000),
        import_max_rows=int(values["DASHBOARD_IMPORT_MAX_ROWS"] or 200_000),
        import_max_columns=int(values["DASHBOARD_IMPORT_MAX_COLUMNS"] or 50),
        import_max_cells=int(values["DASHBOARD_IMPORT_MAX_CELLS"] or 2_000_000),
        max_per_person=float(values["DASHBOARD_MAX_PER_PERSON"] or 100),
        max_percent_target=float(values["DASHBOARD_MAX_PERCENT_TARGET"] or 100),
        session_idle_minutes=_positive(values, "DASHBOARD_SESSION_IDLE_MINUTES"),
        session_max_hours=_positive(values, "DASHBOARD_SESSION_MAX_HOURS"),
        signin_max_failures=_positive(values, "DASHBOARD_SIGNIN_MAX_FAILURES"),
        signin_max_failures_per_address=_positive(
            values, "DASHBOARD_SIGNIN_MAX_FAILURES_PER_ADDRESS"
        ),
        signin_window_minutes=_positive(values, "DASHBOARD_SIGNIN_WINDOW_MINUTES"),
        cookie_secure=_flag(values, "DASHBOARD_COOKIE_SECURE"),
        trusted_proxies=frozenset(
            part.strip() for part in values["DASHBOARD_TRUSTED_PROXIES"].split(",") if part.strip()
        ),
        heads_see_all_agencies=_flag(values, "DASHBOARD_HEADS_SEE_ALL_AGENCIES"),
        link_max_days=_positive(values, "DASHBOARD_LINK_MAX_DAYS"),
    )


def _positive(values: dict[str, str], name: str) -> int:
    # Limits of sign-in must be real limits: zero or a negative number is refused at start.
    number = int(values[name])
    if number < 1:
        raise ValueError(f"{name} must be a positive whole number, not {values[name]!r}")
    return number


def _flag(values: dict[str, str], name: str) -> bool:
    word = values[name].lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{name} must be 1 or 0, not {values[name]!r}")
