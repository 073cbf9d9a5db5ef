"""Speed as a person meets it, in headless Chromium, against the budgets of the issue.

    python -m benchmarks.browser [--communes 102 --provinces 1] [--database-url URL [--existing]]
        [--repeat 3] [--sessions 20] [--servers N] [--json FILE] [--skip-load | --only-slides]

Builds a database (the demo province on SQLite by default; `--communes 3321 --provinces 34`
for the whole country; `--database-url` to build into PostgreSQL, or with `--existing` to use
one as it is; a PostgreSQL database it names is created when missing, and overwritten
otherwise), serves the app and a bare one-line Streamlit page the same way, and measures:
every page's fresh load, sidebar navigation, a stage and an as-of change, the map click that
opens a commune, a slide change in presentation mode (→ key and "Next" button), the
server CPU time of a warm overview run, and SESSIONS sessions opening
the overview at once through nginx in front of N app servers (deploy.local): as clients of
Streamlit's protocol (the budget: the servers' share) and, for reference, in Chromium. Each
figure is the median of `--repeat` runs, printed with its ratio to the bare page, its budget
and PASS or OVER, as a table and (with --json) as JSON. It reports; it never fails on a
budget.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from benchmarks import scenarios
from benchmarks.budgets import LOAD_P95, Budget, Figure, table
from benchmarks.dataset import build_database
from benchmarks.interactions import fresh_load, launch, process_cpu_s
from benchmarks.load_test import SESSIONS, LoadRound, run_load
from benchmarks.protocol_load import run_protocol_load
from benchmarks.session import BENCHMARK_LOGIN, make_benchmark_account, sign_in
from data_access.catalog import fetch_all_communes
from data_access.engine import create_db_engine
from deploy.local import default_server_count, free_port, local_deployment
from deploy.servers import PROJECT_ROOT, AppServer
from ui.presentation import SLIDE_COUNT

# The bare page: one line, served through st.App like server.py serves the app.
BARE_PAGE = 'import streamlit as st\n\nst.write("bare")\n'
BARE_SERVER = 'import streamlit as st\n\napp = st.App("bare.py")\n'
CPU_RERUNS = 10  # reruns per CPU batch: 10 ms clock ticks stay under 10 % of 0.1 s


def _progress(step: str) -> None:
    print(f"… {step}", file=sys.stderr, flush=True)


def _create_postgres_database(url: str) -> None:
    """Create the PostgreSQL database `url` names when the server does not have it yet."""
    target = sa.engine.make_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                {"name": target.database},
            ).first()
            if exists is None:
                connection.execute(sa.text(f'CREATE DATABASE "{target.database}"'))
    finally:
        admin.dispose()


def _database(args: argparse.Namespace, folder: Path) -> tuple[str, dict]:
    url = args.database_url or f"sqlite:///{folder / 'benchmark.db'}"
    build: dict = {}
    if args.existing:
        engine = create_db_engine(url)
    else:
        if url.startswith("postgresql"):
            _create_postgres_database(url)
        engine, build = build_database(url, communes=args.communes, provinces=args.provinces)
    try:
        make_benchmark_account(engine)  # the account the browsers sign in as
    finally:
        engine.dispose()
    return url, {k: round(v, 2) for k, v in build.items()}


def _first_commune(url: str) -> str:
    engine = create_db_engine(url)
    try:
        return str(fetch_all_communes(engine).sort_values("code")["code"].iloc[0])
    finally:
        engine.dispose()


def _bare_server(folder: Path) -> AppServer:
    """The bare page, served with the app's own .streamlit/config.toml (the same runner)."""
    (folder / "bare.py").write_text(BARE_PAGE)
    (folder / ".streamlit").mkdir(exist_ok=True)
    shutil.copy(PROJECT_ROOT / ".streamlit" / "config.toml", folder / ".streamlit")
    (folder / "bare_server.py").write_text(BARE_SERVER)
    return AppServer(
        free_port(), env={}, log_path=folder / "bare.log", script=folder / "bare_server.py"
    )


def single_server_figures(args: argparse.Namespace, url: str, folder: Path) -> list[Figure]:
    """Everything measured on one app server and the bare page, both served directly."""
    from playwright.sync_api import sync_playwright

    pages = scenarios.targets(_first_commune(url))
    env = {"DATABASE_URL": url, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    app = AppServer(free_port(), env=env, log_path=folder / "app.log")
    bare = _bare_server(folder)
    try:
        for server in (app.start(), bare.start()):
            server.wait_until_healthy()
        sign_in(app.url, BENCHMARK_LOGIN)  # every page asks for a session
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                _progress("fresh loads")
                if args.only_slides:
                    figures = [scenarios.bare_load(browser, bare.url, args.repeat)]
                else:
                    figures = scenarios.fresh_loads(browser, app.url, bare.url, pages, args.repeat)
                bare_s = figures[0].median_s
                _progress("slide changes")
                slides = scenarios.slide_changes(
                    browser, app.url, args.repeat, bare_s, slides=SLIDE_COUNT
                )
                if args.only_slides:
                    return figures + slides
                _progress("sidebar navigation")
                figures += scenarios.navigation(browser, app.url, pages, args.repeat, bare_s)
                _progress("filter changes")
                figures += scenarios.filters(browser, app.url, args.repeat, bare_s)
                _progress("map clicks")
                figures += scenarios.map_clicks(browser, app.url, args.repeat, bare_s)
                _progress("warm overview reruns")
                figures += scenarios.warm_run_cpu(
                    browser, app.url, app.pid, CPU_RERUNS, args.repeat
                )
                figures += slides
            finally:
                browser.close()
    finally:
        app.stop()
        bare.stop()
    return figures


def _load(name: str, rounds: list[LoadRound], budget: Budget | None, bare_s: float) -> Figure:
    figure = Figure(name, "load_test", [r.percentile(0.95) for r in rounds], budget, bare_s)
    figure.notes = {
        "p50_s": [round(r.percentile(0.5), 3) for r in rounds],
        "max_s": [round(max(r.seconds, default=float("inf")), 3) for r in rounds],
        "errors": [e for r in rounds for e in r.errors],
    }
    return figure


def load_figures(args: argparse.Namespace, url: str, folder: Path, bare_s: float) -> list[Figure]:
    """SESSIONS sessions opening the overview at once through nginx and N app servers.

    The budgeted figure comes from clients that speak Streamlit's protocol and draw nothing,
    as on a real deployment, where each browser draws on its own computer; the same in
    Chromium follows for reference, with all its pages drawn on this machine's cores.
    """
    from playwright.sync_api import sync_playwright

    overview = f"{args.sessions} sessions opening the overview at once"
    with local_deployment(
        url, servers=args.servers, directory=folder / "deployment", prepare=False
    ) as deployment:
        servers = len(deployment.servers)
        for base in (deployment.url, *(s.url for s in deployment.servers)):
            sign_in(base, BENCHMARK_LOGIN)
        with sync_playwright() as playwright:  # one warm-up load on each server's caches
            browser = launch(playwright)
            try:
                for server in deployment.servers:
                    fresh_load(browser, f"{server.url}/")
            finally:
                browser.close()
        _progress(overview + " through nginx (protocol clients)")
        cpu_before = [process_cpu_s(s.pid) for s in deployment.servers]
        protocol = run_protocol_load(deployment.url, sessions=args.sessions, rounds=args.repeat)
        cpu_used = [
            process_cpu_s(s.pid) - b for s, b in zip(deployment.servers, cpu_before, strict=True)
        ]
        _progress(overview + " through nginx (Chromium)")
        chromium = run_load(f"{deployment.url}/", sessions=args.sessions, rounds=1)
    served = _load(
        f"{args.sessions} sessions at once, p95 ({servers} servers + nginx)",
        protocol,
        LOAD_P95,
        bare_s,
    )
    served.notes |= {
        "sessions": args.sessions,
        "servers": servers,
        "client": "Streamlit protocol, nothing drawn",
        "server_cpu_s": [round(c, 2) for c in cpu_used],
        "server_cpu_per_session_s": round(sum(cpu_used) / (args.sessions * args.repeat), 3),
    }
    drawn = _load(
        f"  the same in {args.sessions} Chromium pages (reference)", chromium, None, bare_s
    )
    drawn.notes["client"] = "Chromium, every page drawn on this machine"
    return [served, drawn]


def main(argv: list[str] | None = None) -> int:
    """Build, serve, measure, print; exit 1 only when a measurement itself failed."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser", description=__doc__)
    parser.add_argument("--communes", type=int, default=102)
    parser.add_argument("--provinces", type=int, default=1)
    parser.add_argument("--database-url", default="", help="build into (or use) this database")
    parser.add_argument("--existing", action="store_true", help="use the database as it is")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--servers", type=int, default=default_server_count())
    parser.add_argument("--skip-load", action="store_true", help="no load test")
    parser.add_argument(
        "--only-slides",
        action="store_true",
        help="only the bare page and the presentation's slide changes (no load test)",
    )
    parser.add_argument("--json", type=Path, help="also write the report here as JSON")
    args = parser.parse_args(argv)
    started = time.monotonic()
    report: dict[str, object] = {
        "machine": {"cores": os.cpu_count(), "load_average": os.getloadavg()},
        "python": platform.python_version(),
        "repeat": args.repeat,
    }
    with tempfile.TemporaryDirectory(prefix="bdhvs-bench-") as name:
        folder = Path(name)
        url, report["build"] = _database(args, folder)
        report["backend"] = sa.engine.make_url(url).get_backend_name()
        report["communes"], report["provinces"] = args.communes, args.provinces
        figures = single_server_figures(args, url, folder)
        if not (args.skip_load or args.only_slides):
            figures += load_figures(args, url, folder, figures[0].median_s)
    report["seconds"] = round(time.monotonic() - started, 1)
    report["figures"] = [figure.as_dict() for figure in figures]
    print(table(figures))
    over = [f.name for f in figures if f.verdict == "OVER"]
    print(
        f"\n{len(over)} of {sum(1 for f in figures if f.budget)} budgets over; "
        f"{report['seconds']} s in all"
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    errors = [e for f in figures for e in f.notes.get("errors", [])]
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
