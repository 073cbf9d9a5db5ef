"""Time a 100,000-row report import on the demo province (SQLite, and PostgreSQL when given).

    python -m benchmarks.import_reports [--rows 100000] [--database-url postgresql+psycopg://...]

Builds a fresh database with the demo province, writes a CSV of `rows` new report rows (every
commune and indicator on non-Monday days of stage GD2-2026, continuing each pair's latest value),
then times the import (read, validate, write) and prints JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from data_access.engine import create_db_engine
from data_access.importers.writing import import_reports
from data_access.migrate import upgrade_to_head
from data_access.seed import read_dataset_folder, seed_database

FIRST_DAY = date(2026, 1, 2)
# The demo data's last report is 2026-11-16: "today" for the benchmark, whatever the clock says.
TODAY = date(2026, 11, 16)


def build_file(reports: pd.DataFrame, rows: int) -> bytes:
    """CSV bytes of `rows` valid report rows on days the demo data has no report."""
    communes = reports[reports["locality_code"].str.len() == 5]
    latest = communes.sort_values("as_of").groupby(["locality_code", "indicator_code"]).tail(1)
    frames, total, day = [], 0, FIRST_DAY
    while total < rows and day <= TODAY:
        if day.weekday() != 0:
            frames.append(latest.assign(as_of=day.isoformat()))
            total += len(latest)
        day += timedelta(days=1)
    frame = pd.concat(frames, ignore_index=True).iloc[:rows]
    frame = frame.rename(columns={"locality_code": "commune_code"})
    return frame.to_csv(index=False).encode("utf-8")


def _fresh_database(url: str | None, folder: Path) -> sa.Engine:
    if url is None:
        engine = create_db_engine(f"sqlite:///{folder / 'import.db'}")
    else:
        admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text("DROP DATABASE IF EXISTS bdhvs_import_benchmark"))
            connection.execute(sa.text("CREATE DATABASE bdhvs_import_benchmark"))
        admin.dispose()
        engine = create_db_engine(
            str(sa.engine.make_url(url).set(database="bdhvs_import_benchmark"))
        )
    upgrade_to_head(engine)
    return engine


def main(argv: list[str] | None = None) -> int:
    """Build, import, print the timings."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.import_reports")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", help="PostgreSQL server URL (a database is created)")
    args = parser.parse_args(argv)
    data = read_dataset_folder()
    payload = build_file(data.reports, args.rows)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for url in [None] + ([args.database_url] if args.database_url else []):
            engine = _fresh_database(url, Path(folder))
            seed_database(engine, data)
            started = time.perf_counter()
            outcome = import_reports(
                engine,
                payload,
                "benchmark.csv",
                user="benchmark",
                today=TODAY,
                allow_decrease=True,
            )
            elapsed = time.perf_counter() - started
            results.append(
                {
                    "backend": engine.dialect.name,
                    "rows": args.rows,
                    "status": outcome.status,
                    "added": outcome.added,
                    "import_s": round(elapsed, 2),
                }
            )
            engine.dispose()
            if url is not None:
                admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
                with admin.connect() as connection:
                    connection.execute(sa.text("DROP DATABASE bdhvs_import_benchmark"))
                admin.dispose()
    json.dump(results, sys.stdout, indent=2)
    print()
    return 0 if all(r["status"] == "committed" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
