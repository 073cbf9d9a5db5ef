"""Who writes from the command line: the operator, or an account named with `--as LOGIN`."""

from __future__ import annotations

import argparse

import sqlalchemy as sa

from data_access.accounts.actors import Actor, account_actor, command_line_actor


def add_as_option(parser: argparse.ArgumentParser) -> None:
    """The `--as LOGIN` option of a command that writes campaign data."""
    parser.add_argument(
        "--as",
        dest="as_login",
        metavar="LOGIN",
        help="write as this account: its rights apply and the audit names it "
        "(default: the operator, recorded as cli:<system user>)",
    )


def cli_actor(engine: sa.Engine, args: argparse.Namespace) -> Actor:
    """The actor of this command (raises accounts.actors.NoSuchAccount for a wrong --as)."""
    login = getattr(args, "as_login", None)
    return account_actor(engine, login) if login else command_line_actor()
