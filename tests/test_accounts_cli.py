"""`python -m data_access users ...` on new SQLite and PostgreSQL databases."""

from __future__ import annotations

import subprocess

import pytest

from data_access.accounts.clock import utc_now
from data_access.accounts.signin import sign_in
from data_access.engine import create_db_engine
from tests.accounts_helpers import PASSWORD, T0, add_register, dump_database
from tests.cli_helpers import run_in_process, run_process

NEW_PASSWORD = "Một-mật-khẩu-mới-7d1e"


def _cli(url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m data_access users ARGS` run in this process (its `main`, as __main__ calls
    it): the same parser, handlers and messages, without a second Python start each time.
    test_the_real_command_line_says_to_run_init runs it as a process."""
    return run_in_process(url, "users", *args, stdin=stdin)


@pytest.fixture
def database(database_factory):
    url = database_factory.new_url()
    engine = create_db_engine(url)
    init = run_in_process(url, "init")
    assert init.returncode == 0, init.stderr
    add_register(engine)
    yield url, engine
    engine.dispose()


def _no_secret(*answers: subprocess.CompletedProcess[str]) -> None:
    for answer in answers:
        for secret in (PASSWORD, NEW_PASSWORD):
            assert secret not in answer.stdout and secret not in answer.stderr
        assert "Traceback" not in answer.stderr


def test_the_first_administrator_and_a_commune_officer(database):
    url, engine = database
    first = _cli(
        url,
        "add",
        "Admin",
        "--name",
        "Quản trị viên",
        "--role",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert first.returncode == 0, first.stderr
    assert "Đã tạo tài khoản admin. / Account admin created." in first.stdout
    assert sign_in(engine, "admin", PASSWORD, now=T0).ok
    officer = _cli(
        url,
        "add",
        "officer",
        "--role",
        "commune_officer",
        "--commune",
        "40001",
        "--commune",
        "40002",
        "--no-password",
    )
    assert officer.returncode == 0, officer.stderr
    listing = _cli(url, "list")
    assert "commune_officer 99/40001; commune_officer 99/40002" in listing.stdout
    assert "admin *" in listing.stdout
    audit = _cli(url, "audit")
    assert "user_created" in audit.stdout and "cli:" in audit.stdout
    _no_secret(first, officer, listing, audit)
    assert PASSWORD not in dump_database(engine)


def test_refusals_exit_1_with_both_languages_and_no_traceback(database):
    url, engine = database
    assert _cli(url, "add", "someone", "--password-stdin", stdin=PASSWORD + "\n").returncode == 0
    answers = {
        "no terminal": _cli(url, "add", "other"),
        "taken": _cli(url, "add", "SOMEONE", "--no-password"),
        "weak": _cli(url, "add", "weak", "--password-stdin", stdin="short\n"),
        "unknown commune": _cli(url, "grant", "someone", "commune_officer", "--commune", "49999"),
        "no commune": _cli(url, "grant", "someone", "commune_officer"),
        "no account": _cli(url, "reset-password", "nobody", "--password-stdin", stdin=PASSWORD),
        "nothing to revoke": _cli(url, "revoke", "someone", "admin"),
        "no session": _cli(url, "end-session", "999"),
    }
    for name, answer in answers.items():
        assert answer.returncode == 1, name
        assert "/" in (answer.stderr + answer.stdout), name
    assert "--password-stdin" in answers["no terminal"].stderr
    assert "No commune 49999" in answers["unknown commune"].stderr
    _no_secret(*answers.values())
    assert "weak" not in {r["login"] for r in _users(engine)}


def test_password_reset_disable_and_sessions(database):
    url, engine = database
    _cli(
        url,
        "add",
        "head",
        "--role",
        "department_head",
        "--agency",
        "CA",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    session = sign_in(engine, "head", PASSWORD, now=utc_now())
    sessions = _cli(url, "sessions")
    assert "head" in sessions.stdout and session.token not in sessions.stdout
    reset = _cli(url, "reset-password", "head", "--password-stdin", stdin=NEW_PASSWORD + "\r\n")
    assert reset.returncode == 0, reset.stderr
    assert not sign_in(engine, "head", PASSWORD, now=utc_now()).ok
    fresh = sign_in(engine, "head", NEW_PASSWORD, now=utc_now())
    assert fresh.ok
    assert "Không có phiên" not in _cli(url, "sessions").stdout
    session_id = _cli(url, "sessions").stdout.splitlines()[1].split()[0]
    assert _cli(url, "end-session", session_id).returncode == 0
    assert "Không có phiên. / No sessions." in _cli(url, "sessions").stdout
    assert _cli(url, "disable", "head").returncode == 0
    assert not sign_in(engine, "head", NEW_PASSWORD, now=utc_now()).ok
    assert _cli(url, "enable", "head").returncode == 0
    assert sign_in(engine, "head", NEW_PASSWORD, now=utc_now()).ok
    assert _cli(url, "revoke", "head", "department_head", "--agency", "CA").returncode == 0
    assert "department_head" not in _cli(url, "list").stdout
    database_text = dump_database(engine)
    assert PASSWORD not in database_text and NEW_PASSWORD not in database_text
    _no_secret(sessions, reset)


def test_an_uninitialised_database_says_to_run_init(database_factory):
    answer = _cli(database_factory.new_url(), "list")
    assert answer.returncode == 2 and "python -m data_access init" in answer.stderr


def test_the_real_command_line_says_to_run_init_then_lists_the_accounts(database_factory):
    url = database_factory.new_url()
    answer = run_process(url, "users", "list")
    assert answer.returncode == 2 and "python -m data_access init" in answer.stderr
    assert run_process(url, "init").returncode == 0
    listing = run_process(url, "users", "list")
    assert listing.returncode == 0 and "Traceback" not in listing.stderr


def _users(engine):
    from data_access.accounts.users import fetch_users

    return fetch_users(engine).to_dict("records")
