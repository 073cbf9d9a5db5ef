"""The deployment's configuration: the units run what deploy/ runs, the production site is
valid nginx with the upstream the local run tests, and nginx keeps a browser on one server.

nginx runs here in front of two tiny stand-in servers (no Streamlit): fast, and every answer
says which server gave it and what the proxy sent. tests/test_deploy_servers.py runs the app.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from deploy.local import free_port
from deploy.nginx import SITE_CONFIG, NginxProxy, find_nginx, upstream_block
from deploy.servers import PROJECT_ROOT, SERVER_FLAGS, server_command

DEPLOY = PROJECT_ROOT / "deploy"
HEALTH_SCRIPT = DEPLOY / "health.sh"


@pytest.fixture(scope="module")
def nginx() -> str:
    """The nginx binary (CI installs it; elsewhere its tests are skipped without it)."""
    binary = find_nginx()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but nginx is not installed")
        pytest.skip("nginx is not installed")
    return binary


class Stub:
    """An HTTP server on 127.0.0.1 that answers with its name and the headers it got."""

    def __init__(self, name: str) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                body = (
                    b"ok"
                    if self.path.endswith("/_stcore/health")
                    else json.dumps({"server": name, "headers": dict(self.headers)}).encode()
                )
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.name = name
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop answering and close the port."""
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stubs_behind_nginx(nginx, tmp_path) -> Iterator[tuple[str, list[Stub]]]:
    """nginx on the deployment's configuration in front of two stand-in servers."""
    stubs = [Stub("a"), Stub("b")]
    proxy = NginxProxy(tmp_path, listen_port=free_port(), upstream_ports=[s.port for s in stubs])
    try:
        proxy.start()
        yield proxy.url, stubs
    finally:
        proxy.stop()
        for stub in stubs:
            if stub.thread.is_alive():
                stub.stop()


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[dict, list[str]]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read()), answer.headers.get_all("Set-Cookie") or []


def test_the_unit_runs_a_server_with_the_flags_of_deploy_servers():
    unit = (DEPLOY / "systemd" / "bdhvs@.service").read_text(encoding="utf-8")
    line = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    command = shlex.split(line.removeprefix("ExecStart="))
    assert command[:5] == [
        "/opt/bdhvs/.venv/bin/python",
        "-m",
        "streamlit",
        "run",
        "/opt/bdhvs/server.py",
    ]
    assert tuple(command[5:-2]) == SERVER_FLAGS and command[-2:] == ["--server.port", "%i"]
    assert server_command(8501)[5:] == [*SERVER_FLAGS, "--server.port", "8501"]


def test_the_production_site_has_the_upstream_that_the_local_run_tests():
    site = SITE_CONFIG.read_text(encoding="utf-8")
    start = site.index("upstream bdhvs_app {")
    assert site[start : site.index("}\n", start) + 2] == upstream_block([8501, 8502])


def test_the_production_site_is_valid_nginx_with_its_tls(nginx, tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=bdhvs.example.gov.vn", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    site = (
        SITE_CONFIG.read_text(encoding="utf-8")
        .replace("/opt/bdhvs/", f"{PROJECT_ROOT}/")
        .replace("/etc/ssl/bdhvs/fullchain.pem", str(cert))
        .replace("/etc/ssl/bdhvs/privkey.pem", str(key))
        .replace("/var/log/nginx/", f"{tmp_path}/")
        .replace("/var/cache/", f"{tmp_path}/")
    )
    temp_paths = "".join(
        f"{kind}_temp_path {tmp_path / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\nevents {{}}\n"
        f"http {{\n{temp_paths}{site}\n}}\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stderr


def test_nginx_keeps_a_browser_on_one_server_by_its_routing_cookie(stubs_behind_nginx):
    url, _ = stubs_behind_nginx
    first, cookies = _get(url + "/")
    route = next(c for c in cookies if c.startswith("bdhvs_route="))
    assert "HttpOnly" in route and "SameSite=Lax" in route and "Path=/" in route
    value = route.split(";")[0].removeprefix("bdhvs_route=")
    for _ in range(5):
        again, set_again = _get(url + "/", {"Cookie": f"bdhvs_route={value}"})
        assert again["server"] == first["server"]
        assert not any(c.startswith("bdhvs_route=") for c in set_again)
    spread = {_get(url + "/", {"Cookie": f"bdhvs_route=r{i}"})[0]["server"] for i in range(24)}
    assert spread == {"a", "b"}  # different browsers share the servers


def test_nginx_passes_what_streamlit_and_the_sign_in_form_check(stubs_behind_nginx):
    url, _ = stubs_behind_nginx
    port = url.rsplit(":", 1)[1]
    plain, _ = _get(url + "/")
    headers = {k.lower(): v for k, v in plain["headers"].items()}
    assert headers["host"] == f"127.0.0.1:{port}"  # the port too: Origin is compared with Host
    assert headers["x-forwarded-proto"] == "http"
    assert headers["x-forwarded-for"] == "127.0.0.1"
    assert "connection" not in headers  # kept alive to the app server
    upgrade, _ = _get(url + "/_stcore/stream", {"Upgrade": "websocket", "Connection": "Upgrade"})
    sent = {k.lower(): v for k, v in upgrade["headers"].items()}
    assert sent["upgrade"] == "websocket" and sent["connection"] == "upgrade"


def test_a_browser_whose_server_is_down_is_served_by_another(stubs_behind_nginx):
    url, stubs = stubs_behind_nginx
    answer, cookies = _get(url + "/")
    value = next(c for c in cookies if c.startswith("bdhvs_route=")).split(";")[0].split("=")[1]
    served = next(s for s in stubs if s.name == answer["server"])
    served.stop()
    for _ in range(3):
        moved, _ = _get(url + "/", {"Cookie": f"bdhvs_route={value}"})
        assert moved["server"] != served.name


def test_nginx_serves_streamlits_static_files_itself_once_it_has_them(stubs_behind_nginx):
    url, stubs = stubs_behind_nginx
    asset = "/static/js/index.0123abcd.js"
    request = urllib.request.Request(url + asset)
    with urllib.request.urlopen(request, timeout=10) as answer:
        first, status = answer.read(), answer.headers["X-Cache-Status"]
        assert not answer.headers.get_all("Set-Cookie")  # no routing needed for a static file
    assert status == "MISS"
    for stub in stubs:  # no app server answers any more
        stub.stop()
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.read() == first and answer.headers["X-Cache-Status"] == "HIT"
    with pytest.raises(urllib.error.HTTPError) as page:  # pages are never kept
        urllib.request.urlopen(url + "/", timeout=10)
    assert page.value.code == 502


def test_the_health_check_names_each_server_and_fails_for_a_silent_one():
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    stub, silent = Stub("a"), free_port()
    try:
        result = subprocess.run(
            [str(HEALTH_SCRIPT)],
            env={
                **os.environ,
                "BDHVS_PORTS": f"{stub.port} {silent}",
                "BDHVS_HEALTH_RESTART": "0",
                "BDHVS_HEALTH_RETRY_PAUSE": "0",
                "BDHVS_HEALTH_TIMEOUT": "2",
            },
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        stub.stop()
    assert result.returncode == 1
    assert f"bdhvs@{stub.port}: ok" in result.stdout
    assert f"bdhvs@{silent}: no answer" in result.stdout
