"""Several app servers and nginx on 127.0.0.1, on one database: a local deployment.

    python -m deploy.local [--servers N] [--port 8080] [--database-url URL]

Serves until Ctrl-C (or SIGTERM), then stops everything it started. The tests and the load
benchmark use `local_deployment` for the same thing. Without DATABASE_URL the servers share
the embedded SQLite demo database (data/dashboard.db), prepared once before they start.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.nginx import NginxProxy
from deploy.servers import PROJECT_ROOT, AppServer

# Preparing the database (migrating, seeding the demo) takes a few seconds on SQLite; a
# province's PostgreSQL is only checked.
PREPARE_TIMEOUT_S = 180


def default_server_count() -> int:
    """One app server per core: a Streamlit process runs Python on one core at a time."""
    return os.cpu_count() or 1


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Deployment:
    """A running local deployment: the proxy's URL and each app server behind it."""

    url: str
    servers: list[AppServer]
    proxy: NginxProxy
    directory: Path
    prepared: str = ""  # what preparing the database printed (the demo accounts)


def prepare_database(env: dict[str, str]) -> str:
    """Migrate (and on the default SQLite seed) the database once, before any server starts,
    so that N servers never race to do it; return what it printed (the demo accounts)."""
    result = subprocess.run(
        [sys.executable, "-m", "data_access.accounts.demo"],
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=PREPARE_TIMEOUT_S,
        check=False,
    )
    return (result.stdout + result.stderr).strip()


@contextmanager
def local_deployment(
    database_url: str = "",
    *,
    servers: int | None = None,
    port: int | None = None,
    env: dict[str, str] | None = None,
    directory: Path | None = None,
    prepare: bool = True,
) -> Iterator[Deployment]:
    """Start `servers` app servers and nginx in front of them; stop them all on leaving.

    `env` adds environment variables for the servers; `directory` keeps the configuration
    and logs (default: a new temporary folder, left in place for reading the logs).
    """
    count = servers or default_server_count()
    folder = directory or Path(tempfile.mkdtemp(prefix="bdhvs-deploy-"))
    folder.mkdir(parents=True, exist_ok=True)
    server_env = {
        # Every server signs Streamlit's cookies (XSRF, single sign-on) with the same key, so
        # a browser moved to another server by a failure keeps working there.
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
        **({"DATABASE_URL": database_url} if database_url else {}),
        **(env or {}),
    }
    prepared = prepare_database(server_env) if prepare else ""
    app_servers = [
        AppServer(free_port(), env=server_env, log_path=folder / f"server-{i + 1}.log")
        for i in range(count)
    ]
    with ExitStack() as stack:
        for server in app_servers:
            stack.callback(server.stop)
            server.start()
        for server in app_servers:
            server.wait_until_healthy()
        proxy = NginxProxy(
            folder,
            listen_port=port or free_port(),
            upstream_ports=[server.port for server in app_servers],
        )
        stack.callback(proxy.stop)
        proxy.start()
        yield Deployment(proxy.url, app_servers, proxy, folder, prepared)


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m deploy.local", description=__doc__)
    parser.add_argument("--servers", type=int, default=default_server_count())
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        with local_deployment(args.database_url, servers=args.servers, port=args.port) as dep:
            if dep.prepared:
                print(dep.prepared)
            print(f"nginx: {dep.url}  (logs, configuration: {dep.directory})")
            for server in dep.servers:
                print(f"  app server pid {server.pid}: {server.url}")
            print("Ctrl-C dừng tất cả. / Ctrl-C stops everything.", flush=True)
            stop.wait()
    except KeyboardInterrupt:
        pass
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
