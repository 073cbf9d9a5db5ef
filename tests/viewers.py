"""Who AppTest runs the app as: accounts reached through single sign-on (st.user).

AppTest cannot send the browser's session cookie, so app-level tests sign in the way the
province's SSO does: st.user carries an issuer and subject that an account is linked to.
The demo accounts (one per role) and a tester holding every role are linked here; the
password sign-in itself is tested against a real server (tests/test_browser_signin.py).
"""

from __future__ import annotations

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.accounts.grants import add_grant
from data_access.accounts.roles import ADMIN, COMMITTEE, DATA_OFFICER, Grant
from data_access.accounts.users import create_user, fetch_user

TEST_ISSUER = "https://sso.test.invalid"
TESTER = "tester"  # every role over the province: the default viewer of app-level tests
TESTER_ROLES = (COMMITTEE, DATA_OFFICER, ADMIN)


def link_test_identities(engine: sa.Engine) -> None:
    """Link every account to the test issuer (subject = login) and add the tester."""
    operator = Actor(name="cli:tests")
    if fetch_user(engine, TESTER) is None:
        create_user(engine, login=TESTER, display_name="Người kiểm thử", actor=operator)
        for role in TESTER_ROLES:
            add_grant(engine, TESTER, Grant(role=role), actor=operator)
    u = s.users.c
    with engine.begin() as connection:
        connection.execute(s.users.update().values(oidc_issuer=TEST_ISSUER, oidc_subject=u.login))


def sso_user(login: str | None) -> dict[str, object]:
    """The st.user of a run signed in as `login` through SSO (None: nobody signed in)."""
    if login is None:
        return {"is_logged_in": False}
    return {
        "is_logged_in": True,
        "iss": TEST_ISSUER,
        "sub": login,
        "email": f"{login}@test.invalid",
        "email_verified": True,
        "name": login,
    }
