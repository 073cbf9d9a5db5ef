"""The sign-in form against a real `streamlit run server.py` on a copy of the demo database."""

from __future__ import annotations

import http.client
import shutil
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
import sqlalchemy as sa

from data_access.accounts.clock import utc_now
from data_access.accounts.sessions import fetch_sessions, resolve_session
from data_access.accounts.users import create_user
from data_access.engine import create_db_engine
from signin import SESSION_COOKIE
from tests.accounts_helpers import OPERATOR, PASSWORD, dump_database
from tests.live_app import streamlit_server

MAX_FAILURES = 3  # the server's DASHBOARD_SIGNIN_MAX_FAILURES, small to keep the test short


@pytest.fixture(scope="module")
def server(demo_sqlite_url, tmp_path_factory):
    """(base URL, engine, log path) of a server on its own copy of the demo database."""
    folder = tmp_path_factory.mktemp("http")
    copy = folder / "demo.db"
    shutil.copy(sa.engine.make_url(demo_sqlite_url).database, copy)
    engine = create_db_engine(f"sqlite:///{copy}")
    create_user(
        engine, login="operator", display_name="Người vận hành", password=PASSWORD, actor=OPERATOR
    )
    log = folder / "server.log"
    env = {"DASHBOARD_SIGNIN_MAX_FAILURES": str(MAX_FAILURES)}
    with streamlit_server(f"sqlite:///{copy}", env=env, log_path=log) as base:
        yield base, engine, log
    engine.dispose()


def _request(base, method, path, *, fields=None, headers=None):
    netloc = urlsplit(base).netloc
    connection = http.client.HTTPConnection(netloc, timeout=30)
    body = urlencode(fields).encode() if fields is not None else None
    sent = {"Origin": base, **(headers or {})}
    if body is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=sent)
        answer = connection.getresponse()
        return answer.status, answer.headers, answer.read().decode("utf-8")
    finally:
        connection.close()


def _cookie(headers):
    for value in headers.get_all("set-cookie") or []:
        if value.startswith(f"{SESSION_COOKIE}="):
            return value
    return None


def test_the_form_lists_the_demo_accounts_on_the_demo(server):
    base, _engine, _log = server
    status, headers, body = _request(base, "GET", "/signin?next=/map")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert 'name="next" value="/map"' in body
    assert "commune.40001" in body and "demo-commune" in body and "Demo accounts" in body


def test_a_demo_commune_officer_signs_in_and_the_cookie_is_theirs(server):
    base, engine, _log = server
    status, headers, _ = _request(
        base,
        "POST",
        "/signin",
        fields={
            "login": "commune.40001",
            "password": "demo-commune",
            "next": "/locality?commune=40001",
        },
        headers={"X-Forwarded-For": "192.0.2.10"},
    )
    assert status == 303 and headers["location"] == "/locality?commune=40001"
    raw = _cookie(headers)
    flags = {part.strip().lower() for part in raw.split(";")[1:]}
    assert {"httponly", "path=/", "samesite=lax"} <= flags and "secure" not in flags
    token = SimpleCookie(raw)[SESSION_COOKIE].value
    signed_in = resolve_session(engine, token, now=utc_now())
    assert signed_in.login == "commune.40001"
    assert signed_in.limits.commune_codes == {"40001"} and signed_in.limits.may("upload_reports")
    # uvicorn believes X-Forwarded-For from 127.0.0.1 (a proxy on the same host).
    assert "192.0.2.10" in set(fetch_sessions(engine, now=utc_now())["address"])
    status, _, _ = _request(base, "GET", "/", headers={"Cookie": f"{SESSION_COOKIE}={token}"})
    assert status == 200


def test_behind_a_tls_proxy_the_cookie_is_secure(server):
    base, _engine, _log = server
    status, headers, _ = _request(
        base,
        "POST",
        "/signin",
        fields={"login": "committee", "password": "demo-committee"},
        headers={"X-Forwarded-Proto": "https", "Origin": base.replace("http:", "https:")},
    )
    assert status == 303
    assert "secure" in {part.strip().lower() for part in _cookie(headers).split(";")}


def test_wrong_password_then_throttling(server):
    base, _engine, _log = server
    address = {"X-Forwarded-For": "192.0.2.20"}
    for _ in range(MAX_FAILURES):
        status, headers, body = _request(
            base,
            "POST",
            "/signin",
            fields={"login": "head.ca", "password": "nope-nope-nope"},
            headers=address,
        )
        assert status == 401 and _cookie(headers) is None
        assert "Wrong login or password." in body
    status, headers, body = _request(
        base,
        "POST",
        "/signin",
        fields={"login": "head.ca", "password": "demo-head-ca"},
        headers=address,
    )
    assert status == 429 and int(headers["retry-after"]) > 0 and _cookie(headers) is None
    assert "Đăng nhập sai quá nhiều lần" in body and "Too many failed sign-ins" in body
    # An unknown login gets the very same answers.
    for _ in range(MAX_FAILURES):
        status, _, unknown = _request(
            base, "POST", "/signin", fields={"login": "no.such.user", "password": "nope-nope-nope"}
        )
        assert status == 401 and "Wrong login or password." in unknown
    status, _, _ = _request(
        base, "POST", "/signin", fields={"login": "no.such.user", "password": "x" * 12}
    )
    assert status == 429


def test_sign_out_revokes_the_session_and_clears_the_cookie(server):
    base, engine, _log = server
    _, headers, _ = _request(
        base, "POST", "/signin", fields={"login": "data.officer", "password": "demo-data-officer"}
    )
    token = SimpleCookie(_cookie(headers))[SESSION_COOKIE].value
    assert resolve_session(engine, token, now=utc_now()) is not None
    status, headers, _ = _request(
        base, "POST", "/signout", headers={"Cookie": f"{SESSION_COOKIE}={token}"}
    )
    assert status == 303 and headers["location"] == "/signin?signed_out=1"
    cleared = _cookie(headers).lower()
    assert cleared.startswith(f"{SESSION_COOKIE}=") and "max-age=0" in cleared
    assert resolve_session(engine, token, now=utc_now()) is None


def test_cross_site_and_external_next_are_refused(server):
    base, _engine, _log = server
    fields = {"login": "admin", "password": "demo-admin", "next": "https://evil.example/"}
    status, headers, _ = _request(
        base, "POST", "/signin", fields=fields, headers={"Origin": "http://evil.example"}
    )
    assert status == 403 and _cookie(headers) is None
    status, headers, _ = _request(base, "POST", "/signin", fields=fields)
    assert status == 303 and headers["location"] == "/"
    # A link or an image cannot sign anyone out: GET /signout is only the app's own page.
    status, headers, _ = _request(base, "GET", "/signout")
    assert status != 303 and _cookie(headers) is None


def test_a_password_is_in_neither_the_database_nor_the_server_log(server):
    base, engine, log = server
    for password in (PASSWORD + "-wrong", PASSWORD):
        _request(base, "POST", "/signin", fields={"login": "operator", "password": password})
    text = log.read_text(encoding="utf-8", errors="replace")
    database = dump_database(engine)
    for secret in (PASSWORD, PASSWORD + "-wrong", "demo-commune"):
        assert secret not in text and secret not in database
