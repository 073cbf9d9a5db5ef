"""Who changes accounts, and the errors account changes raise (bilingual messages)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from data_access.accounts.roles import Limits


class AccountError(ValueError):
    """An account change that was refused; str() is the bilingual message."""


class AccountExists(AccountError):
    """The login (or e-mail) is taken."""


class NoSuchAccount(AccountError):
    """No account has that login."""


class NotAllowed(AccountError):
    """The actor may not make this change."""


@dataclass(frozen=True)
class Actor:
    """Who makes a change: a signed-in user (with Limits) or an operator at the command line.

    An operator (limits None) already holds the database's own credentials, so the command
    line is not limited further; a signed-in user must be allowed the action.
    """

    name: str
    user_id: int | None = None
    address: str = ""
    limits: Limits | None = None

    def require(self, action: str) -> None:
        """Raise NotAllowed unless this actor may do `action`."""
        if self.limits is not None and not self.limits.may(action):
            raise NotAllowed(f"Không có quyền: {action}. / Not allowed: {action}.")


def command_line_actor() -> Actor:
    """The operator running `python -m data_access`, named after the operating-system user."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        name = "?"
    return Actor(name=f"cli:{name}")


def account_actor(bind: object, login: str) -> Actor:
    """The account `login` as the author of command-line writes (`--as LOGIN`): its own
    rights apply and the audit names it. Raises NoSuchAccount when it is missing or disabled."""
    from data_access.accounts.grants import fetch_limits
    from data_access.accounts.users import fetch_user

    user = fetch_user(bind, login)
    if user is None or user.disabled:
        raise NoSuchAccount(
            f"Không có tài khoản đang hoạt động «{login}». / No active account «{login}»."
        )
    return Actor(name=user.login, user_id=user.id, limits=fetch_limits(bind, user.id))
