"""Signing in as people do, in Chromium: the password form, a wrong password, throttling,
expiry and revocation of a session, and the province's single sign-on (a real OpenID Connect
provider started by the test). The password appears nowhere it should not."""

from __future__ import annotations

import re
import shutil
from datetime import timedelta

import pytest
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.accounts.clock import utc_now
from data_access.accounts.grants import add_grant
from data_access.accounts.roles import COMMITTEE, DEPARTMENT_HEAD, Grant
from data_access.accounts.sessions import fetch_sessions, revoke_session
from data_access.accounts.users import create_user
from data_access.engine import create_db_engine
from i18n import translate
from tests.accounts_helpers import PASSWORD, dump_database
from tests.live_app import chromium_page, open_and_wait, server_log_tail, streamlit_server

pytestmark = pytest.mark.browser
OPERATOR = Actor(name="cli:tests")
MAX_FAILURES = 3  # DASHBOARD_SIGNIN_MAX_FAILURES of the test server: keeps the test short
GATE = f'[data-testid="stMain"] h1:has-text("{translate("access.title")}")'


@pytest.fixture(scope="module")
def server(demo_sqlite_url, tmp_path_factory):
    """(base URL, engine) of a server on its own copy of the demo, with one real account."""
    folder = tmp_path_factory.mktemp("signin")
    copy = folder / "demo.db"
    shutil.copy(sa.engine.make_url(demo_sqlite_url).database, copy)
    engine = create_db_engine(f"sqlite:///{copy}")
    create_user(
        engine, login="lan.nguyen", display_name="Nguyễn Thị Lan", password=PASSWORD, actor=OPERATOR
    )
    add_grant(engine, "lan.nguyen", Grant(COMMITTEE, "99"), actor=OPERATOR)
    env = {"DASHBOARD_SIGNIN_MAX_FAILURES": str(MAX_FAILURES)}
    with streamlit_server(f"sqlite:///{copy}", env=env) as base:
        yield base, engine
    engine.dispose()


def _sign_in(page, base: str, login: str, password: str) -> None:
    open_and_wait(page, f"{base}/ranking?stage=GD2-2026")
    page.locator(GATE).wait_for()
    page.get_by_role("link", name=translate("access.with_account")).click()
    page.wait_for_url(re.compile(r"/signin"))
    page.fill("#login", login)
    page.fill("#password", password)
    page.get_by_role("button").click()


def test_password_sign_in_comes_back_to_the_page_asked_for(server):
    base, engine = server
    with chromium_page(base=None) as page:
        _sign_in(page, base, "lan.nguyen", PASSWORD)
        page.wait_for_url(re.compile(r"/ranking"))
        open_and_wait(page, page.url)
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        assert translate("access.signed_in_as", name="Nguyễn Thị Lan") in sidebar
        assert page.locator('[data-testid="stException"]').count() == 0
        html = page.content()
        with page.expect_navigation():
            page.locator('[data-testid="stSidebar"]').get_by_role(
                "button", name=translate("access.sign_out")
            ).click()
        assert "/signin" in page.url
        open_and_wait(page, f"{base}/?stage=GD2-2026")
        assert page.locator(GATE).count() == 1  # signed out: the session ended
    assert PASSWORD not in html and PASSWORD not in server_log_tail(base)
    assert PASSWORD not in dump_database(engine)


def test_a_wrong_password_says_so_and_lets_nobody_in(server):
    base, _ = server
    with chromium_page(base=None) as page:
        _sign_in(page, base, "lan.nguyen", "not-the-password-1")
        message = page.locator("body").inner_text()
        assert "không đúng" in message.lower() or "incorrect" in message.lower(), message
        open_and_wait(page, f"{base}/?stage=GD2-2026")
        assert page.locator(GATE).count() == 1
        assert page.locator('[data-testid="stMetric"]').count() == 0


def test_repeated_failures_are_throttled_even_with_the_right_password(server):
    base, engine = server
    create_user(engine, login="throttled", display_name="T", password=PASSWORD, actor=OPERATOR)
    add_grant(engine, "throttled", Grant(COMMITTEE, "99"), actor=OPERATOR)
    with chromium_page(base=None) as page:
        for _ in range(MAX_FAILURES):
            _sign_in(page, base, "throttled", "wrong-password-xx")
        _sign_in(page, base, "throttled", PASSWORD)
        text = page.locator("body").inner_text().lower()
        assert "thử lại" in text or "try again" in text, text
        open_and_wait(page, f"{base}/")
        assert page.locator(GATE).count() == 1


@pytest.mark.parametrize("how", ["idle", "absolute", "revoked"])
def test_an_expired_or_revoked_session_signs_in_again(server, how):
    base, engine = server
    with chromium_page(base=base, login="committee") as page:
        open_and_wait(page, f"{base}/?stage=GD2-2026")
        assert page.locator('[data-testid="stMetric"]').count() == 10
        mine = fetch_sessions(engine, now=utc_now()).iloc[0]
        sessions = s.sessions.c
        if how == "revoked":
            revoke_session(engine, int(mine["id"]), actor=OPERATOR)
        else:
            column = "last_seen_at" if how == "idle" else "expires_at"
            with engine.begin() as connection:
                connection.execute(
                    s.sessions.update()
                    .where(sessions.id == int(mine["id"]))
                    .values({column: utc_now() - timedelta(days=1)})
                )
        open_and_wait(page, f"{base}/?stage=GD2-2026")
        assert page.locator(GATE).count() == 1
        assert page.locator('[data-testid="stMetric"]').count() == 0


@pytest.fixture
def sso_server(oidc_provider, demo_sqlite_url, tmp_path):
    """A server whose [auth] section names the test provider; an account with its e-mail."""
    copy = tmp_path / "demo.db"
    shutil.copy(sa.engine.make_url(demo_sqlite_url).database, copy)
    engine = create_db_engine(f"sqlite:///{copy}")
    email = oidc_provider.claims["email"]
    create_user(
        engine, login="truong.ca", display_name="Trưởng Công an tỉnh", email=email, actor=OPERATOR
    )
    add_grant(engine, "truong.ca", Grant(DEPARTMENT_HEAD, "99", agency_code="CA"), actor=OPERATOR)
    from tests.live_app import free_port

    port = free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-of-enough-length-0123456789"\n'
        'client_id = "dashboard"\n'
        'client_secret = "dashboard-secret"\n'
        f'server_metadata_url = "{oidc_provider.discovery_url}"\n',
        encoding="utf-8",
    )
    env = {"STREAMLIT_SECRETS_FILES": str(secrets)}
    with streamlit_server(f"sqlite:///{copy}", env=env, port=port) as base:
        yield base, engine
    engine.dispose()


def test_single_sign_on_through_the_provider_and_out_again(sso_server):
    base, engine = sso_server
    with chromium_page(base=None) as page:
        open_and_wait(page, f"{base}/?stage=GD2-2026")
        page.locator(GATE).wait_for()
        with page.expect_navigation(timeout=30_000):
            page.get_by_role("button", name=translate("access.with_sso", provider="SSO")).click()
        # Through the provider and /oauth2callback back to the app, signed in.
        page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
        open_and_wait(page, f"{base}/?stage=GD2-2026")
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        assert translate("access.signed_in_as", name="Trưởng Công an tỉnh") in sidebar
        assert page.locator('[data-testid="stMetric"]').count() == 2  # the police's two
        page.locator('[data-testid="stSidebar"]').get_by_role(
            "button", name=translate("access.sign_out")
        ).click()
        page.locator(GATE).wait_for(timeout=30_000)
    with engine.connect() as connection:
        linked = connection.execute(
            sa.select(s.users.c.oidc_subject).where(s.users.c.login == "truong.ca")
        ).scalar_one()
    assert linked == "vneid-0123456789"
