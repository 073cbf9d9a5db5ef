"""What a sign-in request says about itself: its address, TLS, origin, and where to go next.

Starlette types only; every check fails closed (an unknown origin is refused, a `next` that
is not a local path becomes the app's start page).
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from starlette.requests import Request

# A `next` longer than this is not a link anyone clicked: the start page instead.
NEXT_MAX_LENGTH = 2000
ADDRESS_MAX = 64  # the accounts tables' column size


def _peer(request: Request) -> str:
    return request.client.host if request.client else ""


def client_address(request: Request, trusted_proxies: frozenset[str]) -> str:
    """The address the request came from: behind a trusted proxy, the last hop it names."""
    peer = _peer(request)
    if peer in trusted_proxies:
        hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",")]
        for hop in reversed([h for h in hops if h]):
            if hop not in trusted_proxies:
                return hop[:ADDRESS_MAX]
    return peer[:ADDRESS_MAX]


def is_tls(request: Request, trusted_proxies: frozenset[str]) -> bool:
    """True when the browser's request travelled over TLS (here or to a trusted proxy)."""
    if request.url.scheme in ("https", "wss"):
        return True
    if _peer(request) in trusted_proxies:
        proto = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
        return proto == "https"
    return False


def same_origin(request: Request, trusted_proxies: frozenset[str]) -> bool:
    """True when a POST comes from a page of this site (Origin, else Referer, must match Host).

    A request with neither header, or with Origin "null", is refused: browsers send Origin
    on every cross-site POST, so only a same-site form can pass.
    """
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return False
    host = request.headers.get("host", "")
    if _peer(request) in trusted_proxies and request.headers.get("x-forwarded-host"):
        host = request.headers["x-forwarded-host"].split(",")[0].strip()
    try:
        parts = urlsplit(source)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host) and parts.netloc.lower() == host.lower()


def safe_next(value: str | None, base_path: str = "") -> str:
    """`value` when it is a path on this site (query kept), else the app's start page."""
    start = f"{base_path}/"
    if not value or len(value) > NEXT_MAX_LENGTH:
        return start
    if any(ord(ch) < 0x20 or ch in "\\\x7f" for ch in value):
        return start
    if not value.startswith("/") or value.startswith("//"):
        return start
    try:
        parts = urlsplit(value)
    except ValueError:
        return start
    if parts.scheme or parts.netloc:
        return start
    if base_path and not (parts.path == base_path or parts.path.startswith(start)):
        return start
    return urlunsplit(("", "", parts.path, parts.query, ""))
