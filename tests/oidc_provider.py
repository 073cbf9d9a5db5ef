"""Start the test OpenID Connect provider (tests/oidc/serve.mjs) and stop it again.

The provider is oauth2-mock-server from tests/oidc/node_modules (`npm ci --prefix tests/oidc`
installs it; .ci/run does). It listens on 127.0.0.1 only and stops by itself when this
process closes its standard input, whatever way the tests end, or after a time limit.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OIDC_DIR = Path(__file__).resolve().parent / "oidc"
SERVER_MODULE = OIDC_DIR / "node_modules" / "oauth2-mock-server"
START_TIMEOUT_S = 30
# The provider ends itself after this long even if nobody stops it (a test run is shorter).
MAX_LIFETIME_S = 900


@dataclass(frozen=True)
class OidcProvider:
    """A running provider: its issuer URL and the claims it puts in every token."""

    issuer: str
    claims: dict[str, Any]

    @property
    def discovery_url(self) -> str:
        """Where its OpenID configuration is (what secrets.toml's server_metadata_url names)."""
        return f"{self.issuer}/.well-known/openid-configuration"


def provider_available() -> bool:
    """True when node and the npm-installed provider are there."""
    return shutil.which("node") is not None and SERVER_MODULE.is_dir()


@contextmanager
def oidc_provider(claims: dict[str, Any]) -> Iterator[OidcProvider]:
    """Run the provider signing tokens with `claims`; yield it, then stop it."""
    process = subprocess.Popen(
        [shutil.which("node") or "node", str(OIDC_DIR / "serve.mjs")],
        cwd=OIDC_DIR,
        env={
            **os.environ,
            "OIDC_CLAIMS": json.dumps(claims),
            "OIDC_MAX_SECONDS": str(MAX_LIFETIME_S),
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout=START_TIMEOUT_S):
                raise RuntimeError("the OIDC provider did not start")
        line = process.stdout.readline().decode()
        if not line:
            raise RuntimeError("the OIDC provider stopped at once")
        yield OidcProvider(issuer=json.loads(line)["issuer"], claims=dict(claims))
    finally:
        if process.stdin:
            process.stdin.close()  # the provider's signal to stop
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
