"""Time the overview queries and an AppTest run of every page, next to a bare Streamlit page.

    python -m benchmarks.run [--communes 102] [--provinces 1] [--database-url URL] [--repeat 5]

Prints one JSON object. Page times are also given as ratios to the bare one-line page timed in
the same run, so figures from different machines compare.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from benchmarks.dataset import build_database
from data_access.catalog import fetch_latest_report_date, fetch_stage_indicators, fetch_stages
from data_access.history import fetch_indicator_history, fetch_target_group_totals
from data_access.progress import fetch_commune_reports, fetch_indicator_totals
from data_access.settings import PROJECT_ROOT
from figures import committee
from figures.lists import DEFAULT_MEETING_GAP_DAYS
from figures.reader import PlainReader
from figures.scope import Scope, Stage
from ui.navigation import PAGES

BARE_PAGE = "import streamlit as st\nst.write('bare')\n"
FRAME_ENTRY = "import runpy\nrunpy.run_path({app!r}, run_name='__main__')\n"


def _time(call: Callable[[], object], repeat: int) -> dict[str, float]:
    started = time.perf_counter()
    call()
    cold = time.perf_counter() - started
    warm = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        warm.append(time.perf_counter() - started)
    return {"cold_s": round(cold, 4), "warm_s": round(statistics.median(warm), 4)}


def time_queries(engine: sa.Engine, repeat: int) -> dict[str, dict[str, float]]:
    """Cold and warm times of the queries behind the overview, and of its tiles, for the
    first province's last stage."""
    stages = fetch_stages(engine)
    row = stages.iloc[-1]
    stage_id = int(row["stage_id"])
    as_of = fetch_latest_report_date(engine)
    kwargs = {"stage_id": stage_id, "as_of": as_of}
    scope = Scope(stage=Stage.from_row(row), as_of=as_of)
    meeting = as_of - timedelta(days=DEFAULT_MEETING_GAP_DAYS)

    def overview_tiles() -> None:
        with PlainReader(engine) as reader:
            committee.tiles(reader, scope, meeting)

    queries = {
        "stage_indicators": lambda: fetch_stage_indicators(engine, stage_id=stage_id),
        "indicator_totals": lambda: fetch_indicator_totals(
            engine, **kwargs, period_days=int(row["period_days"])
        ),
        "commune_reports": lambda: fetch_commune_reports(
            engine, **kwargs, start_date=row["start_date"]
        ),
        "indicator_history": lambda: fetch_indicator_history(engine, **kwargs),
        "target_group_totals": lambda: fetch_target_group_totals(engine, **kwargs),
        "overview_tiles": overview_tiles,
    }
    return {name: _time(call, repeat) for name, call in queries.items()}


def _time_page(entry: Path, path: str, repeat: int) -> dict[str, float]:
    """One page's run alone: the frame runs first untimed, then the switch to the page is timed.

    Cold: Streamlit's caches emptied just before the timed run; warm: the median of `repeat`
    further runs with the caches filled.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def prepared() -> AppTest:
        at = AppTest.from_file(str(entry), default_timeout=300)
        at.run()
        if at.exception:
            raise RuntimeError(f"app.py: {at.exception[0].value}")
        return at

    def timed(at: AppTest) -> float:
        started = time.perf_counter()
        at.switch_page(path)
        at.run()
        elapsed = time.perf_counter() - started
        if at.exception:
            raise RuntimeError(f"{path}: {at.exception[0].value}")
        return elapsed

    at = prepared()
    st.cache_data.clear()
    cold = timed(at)
    warm = [timed(prepared()) for _ in range(repeat)]
    return {"cold_s": round(cold, 4), "warm_s": round(statistics.median(warm), 4)}


def time_pages(url: str, repeat: int) -> dict[str, dict[str, float]]:
    """AppTest run of a bare page and of every page: cold (empty caches) and warm."""
    from streamlit.testing.v1 import AppTest

    os.environ["DATABASE_URL"] = url
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare.py"
        bare.write_text(BARE_PAGE)
        results["bare"] = _time(lambda: AppTest.from_file(str(bare)).run(), repeat)
        # AppTest treats a pages/ folder beside its entry script as an old-style multipage
        # app and would run a switched-to page without the frame: the entry sits elsewhere.
        entry = Path(folder) / "frame_entry.py"
        entry.write_text(FRAME_ENTRY.format(app=str(PROJECT_ROOT / "app.py")))
        for page in PAGES:
            results[page.name] = _time_page(entry, str(page.path), repeat)
    bare_warm = results["bare"]["warm_s"]
    for timing in results.values():
        timing["warm_ratio"] = round(timing["warm_s"] / bare_warm, 1)
        timing["cold_ratio"] = round(timing["cold_s"] / bare_warm, 1)
    return results


def main(argv: list[str] | None = None) -> int:
    """Build the database, time queries and pages, print JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--communes", type=int, default=102)
    parser.add_argument("--provinces", type=int, default=1)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument(
        "--keep-database", default="", help="build the SQLite database at this path and keep it"
    )
    args = parser.parse_args(argv)
    # AppTest runs scripts without a server; Streamlit warns about that on every call.
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        sqlite_path = args.keep_database or str(Path(folder) / "benchmark.db")
        url = args.database_url or f"sqlite:///{sqlite_path}"
        engine, build = build_database(url, communes=args.communes, provinces=args.provinces)
        report = {
            "communes": args.communes,
            "provinces": args.provinces,
            "backend": engine.dialect.name,
            "build": {k: round(v, 2) for k, v in build.items()},
            "queries": time_queries(engine, args.repeat),
        }
        engine.dispose()
        if not args.skip_pages:
            report["pages"] = time_pages(url, max(1, args.repeat // 2))
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
