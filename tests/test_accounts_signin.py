"""Password sign-in, sessions and throttling on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor, NoSuchAccount, NotAllowed
from data_access.accounts.audit import fetch_audit
from data_access.accounts.grants import add_grant
from data_access.accounts.roles import Grant, compute_limits
from data_access.accounts.sessions import (
    end_session,
    fetch_sessions,
    resolve_session,
    revoke_session,
)
from data_access.accounts.signin import OK, THROTTLED, WRONG, sign_in
from data_access.accounts.users import create_user, set_disabled, set_password
from data_access.engine import immediate_transaction
from data_access.meta import DEMO_FLAG, set_flag
from data_access.settings import load_settings
from tests.accounts_helpers import OPERATOR, PASSWORD, T0, add_register, dump_database

SETTINGS = load_settings({})  # the documented defaults, whatever the environment says


@pytest.fixture
def engine(empty_engine):
    add_register(empty_engine)
    create_user(
        empty_engine, login="officer", display_name="Cán bộ", password=PASSWORD, actor=OPERATOR
    )
    add_grant(
        empty_engine, "officer", Grant("commune_officer", commune_code="40001"), actor=OPERATOR
    )
    return empty_engine


def _sign_in(engine, login="officer", password=PASSWORD, *, at=T0, address="10.1.1.1"):
    return sign_in(
        engine, login, password, now=at, address=address, user_agent="pytest", settings=SETTINGS
    )


def _last_seen(engine, session_id):
    with engine.connect() as connection:
        return connection.execute(
            sa.select(s.sessions.c.last_seen_at).where(s.sessions.c.id == session_id)
        ).scalar_one()


def test_a_sign_in_starts_a_session_that_resolves_to_the_user(engine):
    result = _sign_in(engine)
    assert result.ok and result.outcome == OK and result.message() == ""
    signed_in = resolve_session(
        engine, result.token, now=T0 + timedelta(seconds=5), settings=SETTINGS
    )
    assert signed_in.login == "officer" and signed_in.display_name == "Cán bộ"
    assert signed_in.limits.commune_codes == {"40001"} and signed_in.limits.may("upload_reports")
    database = dump_database(engine)
    assert result.token not in database and PASSWORD not in database
    sessions = fetch_sessions(engine, now=T0, settings=SETTINGS)
    assert list(sessions["login"]) == ["officer"] and sessions.loc[0, "address"] == "10.1.1.1"
    assert sessions.loc[0, "user_agent"] == "pytest"
    signin = fetch_audit(engine, action="signin").iloc[0]
    assert signin["actor"] == "officer" and signin["address"] == "10.1.1.1"


@pytest.mark.parametrize("token", [None, "", "x" * 43, "é" * 43, "x" * 500])
def test_unknown_tokens_resolve_to_nobody(engine, token):
    assert resolve_session(engine, token, now=T0, settings=SETTINGS) is None


def test_last_seen_is_touched_at_most_once_a_minute(engine):
    token = _sign_in(engine).token
    session_id = resolve_session(engine, token, now=T0, settings=SETTINGS).session_id
    resolve_session(engine, token, now=T0 + timedelta(seconds=59), settings=SETTINGS)
    assert _last_seen(engine, session_id) == T0
    resolve_session(engine, token, now=T0 + timedelta(seconds=61), settings=SETTINGS)
    assert _last_seen(engine, session_id) == T0 + timedelta(seconds=61)


def test_idle_expiry(engine):
    token = _sign_in(engine).token
    idle = timedelta(minutes=SETTINGS.session_idle_minutes)
    assert resolve_session(engine, token, now=T0 + idle - timedelta(seconds=1), settings=SETTINGS)
    later = T0 + idle - timedelta(seconds=1)
    # Activity moved the idle end on; a gap of the idle time ends the session.
    assert resolve_session(
        engine, token, now=later + idle - timedelta(seconds=1), settings=SETTINGS
    )
    assert resolve_session(engine, token, now=later + 2 * idle, settings=SETTINGS) is None


def test_absolute_expiry_however_active(engine):
    token = _sign_in(engine).token
    end = T0 + timedelta(hours=SETTINGS.session_max_hours)
    moment = T0
    while moment < end - timedelta(minutes=30):
        moment += timedelta(minutes=30)
        assert resolve_session(engine, token, now=moment, settings=SETTINGS) is not None
    assert resolve_session(engine, token, now=end, settings=SETTINGS) is None


def test_sign_out_and_an_administrator_revoking_a_session(engine):
    first, second = _sign_in(engine).token, _sign_in(engine).token
    assert end_session(engine, first, now=T0, address="10.1.1.1")
    assert not end_session(engine, first, now=T0)
    assert resolve_session(engine, first, now=T0, settings=SETTINGS) is None
    session_id = resolve_session(engine, second, now=T0, settings=SETTINGS).session_id
    committee = Actor("c", user_id=99, limits=compute_limits([Grant("committee", "99")]))
    with pytest.raises(NotAllowed):
        revoke_session(engine, session_id, actor=committee)
    revoke_session(engine, session_id, actor=OPERATOR)
    assert resolve_session(engine, second, now=T0, settings=SETTINGS) is None
    with pytest.raises(NoSuchAccount):
        revoke_session(engine, session_id, actor=OPERATOR)
    assert fetch_sessions(engine, now=T0, settings=SETTINGS).empty
    assert len(fetch_sessions(engine, now=T0, active_only=False, settings=SETTINGS)) == 2
    revoked = fetch_audit(engine, action="session_revoked").iloc[0]
    assert revoked["details"] == {"session_id": session_id, "login": "officer"}
    assert len(fetch_audit(engine, action="signout")) == 1


def test_disabling_or_a_new_password_ends_sessions(engine):
    token = _sign_in(engine).token
    set_password(engine, "officer", PASSWORD + "-new", actor=OPERATOR)
    assert resolve_session(engine, token, now=T0, settings=SETTINGS) is None
    token = _sign_in(engine, password=PASSWORD + "-new").token
    set_disabled(engine, "officer", True, actor=OPERATOR)
    assert resolve_session(engine, token, now=T0, settings=SETTINGS) is None


def test_failures_look_the_same_whether_or_not_the_account_exists(engine):
    create_user(engine, login="sso.only", display_name="SSO", actor=OPERATOR)
    create_user(engine, login="off", display_name="Off", password=PASSWORD, actor=OPERATOR)
    set_disabled(engine, "off", True, actor=OPERATOR)
    results = [
        _sign_in(engine, password="wrong password"),
        _sign_in(engine, login="nobody"),
        _sign_in(engine, login="sso.only"),
        _sign_in(engine, login="off"),  # right password, disabled
    ]
    assert {(r.outcome, r.message("vi"), r.message("en"), r.token) for r in results} == {
        (WRONG, "Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong login or password.", None)
    }
    reasons = [d["reason"] for d in fetch_audit(engine, action="signin_failed")["details"]]
    assert reasons == ["disabled", "wrong_password", "unknown_login", "wrong_password"]


def test_a_demo_account_signs_in_only_while_the_demo_flag_is_set(engine):
    with immediate_transaction(engine) as connection:
        connection.execute(
            s.users.update().where(s.users.c.login == "officer").values(is_demo=True)
        )
    assert _sign_in(engine).outcome == WRONG
    with immediate_transaction(engine) as connection:
        set_flag(connection, DEMO_FLAG, "1")
    assert _sign_in(engine).ok


def test_throttling_per_login_counts_unknown_logins_too(engine):
    window = timedelta(minutes=SETTINGS.signin_window_minutes)
    for login in ("officer", "nobody"):
        for i in range(SETTINGS.signin_max_failures):
            at = T0 + timedelta(seconds=i)
            assert (
                _sign_in(engine, login, "wrong-guess", at=at, address=f"10.0.0.{i}").outcome
                == WRONG
            )
        # Even the right password is refused now, with the same words for both logins.
        refused = _sign_in(engine, login, PASSWORD, at=T0 + timedelta(minutes=1))
        assert refused.outcome == THROTTLED and refused.token is None
        assert refused.retry_after_minutes == SETTINGS.signin_window_minutes - 1
        assert refused.message("en") == "Too many failed sign-ins. Please try again in 14 minutes."
        assert refused.message("vi").startswith("Đăng nhập sai quá nhiều lần")
    assert _sign_in(engine, at=T0 + window + timedelta(seconds=5)).ok
    assert len(fetch_audit(engine, action="signin_throttled")) == 2


def test_a_success_resets_the_count_for_that_login(engine):
    for i in range(SETTINGS.signin_max_failures - 1):
        _sign_in(engine, password="wrong-guess", at=T0 + timedelta(seconds=i))
    assert _sign_in(engine, at=T0 + timedelta(seconds=10)).ok
    for i in range(SETTINGS.signin_max_failures - 1):
        _sign_in(engine, password="wrong-guess", at=T0 + timedelta(seconds=20 + i))
    assert _sign_in(engine, at=T0 + timedelta(seconds=30)).ok


def test_throttling_per_address(engine):
    for i in range(SETTINGS.signin_max_failures_per_address):
        _sign_in(
            engine, f"guess{i}", "wrong-guess", at=T0 + timedelta(seconds=i), address="203.0.113.7"
        )
    assert (
        _sign_in(engine, at=T0 + timedelta(minutes=1), address="203.0.113.7").outcome == THROTTLED
    )
    assert _sign_in(engine, at=T0 + timedelta(minutes=1), address="198.51.100.2").ok


def test_old_attempts_are_purged(engine):
    for i in range(3):
        _sign_in(engine, password="wrong-guess", at=T0 + timedelta(seconds=i))
    _sign_in(engine, at=T0 + timedelta(days=1))
    with engine.connect() as connection:
        assert (
            connection.execute(sa.select(sa.func.count()).select_from(s.signin_attempts)).scalar()
            == 1
        )


def test_concurrent_guesses_cannot_pass_the_count_together(engine):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(
            pool.map(
                lambda i: _sign_in(engine, password=f"guess-{i}", address=f"10.2.0.{i}").outcome,
                range(12),
            )
        )
    assert outcomes.count(WRONG) == SETTINGS.signin_max_failures
    assert outcomes.count(THROTTLED) == 12 - SETTINGS.signin_max_failures
