"""GET /signin for a browser that is already signed in: who it is, a link on, a sign-out button.

Several app servers share sessions through the database; this page makes that visible over
plain HTTP (tests/test_deploy_servers.py asks one server about a sign-in made through another).
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from starlette.applications import Starlette

from data_access.accounts.clock import utc_now
from data_access.accounts.grants import add_grant
from data_access.accounts.roles import Grant
from data_access.accounts.sessions import end_session
from data_access.accounts.users import create_user
from signin import SESSION_COOKIE, signin_routes
from tests.accounts_helpers import OPERATOR, PASSWORD, add_register
from tests.asgi_call import call

HOST = {"Host": "dash.example"}
NAME = "Thành viên <Ban> & Chỉ đạo"


@pytest.fixture
def engine(empty_engine):
    add_register(empty_engine)
    create_user(empty_engine, login="member", display_name=NAME, password=PASSWORD, actor=OPERATOR)
    add_grant(empty_engine, "member", Grant("committee", "99"), actor=OPERATOR)
    return empty_engine


def _app(engine, base: str = "") -> Starlette:
    return Starlette(routes=signin_routes(base, engine_factory=lambda: engine))


def _token(app, base: str = "") -> str:
    answer = call(
        app,
        "POST",
        f"{base}/signin",
        headers={
            **HOST,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": "http://dash.example",
        },
        body=urlencode({"login": "member", "password": PASSWORD}).encode(),
    )
    return answer.cookie(SESSION_COOKIE)[SESSION_COOKIE].value


def test_a_signed_in_browser_sees_its_name_a_link_on_and_a_sign_out_button(engine):
    app = _app(engine)
    cookie = {**HOST, "Cookie": f"{SESSION_COOKIE}={_token(app)}"}
    page = call(app, "GET", "/signin?next=/map%3Fcommune%3D40001", headers=cookie)
    assert page.status == 200
    escaped = "Thành viên &lt;Ban&gt; &amp; Chỉ đạo"
    assert f"Đã đăng nhập: {escaped}" in page.body and f"Signed in as {escaped}" in page.body
    assert NAME not in page.body  # the name is data: escaped, never markup
    assert 'href="/map?commune=40001"' in page.body
    assert '<form class="out" method="post" action="/signout">' in page.body
    assert 'name="password"' not in page.body
    assert "default-src 'none'" in page.header("content-security-policy")
    assert page.header("cache-control") == "no-store"


def test_an_ended_or_unknown_session_gets_the_form(engine):
    app = _app(engine)
    token = _token(app)
    end_session(engine, token, now=utc_now())
    for value in (token, "not-a-session", "x" * 500):
        page = call(app, "GET", "/signin", headers={**HOST, "Cookie": f"{SESSION_COOKIE}={value}"})
        assert page.status == 200
        assert 'name="password"' in page.body and "Đã đăng nhập" not in page.body


def test_the_signed_in_page_under_a_base_path(engine):
    app = _app(engine, "/dashboard")
    cookie = {**HOST, "Cookie": f"{SESSION_COOKIE}={_token(app, '/dashboard')}"}
    page = call(app, "GET", "/dashboard/signin?next=https://evil.example/", headers=cookie)
    assert 'action="/dashboard/signout"' in page.body
    assert 'href="/dashboard/"' in page.body  # a foreign `next` becomes the start page
