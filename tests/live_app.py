"""A real Streamlit server on the demo database, and Debian's Chromium driven by Playwright.

Used by the browser tests (marker `browser`) and by the screenshot script.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.session import session_token
from data_access.settings import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
READY_SELECTOR = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# The app is "notRunning" also before its first run starts: wait for the page title first.
CONTENT_SELECTOR = '[data-testid="stMain"] [data-testid="stHeading"]'
SERVER_START_TIMEOUT_S = 90
# A page counts as drawn when what it shows holds still this long while not running.
SETTLE_INTERVAL_MS = 750
# What the app shows, as (nodes, characters of text): equal twice in a row means drawn. An
# element whose code is still loading is a skeleton (a metric, a chart): never drawn yet.
DRAWN_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const loading = [...document.querySelectorAll('[data-testid="stSkeleton"]')]
    .some((el) => el.getClientRects().length > 0);
  if (!app || loading) return ['loading', performance.now()];
  return [app.getElementsByTagName('*').length, app.innerText.length];
}"""
# The end of a server's log shown under a failed test that used it.
LOG_TAIL_CHARS = 6000
# Base URL -> log file of every server started by this process.
SERVER_LOGS: dict[str, Path] = {}


def server_log_tail(base: str) -> str:
    """The last part of the log of the server at `base` ("" when unknown)."""
    path = SERVER_LOGS.get(base)
    if path is None or not path.exists():
        return ""
    return path.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL_CHARS:]


def chromium_available() -> bool:
    """True when Debian's Chromium is installed."""
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def streamlit_server(
    database_url: str,
    *,
    env: dict[str, str] | None = None,
    log_path: Path | None = None,
    port: int | None = None,
) -> Iterator[str]:
    """Serve app.py on a free port against `database_url`; yield its base URL.

    `env` adds environment variables; `log_path` keeps the server's output (else discarded).
    """
    port = port or free_port()
    env = {**os.environ, "DATABASE_URL": database_url, **(env or {})}
    base = f"http://127.0.0.1:{port}"
    log = log_path or Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    SERVER_LOGS[base] = log
    log_file = log.open("w", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(PROJECT_ROOT / "server.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                    if answer.read().decode() == "ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"Streamlit server did not start:\n{server_log_tail(base)}")
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log_file.close()


# The demo account browser tests sign in as by default: it reads, presents and briefs.
DEFAULT_LOGIN = "committee"


@contextmanager
def chromium_page(
    width: int = 1920,
    height: int = 1080,
    *,
    base: str | None = None,
    login: str | None = DEFAULT_LOGIN,
) -> Iterator[object]:
    """A Playwright page in headless Debian Chromium with the given viewport, signed in to
    the server at `base` as `login` (a demo account; None or no base: nobody signed in)."""
    from playwright.sync_api import sync_playwright

    from signin.routes import SESSION_COOKIE

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            if base and login:
                token = session_token(base, login)
                context.add_cookies([{"name": SESSION_COOKIE, "value": token, "url": base}])
            yield context.new_page()
        finally:
            browser.close()


def open_and_wait(page: object, url: str, *, timeout_ms: int = 60_000) -> None:
    """Go to `url` and wait until the script has finished running."""
    page.goto(url)
    page.wait_for_selector(CONTENT_SELECTOR, timeout=timeout_ms)
    settle_page(page, timeout_ms=timeout_ms)


def settle_page(page: object, *, timeout_ms: int = 60_000) -> None:
    """Wait until the script is not running and the page stops changing for a moment.

    "Changing" counts every node and all the text in the app, not only its element
    containers: an element's own content (a metric, a button) can still be drawn after its
    container is there, and for a moment after the run has ended.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    previous: object = None  # never equal to what DRAWN_JS returns
    while time.monotonic() < deadline:
        page.wait_for_selector(READY_SELECTOR, timeout=timeout_ms)
        drawn = page.evaluate(DRAWN_JS)
        if drawn == previous:
            return
        previous = drawn
        page.wait_for_timeout(SETTLE_INTERVAL_MS)
    raise TimeoutError("the page kept changing")
