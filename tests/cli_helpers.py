"""`python -m data_access ...` for tests: as a real process (as a shell user runs it) or in
this process through the same entry point (`data_access.cli.main`: same parser, handlers and
messages, without a second Python start)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from unittest import mock

from data_access.cli import main
from data_access.settings import PROJECT_ROOT

PROCESS_TIMEOUT_S = 300  # `seed` of the demo on PostgreSQL on a busy machine


def run_process(url: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """The command line as its own process, with DATABASE_URL=url and no input."""
    return subprocess.run(
        [sys.executable, "-m", "data_access", *argv],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": url},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_S,
    )


def run_in_process(
    url: str, *argv: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The command line's `main` in this process, with DATABASE_URL=url and `stdin` as input."""
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, {"DATABASE_URL": url}),
        mock.patch.object(sys, "stdin", io.StringIO(stdin or "")),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse's own refusals
            code = exit_.code
    return subprocess.CompletedProcess(list(argv), code, out.getvalue(), err.getvalue())
