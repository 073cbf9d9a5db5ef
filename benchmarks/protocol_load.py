"""Many sessions opening a page at once, each speaking Streamlit's protocol as a browser does
but drawing nothing: so the figure is the servers' (and nginx's), not 20 renderers'.

A session fetches the page and its scripts and styles, opens the WebSocket with the cookies
it was given (nginx's routing cookie too), asks for the run a browser asks for on loading,
and waits for the server's "script finished". Its time runs from the common start to then.
"""

from __future__ import annotations

import asyncio
import http.client
import re
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from benchmarks.load_test import SESSION_TIMEOUT_S, LoadRound
from benchmarks.session import cookies_for

# What index.html loads at once (the browser fetches these before it opens the WebSocket).
ASSET = re.compile(r'(?:src|href)="\./(static/[^"]+\.(?:js|css))"')
STARTUP_PATHS = ("_stcore/health", "_stcore/host-config")
# Connections a browser opens to one host at once (HTTP/1.1), so requests queue as theirs do.
BROWSER_CONNECTIONS = 6
# The page's context as a browser in a Vietnamese province sends it.
TIMEZONE = "Asia/Ho_Chi_Minh"


def _get(base: str, path: str, cookies: dict[str, str]) -> tuple[str, dict[str, str]]:
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=SESSION_TIMEOUT_S)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        body = answer.read()
        if answer.status != 200:
            raise RuntimeError(f"GET {path}: HTTP {answer.status}")
        jar = SimpleCookie()
        for value in answer.headers.get_all("set-cookie") or []:
            jar.load(value)
        return body.decode("utf-8", errors="replace"), {k: m.value for k, m in jar.items()}
    finally:
        connection.close()


async def _run_over_websocket(base: str, query: str, cookies: dict[str, str]) -> None:
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    parts = urlsplit(base)
    headers = {"Origin": base, "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    xsrf = cookies.get("_streamlit_xsrf", "")
    async with connect(
        f"ws://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream",
        subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],
        additional_headers=headers,
        max_size=None,
        open_timeout=SESSION_TIMEOUT_S,
    ) as socket:
        tiles = 0
        ask = BackMsg()
        ask.rerun_script.query_string = query
        ask.rerun_script.context_info.timezone = TIMEZONE
        ask.rerun_script.context_info.url = f"{base}/{'?' + query if query else ''}"
        await socket.send(ask.SerializeToString())
        async for raw in socket:
            message = ForwardMsg()
            message.ParseFromString(raw)
            kind = message.WhichOneof("type")
            if kind == "page_not_found":
                raise RuntimeError("the server did not find the page")
            element = message.delta.new_element.WhichOneof("type") if kind == "delta" else None
            if element == "exception":
                raise RuntimeError("the page shows an exception")
            tiles += element == "metric"
            if kind == "script_finished" and message.script_finished == 0:
                if not tiles:  # the overview's tiles are what a signed-in viewer is sent
                    raise RuntimeError("the page sent no indicator (not signed in?)")
                return  # FINISHED_SUCCESSFULLY; an early finish for a rerun goes on


async def _session(base: str, query: str, start: float, pool: ThreadPoolExecutor) -> float:
    loop = asyncio.get_running_loop()
    page = f"/{'?' + query if query else ''}"
    # A signed-in browser's cookie (benchmarks.session), or the run would be the sign-in page.
    index, cookies = await loop.run_in_executor(pool, _get, base, page, cookies_for(base))
    cookies = {**cookies_for(base), **cookies}
    paths = [*STARTUP_PATHS, *ASSET.findall(index)]
    answers = await asyncio.gather(
        *(loop.run_in_executor(pool, _get, base, f"/{p}", cookies) for p in paths)
    )
    for _, more in answers:
        cookies = {**cookies, **more}
    await asyncio.wait_for(_run_over_websocket(base, query, cookies), SESSION_TIMEOUT_S)
    return time.monotonic() - start


async def _round(base: str, query: str, sessions: int) -> LoadRound:
    # As many requests in flight as the browsers would have: each opens 6 connections to a host.
    with ThreadPoolExecutor(max_workers=sessions * BROWSER_CONNECTIONS) as pool:
        start = time.monotonic()
        outcomes = await asyncio.gather(
            *(_session(base, query, start, pool) for _ in range(sessions)),
            return_exceptions=True,
        )
    seconds = [o for o in outcomes if isinstance(o, float)]
    errors = [f"{type(o).__name__}: {o}"[:300] for o in outcomes if isinstance(o, BaseException)]
    return LoadRound(seconds, errors)


def run_protocol_load(
    base: str, *, query: str = "", sessions: int = 20, rounds: int = 1
) -> list[LoadRound]:
    """`rounds` times, `sessions` clients open the page at `base` (with `query`) at once."""

    async def all_rounds() -> list[LoadRound]:
        return [await _round(base.rstrip("/"), query, sessions) for _ in range(rounds)]

    return asyncio.run(all_rounds())
