"""Call an ASGI app in-process with one HTTP request (a tiny stand-in for a test client)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from http.cookies import SimpleCookie


@dataclass
class Answer:
    """What the app answered."""

    status: int
    headers: list[tuple[str, str]]
    body: str

    def header(self, name: str) -> str | None:
        """The first header of that name (any case), None when absent."""
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def cookie(self, name: str) -> SimpleCookie | None:
        """The Set-Cookie header for `name`, parsed (None when not set)."""
        for key, value in self.headers:
            if key.lower() == "set-cookie" and value.startswith(f"{name}="):
                jar = SimpleCookie()
                jar.load(value)
                return jar
        return None


def call(
    app,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    client: tuple[str, int] = ("127.0.0.1", 50000),
    scheme: str = "http",
) -> Answer:
    """Send one request to `app` and collect its whole answer."""
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": scheme,
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
        "client": client,
        "server": ("127.0.0.1", 8501),
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    sent: list[dict] = []

    async def receive() -> dict:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    content = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return Answer(
        start["status"],
        [(k.decode(), v.decode()) for k, v in start.get("headers", [])],
        content.decode("utf-8", errors="replace"),
    )
