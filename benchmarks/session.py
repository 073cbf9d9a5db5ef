"""Signing a benchmark's browsers and clients in, as the app's own form does (POST /signin).

Every page asks for a session, so a page measured without one would be the sign-in page. The
browser benchmark gives its database an account that may open every page (committee member,
data officer and administrator over the whole province) and signs in as it once per server;
load tests sign in as the demo's committee member. The session cookie goes to every browser
context and protocol client.
"""

from __future__ import annotations

import http.client
import secrets
import urllib.parse
from http.cookies import SimpleCookie

import sqlalchemy as sa

# The demo account load tests read as: a committee member sees the whole province.
DEMO_LOGIN = "committee"
# The browser benchmark's own account, and its password once made (random for each run).
BENCHMARK_LOGIN = "benchmark"
PASSWORDS: dict[str, str] = {}
# Base URL -> the session cookie signed in there (the sessions live in the database, so one
# token serves every app server of a deployment; a cookie is still set per host and port).
SIGNED_IN: dict[str, dict[str, str]] = {}


def session_token(base: str, login: str, password: str | None = None) -> str:
    """Sign in through the app's own form (POST /signin) and return the session cookie."""
    from data_access.accounts.demo import DEMO_ACCOUNTS
    from signin.routes import SESSION_COOKIE

    if password is None:
        password = next(a.password for a in DEMO_ACCOUNTS if a.login == login)
    parts = urllib.parse.urlsplit(base)
    body = urllib.parse.urlencode({"login": login, "password": password, "next": "/"})
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(
            "POST",
            "/signin",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": base},
        )
        answer = connection.getresponse()
        cookies = SimpleCookie()
        for header in answer.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
    finally:
        connection.close()
    if answer.status != 303 or SESSION_COOKIE not in cookies:
        raise RuntimeError(f"sign-in of {login} failed: HTTP {answer.status}")
    return cookies[SESSION_COOKIE].value


def make_benchmark_account(engine: sa.Engine) -> str:
    """Give the database the benchmark's account (made, or its password renewed), with the
    roles that open every page over the whole province; return its login."""
    from data_access.accounts.actors import command_line_actor
    from data_access.accounts.grants import add_grant
    from data_access.accounts.roles import ADMIN, COMMITTEE, DATA_OFFICER, Grant
    from data_access.accounts.users import create_user, fetch_user, set_password

    actor, password = command_line_actor(), secrets.token_urlsafe(18)
    if fetch_user(engine, BENCHMARK_LOGIN) is None:
        create_user(
            engine,
            login=BENCHMARK_LOGIN,
            display_name="Đo tốc độ / Benchmark",
            actor=actor,
            password=password,
        )
    else:
        set_password(engine, BENCHMARK_LOGIN, password, actor=actor)
    for role in (COMMITTEE, DATA_OFFICER, ADMIN):
        add_grant(engine, BENCHMARK_LOGIN, Grant(role=role), actor=actor)
    PASSWORDS[BENCHMARK_LOGIN] = password
    return BENCHMARK_LOGIN


def sign_in(base: str, login: str = DEMO_LOGIN) -> dict[str, str]:
    """Sign in at `base` as `login` (a demo account, or one made here); remember and return
    the cookie."""
    from signin.routes import SESSION_COOKIE

    cookie = {SESSION_COOKIE: session_token(base, login, PASSWORDS.get(login))}
    SIGNED_IN[base.rstrip("/")] = cookie
    return cookie


def cookies_for(base: str) -> dict[str, str]:
    """The session cookie signed in at `base` (the URL's scheme, host and port), or none."""
    parts = urllib.parse.urlsplit(base)
    return dict(SIGNED_IN.get(f"{parts.scheme}://{parts.netloc}", {}))


def browser_cookies() -> list[dict[str, str]]:
    """Every session cookie signed in, as Playwright's context.add_cookies takes them."""
    return [
        {"name": name, "value": value, "url": base}
        for base, cookie in SIGNED_IN.items()
        for name, value in cookie.items()
    ]
