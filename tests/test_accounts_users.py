"""Accounts and grants on SQLite and PostgreSQL: create, grant, revoke, disable, audit."""

from __future__ import annotations

import pytest

from data_access.accounts.actors import (
    AccountError,
    AccountExists,
    Actor,
    NoSuchAccount,
    NotAllowed,
)
from data_access.accounts.audit import fetch_audit
from data_access.accounts.grants import add_grant, fetch_grants, fetch_limits, revoke_grants
from data_access.accounts.roles import Grant, compute_limits
from data_access.accounts.users import (
    create_user,
    fetch_user,
    fetch_users,
    set_disabled,
    set_password,
)
from tests.accounts_helpers import OPERATOR, PASSWORD, add_register, dump_database


@pytest.fixture
def engine(empty_engine):
    add_register(empty_engine)
    return empty_engine


def test_create_list_and_audit_an_account(engine):
    user_id = create_user(
        engine,
        login="  NguyenVanA ",
        display_name="Nguyễn Văn A",
        email="A@Example.org",
        password=PASSWORD,
        actor=OPERATOR,
    )
    user = fetch_user(engine, "nguyenvana")
    assert user.id == user_id and user.login == "nguyenvana" and user.email == "a@example.org"
    assert user.display_name == "Nguyễn Văn A" and user.has_password and not user.disabled
    frame = fetch_users(engine)
    assert frame.loc[0, "login"] == "nguyenvana" and frame.loc[0, "grants"] == ""
    record = fetch_audit(engine).iloc[0]
    assert record["action"] == "user_created" and record["actor"] == "cli:test"
    assert record["details"] == {
        "login": "nguyenvana",
        "email": "a@example.org",
        "has_password": True,
    }
    assert PASSWORD not in dump_database(engine)


@pytest.mark.parametrize("login", ["a", "có dấu", "with space", "x" * 101, "-lead"])
def test_malformed_logins_are_refused(engine, login):
    with pytest.raises(AccountError, match="/ A login"):
        create_user(engine, login=login, display_name="X", actor=OPERATOR)


def test_a_login_or_email_is_taken_once(engine):
    create_user(engine, login="a.b", display_name="A", email="a@x.vn", actor=OPERATOR)
    with pytest.raises(AccountExists):
        create_user(engine, login="A.B", display_name="A", actor=OPERATOR)
    with pytest.raises(AccountExists):
        create_user(engine, login="other", display_name="A", email="A@x.vn", actor=OPERATOR)
    create_user(engine, login="sso.only", display_name="B", actor=OPERATOR)
    create_user(engine, login="sso.two", display_name="C", actor=OPERATOR)  # no e-mail: fine


def test_grants_are_checked_against_the_register_and_give_limits(engine):
    user_id = create_user(engine, login="officer", display_name="Cán bộ", actor=OPERATOR)
    assert add_grant(
        engine, "officer", Grant("commune_officer", commune_code="40001"), actor=OPERATOR
    )
    # The commune's province is filled in from the register; the same grant twice is a no-op.
    assert fetch_grants(engine, user_id) == [Grant("commune_officer", "99", "40001")]
    assert not add_grant(
        engine, "officer", Grant("commune_officer", commune_code="40001"), actor=OPERATOR
    )
    for bad in [
        Grant("commune_officer", commune_code="49999"),
        Grant("commune_officer", "98", "40001"),
        Grant("department_head", "99", agency_code="NOPE"),
        Grant("committee", "97"),
        Grant("commune_officer", "99"),
        Grant("root"),
    ]:
        with pytest.raises(AccountError):
            add_grant(engine, "officer", bad, actor=OPERATOR)
    with pytest.raises(NoSuchAccount):
        add_grant(engine, "nobody", Grant("committee", "99"), actor=OPERATOR)
    add_grant(engine, "officer", Grant("commune_officer", commune_code="40002"), actor=OPERATOR)
    limits = fetch_limits(engine, user_id)
    assert limits.commune_codes == {"40001", "40002"} and limits.may("upload_reports")
    assert (
        fetch_users(engine).loc[0, "grants"] == "commune_officer 99/40001; commune_officer 99/40002"
    )

    assert (
        revoke_grants(engine, "officer", "commune_officer", commune_code="40001", actor=OPERATOR)
        == 1
    )
    assert fetch_limits(engine, user_id).commune_codes == {"40002"}
    assert revoke_grants(engine, "officer", "commune_officer", actor=OPERATOR) == 1
    assert fetch_limits(engine, user_id) == compute_limits([])
    actions = list(fetch_audit(engine)["action"])
    assert actions.count("grant_added") == 2 and actions.count("grant_revoked") == 2


def test_a_disabled_account_has_no_limits_and_can_be_enabled(engine):
    user_id = create_user(engine, login="head", display_name="Head", actor=OPERATOR)
    add_grant(engine, "head", Grant("department_head", "99", agency_code="CA"), actor=OPERATOR)
    assert fetch_limits(engine, user_id).may("read")
    set_disabled(engine, "head", True, actor=OPERATOR)
    assert fetch_user(engine, "head").disabled
    assert not fetch_limits(engine, user_id).may("read")
    set_disabled(engine, "head", False, actor=OPERATOR)
    assert fetch_limits(engine, user_id).agency_codes == {"CA"}


def test_a_signed_in_user_needs_manage_users_and_cannot_disable_themself(engine):
    admin_id = create_user(engine, login="admin", display_name="Admin", actor=OPERATOR)
    add_grant(engine, "admin", Grant("admin", "99"), actor=OPERATOR)
    create_user(engine, login="committee", display_name="C", actor=OPERATOR)
    committee = Actor("committee", user_id=2, limits=compute_limits([Grant("committee", "99")]))
    for change in (
        lambda: create_user(engine, login="x.y", display_name="X", actor=committee),
        lambda: set_password(engine, "admin", PASSWORD, actor=committee),
        lambda: add_grant(engine, "committee", Grant("admin"), actor=committee),
        lambda: set_disabled(engine, "admin", True, actor=committee),
    ):
        with pytest.raises(NotAllowed, match="Không có quyền"):
            change()
    admin = Actor("admin", user_id=admin_id, limits=fetch_limits(engine, admin_id))
    create_user(engine, login="x.y", display_name="X", actor=admin)
    with pytest.raises(AccountError, match="own account"):
        set_disabled(engine, "admin", True, actor=admin)
    assert fetch_audit(engine, action="user_created").iloc[0]["user_id"] == admin_id
