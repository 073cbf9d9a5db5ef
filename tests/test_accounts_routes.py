"""The sign-in routes in-process (SQLite and PostgreSQL), and the request checks they use."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from starlette.applications import Starlette
from starlette.requests import Request

from data_access.accounts.audit import fetch_audit
from data_access.accounts.clock import utc_now
from data_access.accounts.grants import add_grant
from data_access.accounts.roles import Grant
from data_access.accounts.sessions import resolve_session
from data_access.accounts.users import create_user
from data_access.bootstrap import DatabaseNotReady
from signin import SESSION_COOKIE, signin_routes, signin_url
from signin.request_checks import client_address, is_tls, safe_next, same_origin
from tests.accounts_helpers import OPERATOR, PASSWORD, add_register
from tests.asgi_call import call

ORIGIN = "http://dash.example"
FORM = {"Content-Type": "application/x-www-form-urlencoded", "Host": "dash.example"}


@pytest.fixture
def engine(empty_engine):
    add_register(empty_engine)
    create_user(empty_engine, login="member", display_name="M", password=PASSWORD, actor=OPERATOR)
    add_grant(empty_engine, "member", Grant("committee", "99"), actor=OPERATOR)
    return empty_engine


def _app(engine, base: str = "") -> Starlette:
    return Starlette(routes=signin_routes(base, engine_factory=lambda: engine))


def _post(app, path="/signin", fields=None, headers=None, **kw):
    body = urlencode(fields or {}).encode()
    return call(
        app, "POST", path, headers={**FORM, "Origin": ORIGIN, **(headers or {})}, body=body, **kw
    )


def test_sign_in_sets_an_http_only_lax_cookie_and_goes_to_next(engine):
    answer = _post(
        _app(engine), fields={"login": "member", "password": PASSWORD, "next": "/map?commune=40001"}
    )
    assert answer.status == 303 and answer.header("location") == "/map?commune=40001"
    cookie = answer.cookie(SESSION_COOKIE)[SESSION_COOKIE]
    assert cookie["httponly"] and cookie["samesite"].lower() == "lax" and cookie["path"] == "/"
    assert not cookie["secure"]
    assert resolve_session(engine, cookie.value, now=utc_now()).login == "member"


def test_the_cookie_is_secure_over_tls_or_when_the_setting_says_so(engine, monkeypatch):
    fields = {"login": "member", "password": PASSWORD}
    over_tls = _post(
        _app(engine), fields=fields, headers={"Origin": "https://dash.example"}, scheme="https"
    )
    assert over_tls.cookie(SESSION_COOKIE)[SESSION_COOKIE]["secure"]
    monkeypatch.setenv("DASHBOARD_COOKIE_SECURE", "1")
    by_setting = _post(_app(engine), fields=fields)
    assert by_setting.cookie(SESSION_COOKIE)[SESSION_COOKIE]["secure"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "", "Referer": ""},
        {"Origin": "", "Referer": "http://evil.example/signin"},
        {"Origin": "http://dash.example.evil.example"},
    ],
)
def test_cross_site_posts_are_refused(engine, headers):
    app = _app(engine)
    assert (
        _post(app, fields={"login": "member", "password": PASSWORD}, headers=headers).status == 403
    )
    assert _post(app, "/signout", headers=headers).status == 403
    assert fetch_audit(engine, action="signin").empty


def test_a_same_site_referer_is_enough_when_origin_is_missing(engine):
    answer = _post(
        _app(engine),
        fields={"login": "member", "password": PASSWORD},
        headers={"Origin": "", "Referer": "http://dash.example/signin?next=/"},
    )
    assert answer.status == 303


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ({"Content-Type": "text/plain"}, b"login=member"),
        ({"Content-Type": "multipart/form-data; boundary=x"}, b"--x--"),
        ({}, b"login=" + b"x" * 9000),
        ({}, b"\xff\xfe=1"),
    ],
)
def test_anything_but_a_small_form_is_refused(engine, headers, body):
    answer = call(
        _app(engine), "POST", "/signin", headers={**FORM, "Origin": ORIGIN, **headers}, body=body
    )
    assert answer.status == 400


def test_wrong_password_and_throttling_answer_with_the_form(engine, monkeypatch):
    monkeypatch.setenv("DASHBOARD_SIGNIN_MAX_FAILURES", "2")
    app = _app(engine)
    for _ in range(2):
        wrong = _post(app, fields={"login": "member", "password": "wrong-guess", "next": "/x"})
        assert wrong.status == 401 and wrong.cookie(SESSION_COOKIE) is None
        assert "Tên đăng nhập hoặc mật khẩu không đúng. / Wrong login or password." in wrong.body
        assert 'value="/x"' in wrong.body and 'value="member"' in wrong.body
        assert "wrong-guess" not in wrong.body
    throttled = _post(app, fields={"login": "member", "password": PASSWORD})
    assert throttled.status == 429 and throttled.header("retry-after") == str(15 * 60)
    assert "Too many failed sign-ins" in throttled.body and throttled.cookie(SESSION_COOKIE) is None


def test_sign_out_ends_the_session_and_clears_the_cookie(engine):
    app = _app(engine)
    token = (
        _post(app, fields={"login": "member", "password": PASSWORD})
        .cookie(SESSION_COOKIE)[SESSION_COOKIE]
        .value
    )
    answer = _post(app, "/signout", headers={"Cookie": f"{SESSION_COOKIE}={token}"})
    assert answer.status == 303 and answer.header("location") == "/signin?signed_out=1"
    cleared = answer.cookie(SESSION_COOKIE)[SESSION_COOKIE]
    assert cleared.value == "" and cleared["max-age"] == "0"
    assert resolve_session(engine, token, now=utc_now()) is None
    page = call(app, "GET", "/signin?signed_out=1")
    assert "Đã đăng xuất. / You are signed out." in page.body
    assert _post(app, "/signout").status == 303  # no cookie: nothing to end, same answer


def test_signing_in_again_ends_the_browsers_previous_session(engine):
    app = _app(engine)
    fields = {"login": "member", "password": PASSWORD}
    first = _post(app, fields=fields).cookie(SESSION_COOKIE)[SESSION_COOKIE].value
    second = _post(app, fields=fields, headers={"Cookie": f"{SESSION_COOKIE}={first}"})
    assert second.status == 303
    assert resolve_session(engine, first, now=utc_now()) is None
    token = second.cookie(SESSION_COOKIE)[SESSION_COOKIE].value
    assert resolve_session(engine, token, now=utc_now()).login == "member"


def test_routes_under_a_base_path(engine):
    app = _app(engine, "/dashboard/")
    page = call(app, "GET", "/dashboard/signin?next=/dashboard/map")
    assert page.status == 200 and 'action="/dashboard/signin"' in page.body
    assert 'value="/dashboard/map"' in page.body
    answer = _post(
        app,
        "/dashboard/signin",
        fields={"login": "member", "password": PASSWORD, "next": "/elsewhere"},
    )
    assert answer.header("location") == "/dashboard/"
    assert answer.cookie(SESSION_COOKIE)[SESSION_COOKIE]["path"] == "/dashboard"
    assert call(app, "GET", "/signin").status == 404
    assert (
        signin_url("/dashboard/map?x=1", "dashboard")
        == "/dashboard/signin?next=%2Fdashboard%2Fmap%3Fx%3D1"
    )


def test_the_page_is_bilingual_self_contained_and_shows_demo_accounts_only_on_the_demo(engine):
    page = call(_app(engine), "GET", "/signin")
    assert page.status == 200 and page.header("cache-control") == "no-store"
    assert "default-src 'none'" in page.header("content-security-policy")
    assert page.header("x-frame-options") == "DENY"
    assert page.body.index("Đăng nhập") < page.body.index("Sign in")
    assert "<script" not in page.body and "http" not in page.body.split("<body>")[1]
    assert "demo-" not in page.body


def test_a_database_that_is_not_ready_answers_503():
    def not_ready():
        raise DatabaseNotReady("not ready")

    app = Starlette(routes=signin_routes(engine_factory=not_ready))
    assert call(app, "GET", "/signin").status == 503


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/map?commune=40001&agency=CA", "/map?commune=40001&agency=CA"),
        ("/", "/"),
        (None, "/"),
        ("", "/"),
        ("https://evil.example/", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
        ("\\\\evil.example", "/"),
        ("/x\r\nLocation: https://evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("map", "/"),
        ("/x#fragment", "/x"),
        ("/" + "a" * 3000, "/"),
    ],
)
def test_next_is_only_ever_a_local_path(value, expected):
    assert safe_next(value) == expected


def _request(headers: dict[str, str], client: str = "127.0.0.1", scheme: str = "http") -> Request:
    return Request(
        {
            "type": "http",
            "method": "POST",
            "scheme": scheme,
            "path": "/signin",
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
            "client": (client, 1234),
            "server": ("dash.example", 80),
        }
    )


def test_forwarded_headers_are_believed_only_from_trusted_proxies():
    trusted = frozenset({"10.0.0.5"})
    forwarded = {"X-Forwarded-For": "198.51.100.9, 203.0.113.1", "X-Forwarded-Proto": "https"}
    assert client_address(_request(forwarded, "10.0.0.5"), trusted) == "203.0.113.1"
    assert is_tls(_request(forwarded, "10.0.0.5"), trusted)
    assert client_address(_request(forwarded, "192.0.2.4"), trusted) == "192.0.2.4"
    assert not is_tls(_request(forwarded, "192.0.2.4"), trusted)
    chained = {"X-Forwarded-For": "198.51.100.9, 10.0.0.5"}
    assert client_address(_request(chained, "10.0.0.5"), trusted) == "198.51.100.9"
    assert same_origin(
        _request({"Host": "dash.example", "Origin": "https://dash.example"}), trusted
    )
    proxied = {
        "Host": "app:8501",
        "X-Forwarded-Host": "dash.example",
        "Origin": "https://dash.example",
    }
    assert same_origin(_request(proxied, "10.0.0.5"), trusted)
    assert not same_origin(_request(proxied, "192.0.2.4"), trusted)
