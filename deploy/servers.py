"""One app server process: the command an operator's unit runs, started, watched and stopped."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SERVER_SCRIPT = PROJECT_ROOT / "server.py"
# Streamlit answers "ok" here once it serves; nginx and deploy/health.sh ask the same.
HEALTH_PATH = "/_stcore/health"
# The flags every app server runs with (deploy/systemd/bdhvs@.service repeats them; a test
# keeps the two equal). No file watcher: a deployed server never reloads its sources, and
# watching them costs CPU on every run. Bound to 127.0.0.1: only the proxy may reach it.
SERVER_FLAGS: tuple[str, ...] = (
    "--server.headless",
    "true",
    "--server.address",
    "127.0.0.1",
    "--server.fileWatcherType",
    "none",
    "--browser.gatherUsageStats",
    "false",
)
# A first start migrates or seeds nothing (the launcher prepares the database first) but
# imports pandas, altair and SQLAlchemy: well under this on a 2-core machine.
START_TIMEOUT_S = 90
# Streamlit stops its sessions and the uvicorn server within a second or two on SIGTERM.
STOP_TIMEOUT_S = 10
# Often enough that a test does not wait for nothing, rarely enough to cost no CPU.
HEALTH_POLL_S = 0.25


def server_command(port: int, script: Path = SERVER_SCRIPT) -> list[str]:
    """The command line that serves `script` (an st.App file) on 127.0.0.1:`port`."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        *SERVER_FLAGS,
        "--server.port",
        str(port),
    ]


def is_healthy(base_url: str, timeout: float = 2.0) -> bool:
    """True when the server at `base_url` answers its health check with "ok"."""
    try:
        with urllib.request.urlopen(base_url + HEALTH_PATH, timeout=timeout) as answer:
            return answer.status == 200 and answer.read().strip() == b"ok"
    except OSError:
        return False


class AppServer:
    """A Streamlit process on 127.0.0.1:`port`, its output in `log_path`."""

    def __init__(
        self,
        port: int,
        *,
        env: dict[str, str],
        log_path: Path,
        script: Path = SERVER_SCRIPT,
    ) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self._env = {**os.environ, **env}
        self._script = script
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        """The server's process id (it must have been started)."""
        if self.process is None:
            raise RuntimeError("the server is not started")
        return self.process.pid

    def start(self) -> AppServer:
        """Start the process (returns at once; see wait_until_healthy)."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                server_command(self.port, self._script),
                cwd=self._script.parent,
                env=self._env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        return self

    def wait_until_healthy(self, timeout: float = START_TIMEOUT_S) -> None:
        """Return once the health check answers; raise with the log's end if it never does."""
        deadline = time.monotonic() + timeout
        while not is_healthy(self.url):
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"app server {self.url} exited:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"app server {self.url} did not start:\n{self.log_tail()}")
            time.sleep(HEALTH_POLL_S)

    def kill(self) -> None:
        """End the process at once, as a crash would (SIGKILL)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT_S)

    def stop(self) -> None:
        """Stop the process: SIGTERM, then SIGKILL if it has not ended in time."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.kill()

    def log_tail(self, chars: int = 4000) -> str:
        """The end of the server's output."""
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
