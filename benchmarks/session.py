"""Signing a benchmark's browsers and clients in, as the app's own form does (POST /signin).

Every page asks for a session, so a page measured without one would be the sign-in page. The
benchmark signs in once per server as a demo account (the committee member: the whole
province) and hands the session cookie to every browser context and protocol client.
"""

from __future__ import annotations

import http.client
import urllib.parse
from http.cookies import SimpleCookie

# The demo account the benchmarks read as: a committee member sees the whole province.
BENCHMARK_LOGIN = "committee"
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


def sign_in(base: str, login: str = BENCHMARK_LOGIN) -> dict[str, str]:
    """Sign in at `base` as `login` (a demo account); remember and return the cookie."""
    from signin.routes import SESSION_COOKIE

    cookie = {SESSION_COOKIE: session_token(base, login)}
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
