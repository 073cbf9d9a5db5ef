"""Helpers of the deployment tests: plain HTTP without redirects, a sign-in, a report file."""

from __future__ import annotations

import http.client
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pandas as pd

from signin import SESSION_COOKIE

ROUTE_COOKIE = "bdhvs_route"  # nginx's routing cookie (deploy/nginx/bdhvs-http.conf)


def request(
    base: str, method: str, path: str, *, fields: dict | None = None, cookies: dict | None = None
) -> tuple[int, dict[str, str], str]:
    """One request to `base` (redirects not followed): status, cookies set, body."""
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=30)
    headers = {"Origin": base}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if fields is not None:
        body = urlencode(fields).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        jar = SimpleCookie()
        for value in answer.headers.get_all("set-cookie") or []:
            jar.load(value)
        return answer.status, {k: m.value for k, m in jar.items()}, answer.read().decode()
    finally:
        connection.close()


def sign_in(base: str, login: str, password: str) -> dict[str, str]:
    """Sign in through `base`; the cookies the browser would keep (session, and route)."""
    status, cookies, body = request(
        base, "POST", "/signin", fields={"login": login, "password": password, "next": "/"}
    )
    assert status == 303, body[:500]
    return cookies


def signed_in_name(base: str, cookies: dict[str, str]) -> str | None:
    """The display name GET /signin shows for these cookies, None when it shows the form."""
    status, _, body = request(base, "GET", "/signin", cookies=cookies)
    assert status == 200
    marker = "Đã đăng nhập: "
    if marker not in body:
        return None
    return body.split(marker, 1)[1].split("<", 1)[0]


def session_only(cookies: dict[str, str]) -> dict[str, str]:
    """Just the session cookie (for asking one app server directly)."""
    return {SESSION_COOKIE: cookies[SESSION_COOKIE]}


def report_file(reports: pd.DataFrame, indicator: str, as_of: str, added: int) -> bytes:
    """CSV of every commune's latest `indicator` report plus `added`, dated `as_of`."""
    rows = reports[
        (reports["indicator_code"] == indicator) & (reports["locality_code"].str.len() == 5)
    ]
    latest = rows.sort_values("as_of").groupby("locality_code").tail(1)
    frame = pd.DataFrame(
        {
            "commune_code": latest["locality_code"],
            "indicator_code": indicator,
            "as_of": as_of,
            "numerator": latest["numerator"].astype(int) + added,
        }
    )
    return frame.to_csv(index=False).encode("utf-8")
