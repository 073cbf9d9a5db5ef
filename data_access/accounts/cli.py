"""`python -m data_access users ...`: accounts from the command line (the first administrator
of a new database is made here). Passwords are read from a prompt or standard input, never
from an argument, and are never printed."""

from __future__ import annotations

import argparse
import getpass
import sys

import sqlalchemy as sa

from data_access.accounts import grants as grant_store
from data_access.accounts import users
from data_access.accounts.actors import AccountError, command_line_actor
from data_access.accounts.audit import fetch_audit
from data_access.accounts.clock import utc_now
from data_access.accounts.demo import demo_accounts_text, fetch_demo_accounts
from data_access.accounts.passwords import WeakPassword, hash_password
from data_access.accounts.roles import COMMUNE_OFFICER, DEPARTMENT_HEAD, ROLES, Grant
from data_access.accounts.sessions import fetch_sessions, revoke_session
from data_access.engine import immediate_transaction

# Exit codes: 0 done, 1 refused (taken, unknown, not allowed, weak password), 2 bad usage.
EXIT_REFUSED, EXIT_USAGE = 1, 2


class PasswordUnavailable(AccountError):
    """No password could be read (no terminal and no --password-stdin, or a mismatch)."""


def read_password(args: argparse.Namespace) -> str:
    """The new password from standard input (--password-stdin) or typed twice at a prompt."""
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        return password[:-1] if password.endswith("\r") else password
    if not sys.stdin.isatty():
        raise PasswordUnavailable(
            "Không có bàn phím để nhập mật khẩu: dùng --password-stdin. "
            "/ No terminal to type a password: use --password-stdin."
        )
    first = getpass.getpass("Mật khẩu mới / New password: ")
    if getpass.getpass("Nhập lại / Repeat: ") != first:
        raise PasswordUnavailable("Hai lần nhập không khớp. / The two entries differ.")
    return first


def _grants(args: argparse.Namespace) -> list[Grant]:
    """The grants named by --role, --province, --commune and --agency."""
    if args.role is None:
        return []
    if args.role == COMMUNE_OFFICER:
        return [Grant(args.role, args.province, c, None) for c in args.commune or [None]]
    if args.role == DEPARTMENT_HEAD:
        return [Grant(args.role, args.province, None, a) for a in args.agency or [None]]
    return [Grant(args.role, args.province, None, None)]


def _add(engine: sa.Engine, args: argparse.Namespace) -> int:
    actor = command_line_actor()
    password_hash = None if args.no_password else hash_password(read_password(args))
    with immediate_transaction(engine) as connection:
        user_id = users.insert_user(
            connection,
            login=args.login,
            display_name=args.name or args.login,
            email=args.email,
            password_hash=password_hash,
            actor=actor,
        )
        login = users.normalize_login(args.login)
        for grant in _grants(args):
            grant_store.insert_grant(connection, user_id, grant, actor=actor, login=login)
    print(f"Đã tạo tài khoản {login}. / Account {login} created.")
    return 0


def _list(engine: sa.Engine, _args: argparse.Namespace) -> int:
    frame = users.fetch_users(engine)
    if frame.empty:
        print("Chưa có tài khoản nào. / No accounts yet.")
    else:
        print(frame.drop(columns="id").to_string(index=False))
    return 0


def _disable(enable: bool):  # noqa: ANN202 (returns a command handler)
    def run(engine: sa.Engine, args: argparse.Namespace) -> int:
        users.set_disabled(engine, args.login, not enable, actor=command_line_actor())
        vi, en = ("Đã mở khoá", "enabled") if enable else ("Đã khoá", "disabled")
        print(f"{vi} {args.login}; / {args.login} {en}.")
        return 0

    return run


def _reset_password(engine: sa.Engine, args: argparse.Namespace) -> int:
    if users.fetch_user(engine, args.login) is None:
        raise AccountError(f"Không có tài khoản {args.login}. / No account {args.login}.")
    users.set_password(engine, args.login, read_password(args), actor=command_line_actor())
    print(
        f"Đã đặt mật khẩu mới cho {args.login}; các phiên cũ đã kết thúc. "
        f"/ New password set for {args.login}; its sessions were ended."
    )
    return 0


def _grant(engine: sa.Engine, args: argparse.Namespace) -> int:
    added = 0
    for grant in _grants(args):
        added += grant_store.add_grant(engine, args.login, grant, actor=command_line_actor())
    print(f"Đã cấp {added} quyền. / {added} grant(s) added.")
    return 0


def _revoke(engine: sa.Engine, args: argparse.Namespace) -> int:
    removed = grant_store.revoke_grants(
        engine,
        args.login,
        args.role,
        actor=command_line_actor(),
        province_code=args.province,
        commune_code=args.commune,
        agency_code=args.agency,
    )
    print(f"Đã thu hồi {removed} quyền. / {removed} grant(s) removed.")
    return 0 if removed else EXIT_REFUSED


def _sessions(engine: sa.Engine, args: argparse.Namespace) -> int:
    frame = fetch_sessions(engine, now=utc_now(), active_only=not args.all)
    print(frame.to_string(index=False) if not frame.empty else "Không có phiên. / No sessions.")
    return 0


def _end_session(engine: sa.Engine, args: argparse.Namespace) -> int:
    revoke_session(engine, args.session_id, actor=command_line_actor())
    print(f"Đã kết thúc phiên {args.session_id}. / Session {args.session_id} ended.")
    return 0


def _audit(engine: sa.Engine, args: argparse.Namespace) -> int:
    frame = fetch_audit(engine, limit=args.limit, action=args.action)
    print(frame.to_string(index=False) if not frame.empty else "Nhật ký trống. / No records.")
    return 0


def _demo(engine: sa.Engine, _args: argparse.Namespace) -> int:
    text = demo_accounts_text(fetch_demo_accounts(engine))
    print(text or "CSDL không chứa dữ liệu mô phỏng. / The database holds no demo data.")
    return 0


def _scope_options(parser: argparse.ArgumentParser, *, several: bool) -> None:
    many = {"action": "append"} if several else {}
    parser.add_argument("--province", help="2-digit province code (default: every province)")
    parser.add_argument("--commune", help="5-digit commune code (commune officers)", **many)
    parser.add_argument("--agency", help="agency code, e.g. CA (department heads)", **many)


def _password_options(parser: argparse.ArgumentParser, *, optional: bool) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    if optional:
        group.add_argument(
            "--no-password", action="store_true", help="no password: single sign-on only"
        )


def build(commands: argparse._SubParsersAction) -> dict[str, object]:
    """Add `users` and its subcommands; return the handler of each subcommand."""
    parser = commands.add_parser("users", help="accounts, roles, sessions and the audit log")
    sub = parser.add_subparsers(dest="users_command", required=True)
    add = sub.add_parser("add", help="create an account (the first administrator too)")
    add.add_argument("login")
    add.add_argument("--name", help="display name, e.g. 'Nguyễn Văn A'")
    add.add_argument("--email", help="e-mail, to link the first single sign-on")
    add.add_argument("--role", choices=ROLES)
    _scope_options(add, several=True)
    _password_options(add, optional=True)
    sub.add_parser("list", help="every account with its grants")
    for name in ("disable", "enable"):
        sub.add_parser(name, help=f"{name} an account").add_argument("login")
    reset = sub.add_parser("reset-password", help="set a new password and end its sessions")
    reset.add_argument("login")
    _password_options(reset, optional=False)
    grant = sub.add_parser("grant", help="give a role, optionally limited to a place or agency")
    grant.add_argument("login")
    grant.add_argument("role", choices=ROLES)
    _scope_options(grant, several=True)
    revoke = sub.add_parser("revoke", help="take a role back (only the codes given, or all)")
    revoke.add_argument("login")
    revoke.add_argument("role", choices=ROLES)
    _scope_options(revoke, several=False)
    sessions = sub.add_parser("sessions", help="active sessions (--all: ended ones too)")
    sessions.add_argument("--all", action="store_true")
    end = sub.add_parser("end-session", help="end one session by its id")
    end.add_argument("session_id", type=int)
    audit = sub.add_parser("audit", help="the audit log, newest first")
    audit.add_argument("--limit", type=int, default=50)
    audit.add_argument("--action", default=None)
    sub.add_parser("demo", help="the demo accounts, when the database holds the demo")
    return {
        "add": _add,
        "list": _list,
        "disable": _disable(enable=False),
        "enable": _disable(enable=True),
        "reset-password": _reset_password,
        "grant": _grant,
        "revoke": _revoke,
        "sessions": _sessions,
        "end-session": _end_session,
        "audit": _audit,
        "demo": _demo,
    }


def register(commands: argparse._SubParsersAction) -> dict[str, object]:
    """Add the `users` command (see data_access.cli.COMMAND_MODULES)."""
    handlers = build(commands)

    def run(engine: sa.Engine, args: argparse.Namespace) -> int:
        try:
            return handlers[args.users_command](engine, args)
        except (AccountError, WeakPassword) as error:
            print(error, file=sys.stderr)
            return EXIT_REFUSED
        except (KeyboardInterrupt, EOFError):
            print("\nĐã huỷ. / Cancelled.", file=sys.stderr)
            return EXIT_REFUSED

    return {"users": run}
