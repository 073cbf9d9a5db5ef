"""Demo accounts, one per role, made by `seed` with the synthetic demo province.

Their passwords are published (README, the sign-in page of a demo database), so they sign in
only while the database's demo flag is set (see signin.sign_in). Run
`python -m data_access.accounts.demo` to print them (make run does).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts import passwords
from data_access.accounts.actors import Actor
from data_access.accounts.grants import insert_grant
from data_access.accounts.roles import (
    ADMIN,
    COMMITTEE,
    COMMUNE_OFFICER,
    DATA_OFFICER,
    DEPARTMENT_HEAD,
    ROLE_LABELS,
    Grant,
)
from data_access.accounts.users import insert_user
from data_access.frames import Bind, connected
from data_access.meta import fetch_is_demo

# The demo province's own codes; another dataset's first province, commune and agency stand
# in when it lacks them (e.g. a benchmark province).
DEMO_COMMUNE, DEMO_AGENCY = "40001", "CA"


@dataclass(frozen=True)
class DemoAccount:
    """A demo account as documented: login, password, name and role."""

    login: str
    password: str
    display_name: str
    role: str

    def role_label(self, lang: str = "vi") -> str:
        """The role's name in `lang`."""
        vi, en = ROLE_LABELS[self.role]
        return vi if lang == "vi" else en


# One account per role. Not secrets: they are printed for whoever runs the demo.
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("committee", "demo-committee", "Thành viên Ban Chỉ đạo (demo)", COMMITTEE),
    DemoAccount("head.ca", "demo-head-ca", "Lãnh đạo Công an tỉnh (demo)", DEPARTMENT_HEAD),
    DemoAccount("commune.40001", "demo-commune", "Cán bộ xã 40001 (demo)", COMMUNE_OFFICER),
    DemoAccount(
        "data.officer", "demo-data-officer", "Cán bộ dữ liệu Sở KH&CN (demo)", DATA_OFFICER
    ),
    DemoAccount("admin", "demo-admin", "Quản trị hệ thống (demo)", ADMIN),
)
SEED_ACTOR = Actor(name="seed")


def _first_code(connection: sa.Connection, table: sa.Table, *where: sa.ColumnElement) -> str | None:
    return connection.execute(
        sa.select(table.c.code).where(*where).order_by(table.c.code).limit(1)
    ).scalar_one_or_none()


def _demo_grant(connection: sa.Connection, role: str) -> Grant | None:
    """The demo grant of `role` in this dataset, None when it lacks what the role needs."""
    loc = s.localities.c
    province = _first_code(connection, s.localities, loc.level == s.LEVEL_PROVINCE)
    if role == COMMUNE_OFFICER:
        commune = _first_code(
            connection, s.localities, loc.code == DEMO_COMMUNE, loc.level == s.LEVEL_COMMUNE
        ) or _first_code(connection, s.localities, loc.level == s.LEVEL_COMMUNE)
        return Grant(role, commune_code=commune) if commune else None
    if role == DEPARTMENT_HEAD:
        agency = _first_code(connection, s.agencies, s.agencies.c.code == DEMO_AGENCY)
        agency = agency or _first_code(connection, s.agencies)
        return Grant(role, province, agency_code=agency) if agency else None
    return Grant(role, province)


def create_demo_accounts(connection: sa.Connection, *, now: datetime) -> list[str]:
    """Make (or reset) the demo accounts inside seed's transaction; return their logins.

    A login already held by a real (non-demo) account is left alone.
    """
    made = []
    u, g = s.users.c, s.grants.c
    for account in DEMO_ACCOUNTS:
        row = connection.execute(sa.select(u.id, u.is_demo).where(u.login == account.login)).first()
        if row is not None and not row.is_demo:
            continue
        password_hash = passwords.HASHER.hash(account.password)
        if row is None:
            user_id = insert_user(
                connection,
                login=account.login,
                display_name=account.display_name,
                email=None,
                password_hash=password_hash,
                actor=SEED_ACTOR,
                is_demo=True,
                now=now,
            )
        else:
            user_id = row.id
            connection.execute(
                s.users.update()
                .where(u.id == user_id)
                .values(password_hash=password_hash, disabled=False)
            )
            connection.execute(s.grants.delete().where(g.user_id == user_id))
        grant = _demo_grant(connection, account.role)
        if grant is not None:
            insert_grant(connection, user_id, grant, actor=SEED_ACTOR, login=account.login, now=now)
        made.append(account.login)
    return made


def fetch_demo_accounts(bind: Bind) -> list[DemoAccount]:
    """The demo accounts that can sign in; empty unless the database holds the seeded demo."""
    if not fetch_is_demo(bind):
        return []
    u = s.users.c
    with connected(bind) as connection:
        usable = set(
            connection.execute(sa.select(u.login).where(u.is_demo, sa.not_(u.disabled))).scalars()
        )
    return [account for account in DEMO_ACCOUNTS if account.login in usable]


def demo_accounts_text(accounts: list[DemoAccount]) -> str:
    """The demo accounts as a few lines for a terminal (empty when there are none)."""
    if not accounts:
        return ""
    lines = ["Tài khoản dùng thử (dữ liệu mô phỏng) / Demo accounts (synthetic demo data):"]
    for account in accounts:
        lines.append(
            f"  {account.login:<15} {account.password:<19} "
            f"{account.role_label('vi')} / {account.role_label('en')}"
        )
    return "\n".join(lines)


def main() -> int:
    """Prepare the database the app would use and print its demo accounts, if any."""
    from data_access.bootstrap import DatabaseNotReady, prepared_engine

    try:
        engine = prepared_engine()
    except DatabaseNotReady as error:
        print(error, file=sys.stderr)
        return 0  # `make run` goes on: the app itself says what the operator must do
    except sa.exc.OperationalError:
        print("Không kết nối được CSDL. / Cannot connect to the database.", file=sys.stderr)
        return 0
    text = demo_accounts_text(fetch_demo_accounts(engine))
    if text:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
