"""The sign-in routes served by the app itself: GET/POST /signin and POST /signout.

Handlers use Starlette types only; the database work runs in a thread (Argon2 and SQL are
blocking) through data_access.accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, quote

import sqlalchemy as sa
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from data_access.accounts.clock import utc_now
from data_access.accounts.demo import fetch_demo_accounts
from data_access.accounts.sessions import SignedIn, end_session, resolve_session
from data_access.accounts.signin import THROTTLED, sign_in
from data_access.bootstrap import DatabaseNotReady, prepared_engine
from data_access.settings import load_settings
from signin.page import (
    SECURITY_HEADERS,
    render_problem_page,
    render_signed_in_page,
    render_signin_page,
)
from signin.request_checks import client_address, is_tls, safe_next, same_origin

# The cookie that holds the session's random token; the frame reads it from
# st.context.cookies and calls data_access.accounts.sessions.resolve_session.
SESSION_COOKIE = "bdhvs_session"
SIGNIN_PATH, SIGNOUT_PATH = "/signin", "/signout"
# A sign-in form is a login, a password and a path: anything bigger is not one.
MAX_FORM_BYTES = 8192
FORM_TYPE = "application/x-www-form-urlencoded"
SIGNED_OUT = "Đã đăng xuất. / You are signed out."
USER_AGENT_MAX = 300


def _html(body: str, status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})})


def _problem(status: int, vi: str, en: str) -> HTMLResponse:
    return _html(render_problem_page(vi, en), status)


async def _read_form(request: Request) -> dict[str, str] | None:
    """The posted fields, or None when the body is not a small URL-encoded form."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM_TYPE:
        return None
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_FORM_BYTES):
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return None
    return {name: values[0] for name, values in fields.items()}


class SignInRoutes:
    """The handlers, bound to the base path and the engine of this app server."""

    def __init__(self, base_path: str, engine_factory: Callable[[], sa.Engine]) -> None:
        self.base = base_path.rstrip("/")
        self.engine_factory = engine_factory
        self.action = f"{self.base}{SIGNIN_PATH}"
        self.cookie_path = self.base or "/"

    async def _engine(self) -> sa.Engine | Response:
        try:
            return await run_in_threadpool(self.engine_factory)
        except (DatabaseNotReady, sa.exc.OperationalError):
            return _problem(
                503,
                "Cơ sở dữ liệu chưa sẵn sàng; vui lòng báo quản trị viên.",
                "The database is not ready; please tell the administrator.",
            )

    async def _page(
        self, engine: sa.Engine, *, status: int = 200, headers: dict[str, str] | None = None, **kw
    ) -> HTMLResponse:
        demo = await run_in_threadpool(fetch_demo_accounts, engine)
        page = render_signin_page(action=self.action, demo_accounts=demo, **kw)
        return _html(page, status, headers)

    async def show(self, request: Request) -> Response:
        """GET /signin: who is signed in, when the cookie is a valid session; else the form
        (and the demo accounts on a demo database)."""
        engine = await self._engine()
        if isinstance(engine, Response):
            return engine
        next_path = safe_next(request.query_params.get("next"), self.base)
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            signed_in: SignedIn | None = await run_in_threadpool(
                lambda: resolve_session(engine, token, now=utc_now())
            )
            if signed_in is not None:
                page = render_signed_in_page(
                    display_name=signed_in.display_name or signed_in.login,
                    continue_to=next_path,
                    signout_action=f"{self.base}{SIGNOUT_PATH}",
                )
                return _html(page)
        signed_out = request.query_params.get("signed_out") == "1"
        return await self._page(
            engine, next_path=next_path, notice=SIGNED_OUT if signed_out else ""
        )

    async def submit(self, request: Request) -> Response:
        """POST /signin: check the password, start a session, go to `next`."""
        settings = load_settings()
        if not same_origin(request, settings.trusted_proxies):
            return _problem(403, "Yêu cầu không hợp lệ.", "Request refused (not from this site).")
        form = await _read_form(request)
        if form is None:
            return _problem(400, "Biểu mẫu không hợp lệ.", "Not a sign-in form.")
        engine = await self._engine()
        if isinstance(engine, Response):
            return engine
        login, password = form.get("login", ""), form.get("password", "")
        next_path = safe_next(form.get("next"), self.base)
        address = client_address(request, settings.trusted_proxies)
        result = await run_in_threadpool(
            lambda: sign_in(
                engine,
                login,
                password,
                now=utc_now(),
                address=address,
                user_agent=request.headers.get("user-agent", "")[:USER_AGENT_MAX],
                settings=settings,
            )
        )
        if not result.ok:
            throttled = result.outcome == THROTTLED
            return await self._page(
                engine,
                status=429 if throttled else 401,
                headers={"Retry-After": str(result.retry_after_minutes * 60)}
                if throttled
                else None,
                next_path=next_path,
                message=f"{result.message('vi')} / {result.message('en')}",
                login=login[:100],
            )
        previous = request.cookies.get(SESSION_COOKIE)
        if previous:  # signing in again (another user?) ends the session the browser had
            await run_in_threadpool(
                lambda: end_session(engine, previous, now=utc_now(), address=address)
            )
        response = RedirectResponse(
            next_path, status_code=303, headers={"Cache-Control": "no-store"}
        )
        response.set_cookie(
            SESSION_COOKIE,
            result.token,
            path=self.cookie_path,
            httponly=True,
            samesite="lax",
            secure=settings.cookie_secure or is_tls(request, settings.trusted_proxies),
        )
        return response

    async def sign_out(self, request: Request) -> Response:
        """POST /signout: end the session and clear the cookie."""
        settings = load_settings()
        if not same_origin(request, settings.trusted_proxies):
            return _problem(403, "Yêu cầu không hợp lệ.", "Request refused (not from this site).")
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            engine = await self._engine()
            if isinstance(engine, Response):
                return engine
            address = client_address(request, settings.trusted_proxies)
            await run_in_threadpool(
                lambda: end_session(engine, token, now=utc_now(), address=address)
            )
        target = f"{self.action}?signed_out=1"
        response = RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})
        response.delete_cookie(
            SESSION_COOKIE,
            path=self.cookie_path,
            httponly=True,
            samesite="lax",
            secure=settings.cookie_secure or is_tls(request, settings.trusted_proxies),
        )
        return response


def signin_routes(
    base_path: str = "", *, engine_factory: Callable[[], sa.Engine] = prepared_engine
) -> list[Route]:
    """The routes to pass to st.App(routes=...); `base_path` is Streamlit's server.baseUrlPath."""
    base = "/" + base_path.strip("/") if base_path.strip("/") else ""
    handlers = SignInRoutes(base, engine_factory)
    return [
        Route(f"{base}{SIGNIN_PATH}", handlers.show, methods=["GET"]),
        Route(f"{base}{SIGNIN_PATH}", handlers.submit, methods=["POST"]),
        Route(f"{base}{SIGNOUT_PATH}", handlers.sign_out, methods=["POST"]),
    ]


def signin_url(next_path: str, base_path: str = "") -> str:
    """The sign-in page's URL that comes back to `next_path` (for the frame's redirect)."""
    base = "/" + base_path.strip("/") if base_path.strip("/") else ""
    return f"{base}{SIGNIN_PATH}?next={quote(safe_next(next_path, base), safe='')}"
