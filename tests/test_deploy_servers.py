"""Two app servers and nginx on 127.0.0.1 on one database (SQLite, and PostgreSQL with
TEST_DATABASE_URL): sign-ins and imports are shared, a killed server loses nothing, and 20
sessions at once all finish. The speed budget itself is the benchmark's (benchmarks.browser).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect
from sqlalchemy import text

from benchmarks import session as benchmark_session
from benchmarks.load_test import run_load
from benchmarks.protocol_load import run_protocol_load
from data_access.accounts.demo import fetch_demo_accounts
from deploy.local import Deployment, local_deployment
from deploy.nginx import find_nginx
from i18n import translate
from tests.deploy_helpers import (
    ROUTE_COOKIE,
    report_file,
    request,
    session_only,
    sign_in,
    signed_in_name,
)
from tests.live_app import (
    SERVER_LOGS,
    chromium_available,
    chromium_page,
    open_and_wait,
    settle_page,
)

METRIC = '[data-testid="stMetricValue"]'
CT07_TILE = 6  # the 7th tile: CT07, learners who completed a course (a count)
NEW_REPORT_DATE = "2026-11-20"  # after the demo's last report, 2026-11-16
ADDED_PER_COMMUNE = 1000
# The Data page's messages: the preview of a valid file, then the committed batch.
DRY_RUN = re.compile(r"Chạy thử: hợp lệ; sẽ thêm \d+ dòng")
COMMITTED = re.compile(r"Đã nhập đợt #\d+: \d+ dòng mới")


@pytest.fixture(scope="module")
def deployment(
    database_factory, demo_data, tmp_path_factory
) -> Iterator[tuple[Deployment, object]]:
    """(the deployment, an engine on its database): a copy of the demo for this module."""
    if find_nginx() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but nginx is not installed")
        pytest.skip("nginx is not installed")
    engine = database_factory.new_seeded_engine(demo_data)
    url = engine.url.render_as_string(hide_password=False)
    folder = tmp_path_factory.mktemp("deployment")
    with local_deployment(url, servers=2, directory=folder, prepare=False) as running:
        for server in running.servers:
            SERVER_LOGS[server.url] = server.log_path  # shown under a failed test
        yield running, engine


@pytest.fixture
def browser_needed() -> None:
    """Skip (or in CI fail) a test that drives Chromium when it is not installed."""
    if not chromium_available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but Debian's chromium is not installed")
        pytest.skip("chromium is not installed")


def _account(engine, login: str):
    return next(a for a in fetch_demo_accounts(engine) if a.login == login)


def test_a_sign_in_through_nginx_is_valid_on_every_server_and_a_sign_out_on_all(deployment):
    running, engine = deployment
    account = _account(engine, "committee")
    cookies = sign_in(running.url, account.login, account.password)
    assert ROUTE_COOKIE in cookies  # nginx chose this browser's server
    for server in running.servers:  # asked directly, past nginx
        assert signed_in_name(server.url, session_only(cookies)) == account.display_name
    first, other = running.servers
    status, _, _ = request(first.url, "POST", "/signout", cookies=session_only(cookies))
    assert status == 303
    assert signed_in_name(other.url, session_only(cookies)) is None


def _tile(page) -> str:
    return page.locator(METRIC).nth(CT07_TILE).inner_text()


def _all_tiles(page, engine) -> list[str]:
    """The values of the overview's tiles, once there is one per indicator of the campaign."""
    with engine.connect() as connection:
        indicators = connection.execute(text("SELECT COUNT(*) FROM indicators")).scalar_one()
    expect(page.locator(METRIC)).to_have_count(indicators, timeout=60_000)
    return page.locator(METRIC).all_inner_texts()


def _number(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


@pytest.mark.browser
def test_an_import_through_one_server_shows_at_once_on_the_other(
    deployment, demo_data, browser_needed
):
    running, engine = deployment
    server_a, server_b = running.servers
    officer = _account(engine, "data.officer")
    data = report_file(demo_data.reports, "CT07", NEW_REPORT_DATE, ADDED_PER_COMMUNE)
    communes = data.decode().count("\n") - 1
    view = f"{server_b.url}/?stage=GD2-2026&as_of={NEW_REPORT_DATE}"
    with chromium_page(base=server_b.url) as page_b:
        open_and_wait(page_b, view)
        before = _tile(page_b)
        viewer_b = page_b.context
        browser = page_b.context.browser
        page_a = browser.new_page(viewport={"width": 1920, "height": 1080})
        page_a.goto(f"{server_a.url}/signin?next=/data")
        page_a.fill("#login", officer.login)
        page_a.fill("#password", officer.password)
        page_a.click("button[type=submit]")
        page_a.wait_for_url(re.compile(r"/data"))
        open_and_wait(page_a, page_a.url)
        page_a.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": "bao_cao_ct07.csv", "mimeType": "text/csv", "buffer": data}]
        )
        page_a.get_by_text(DRY_RUN).wait_for(timeout=60_000)  # the preview: valid
        settle_page(page_a)
        page_a.get_by_role("button", name=translate("data.commit")).click()
        page_a.get_by_text(COMMITTED).wait_for(timeout=60_000)
        # A new tab: a reload would resume the same Streamlit session, which keeps its state.
        page_b = viewer_b.new_page()
        open_and_wait(page_b, view)
        after = _tile(page_b)
    assert _number(after) == _number(before) + ADDED_PER_COMMUNE * communes, (before, after)


def _upstream_of(running: Deployment, route: str) -> int:
    """The port of the app server that last answered the browser with routing key `route`.

    nginx logs a request when it ends (a WebSocket when it closes), so this reads the
    browser's plain requests; they go where its WebSocket goes. When a server was tried and
    failed first, the log names both: the last one answered.
    """
    log = (running.directory / "access.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if line.endswith(f"route={route}")]
    answered = lines[-1].split("upstream=")[1].split(" route=")[0].split(",")[-1]
    return int(answered.strip().rsplit(":", 1)[1])


@contextmanager
def _restarted_afterwards(server) -> Iterator[None]:
    try:
        yield
    finally:  # the next test gets both servers back
        server.kill()
        server.start().wait_until_healthy()


@pytest.mark.browser
def test_killing_the_server_of_a_browser_loses_nothing(deployment, browser_needed):
    running, engine = deployment
    account = _account(engine, "committee")
    with chromium_page() as page:
        page.goto(f"{running.url}/signin?next=/")
        page.fill("#login", account.login)
        page.fill("#password", account.password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{running.url}/")  # signed in: the cookie is kept
        open_and_wait(page, f"{running.url}/?stage=GD2-2026")
        tiles = _all_tiles(page, engine)
        cookies = {c["name"]: c["value"] for c in page.context.cookies()}
        port = _upstream_of(running, cookies[ROUTE_COOKIE])
        victim = next(s for s in running.servers if s.port == port)
        with _restarted_afterwards(victim):
            victim.kill()
            open_and_wait(page, f"{running.url}/?stage=GD2-2026")  # the other one answers
            assert _all_tiles(page, engine) == tiles
            assert page.locator('[data-testid="stException"]').count() == 0
            assert signed_in_name(running.url, cookies) == account.display_name
            survivor = next(s for s in running.servers if s is not victim)
            assert _upstream_of(running, cookies[ROUTE_COOKIE]) == survivor.port


# Both databases' load tests on one test worker, one after the other (make test runs
# --dist loadgroup): 40 Chromium sessions and four app servers at once on two cores starved
# every page of both, which then timed out while nothing was wrong with either.
@pytest.mark.xdist_group("twenty-sessions")
@pytest.mark.browser
def test_twenty_sessions_at_once_all_finish(deployment, browser_needed):
    running, _ = deployment
    benchmark_session.sign_in(running.url)  # each session opens the overview signed in
    (in_chromium,) = run_load(f"{running.url}/", sessions=20, rounds=1)
    assert in_chromium.errors == [] and len(in_chromium.seconds) == 20
    (as_clients,) = run_protocol_load(running.url, sessions=20, rounds=1)
    assert as_clients.errors == [] and len(as_clients.seconds) == 20
