"""Demo accounts made by `seed`, on SQLite and PostgreSQL."""

from __future__ import annotations

from data_access.accounts.audit import fetch_audit
from data_access.accounts.demo import DEMO_ACCOUNTS, demo_accounts_text, fetch_demo_accounts
from data_access.accounts.grants import fetch_limits
from data_access.accounts.signin import sign_in
from data_access.accounts.users import create_user, fetch_user, fetch_users
from data_access.engine import immediate_transaction
from data_access.meta import DEMO_FLAG, set_flag
from data_access.seed import seed_database
from tests.accounts_helpers import OPERATOR, PASSWORD, T0

# What each demo account may do in the demo province, as the README documents it.
DOCUMENTED = {
    "committee": "committee 99",
    "head.ca": "department_head 99 CA",
    "commune.40001": "commune_officer 99/40001",
    "data.officer": "data_officer 99",
    "admin": "admin 99",
}


def test_seed_makes_one_account_per_role_that_signs_in_only_on_the_demo(
    database_factory, demo_data
):
    engine = database_factory.new_engine()
    create_user(engine, login="admin", display_name="Real admin", password=PASSWORD, actor=OPERATOR)
    seed_database(engine, demo_data)
    users = fetch_users(engine).set_index("login")
    # A real account that holds a demo login before the seed is left as it was.
    assert not users.loc["admin", "is_demo"] and users.loc["admin", "grants"] == ""
    for login, grants in DOCUMENTED.items():
        if login != "admin":
            assert users.loc[login, "grants"] == grants and users.loc[login, "is_demo"]
    assert [a.login for a in fetch_demo_accounts(engine)] == [
        "committee",
        "head.ca",
        "commune.40001",
        "data.officer",
    ]
    for account in fetch_demo_accounts(engine):
        result = sign_in(engine, account.login, account.password, now=T0, address="127.0.0.1")
        assert result.ok, account.login
        limits = fetch_limits(engine, result.user_id)
        assert limits.roles == {account.role}
    assert sign_in(engine, "admin", "demo-admin", now=T0).outcome == "wrong"
    assert "commune.40001   demo-commune" in demo_accounts_text(fetch_demo_accounts(engine))

    # seed --force replaces the campaign data, not the accounts or the audit log.
    audit_before = len(fetch_audit(engine, limit=10_000))
    seed_database(engine, demo_data, force=True)
    assert fetch_user(engine, "admin").display_name == "Real admin"
    assert len(fetch_audit(engine, limit=10_000)) > audit_before
    assert fetch_users(engine).set_index("login").loc["head.ca", "grants"] == DOCUMENTED["head.ca"]

    with immediate_transaction(engine) as connection:
        set_flag(connection, DEMO_FLAG, None)
    assert fetch_demo_accounts(engine) == []
    assert demo_accounts_text([]) == ""
    assert sign_in(engine, "committee", "demo-committee", now=T0).outcome == "wrong"


def test_the_demo_accounts_cover_every_role_once():
    from data_access.accounts.roles import ROLES

    assert sorted(a.role for a in DEMO_ACCOUNTS) == sorted(ROLES)
    assert DOCUMENTED.keys() == {a.login for a in DEMO_ACCOUNTS}
