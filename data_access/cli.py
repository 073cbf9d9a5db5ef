"""Command line: `python -m data_access <command>`."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence

import sqlalchemy as sa

from data_access.catalog import fetch_summary
from data_access.engine import create_db_engine
from data_access.importers.problems import message_text
from data_access.migrate import is_up_to_date, upgrade_to_head
from data_access.seed import DatabaseNotEmpty, seed_database

Command = Callable[[sa.Engine, argparse.Namespace], int]
# Commands that bring the schema up to date themselves; every other one needs it current.
MIGRATING_COMMANDS = frozenset({"init", "seed"})
NOT_INITIALISED = (
    "CSDL chưa được khởi tạo; chạy `python -m data_access init`. "
    "/ The database is not initialised; run `python -m data_access init`."
)
EXIT_NOT_INITIALISED = 2
EXIT_FAILED = 1
# Modules that add commands: each has `register(subparsers) -> dict[str, Command]`.
COMMAND_MODULES: tuple[str, ...] = (
    "data_access.importers.cli_setup",
    "data_access.boundaries",
    "data_access.importers.cli",
    "data_access.accounts.cli",
    "data_access.entry.cli",
)
# Commands that work without a database (they only write files).
NO_DATABASE_COMMANDS = frozenset({"templates"})


def _init(engine: sa.Engine, _args: argparse.Namespace) -> int:
    upgrade_to_head(engine)
    print("Đã cập nhật lược đồ CSDL. / Database schema is up to date.")
    return 0


def _seed(engine: sa.Engine, args: argparse.Namespace) -> int:
    if not is_up_to_date(engine):
        upgrade_to_head(engine)
    try:
        loaded = seed_database(engine, force=args.force)
    except DatabaseNotEmpty as error:
        print(error, file=sys.stderr)
        return 3
    print(
        f"Đã nạp dữ liệu mô phỏng: {loaded['localities']} địa bàn, {loaded['reports']} báo cáo. "
        f"/ Seeded synthetic demo data: {loaded['localities']} localities, "
        f"{loaded['reports']} reports."
    )
    return 0


def _summary(engine: sa.Engine, _args: argparse.Namespace) -> int:
    print(json.dumps(fetch_summary(engine), ensure_ascii=False))
    return 0


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The argument parser and the handler of each command."""
    parser = argparse.ArgumentParser(
        prog="python -m data_access",
        description="Quản trị CSDL bảng điều hành / Manage the dashboard database. "
        "DATABASE_URL selects the database (default: SQLite file data/dashboard.db).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    handlers: dict[str, Command] = {}
    commands.add_parser("init", help="migrate the database to the newest schema")
    handlers["init"] = _init
    seed = commands.add_parser("seed", help="load the synthetic demo province")
    seed.add_argument("--force", action="store_true", help="replace whatever the database holds")
    handlers["seed"] = _seed
    commands.add_parser("summary", help="print what the database holds as one JSON object")
    handlers["summary"] = _summary
    for module_name in COMMAND_MODULES:
        handlers.update(importlib.import_module(module_name).register(commands))
    return parser, handlers


def _failure(key: str, error: Exception) -> int:
    """Print why a command failed, in both languages, without a traceback."""
    detail = f"{type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
    vi, en = (message_text(key, lang, detail=detail) for lang in ("vi", "en"))
    print(f"{vi} / {en}", file=sys.stderr)
    return EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code; no error reaches the user as a traceback."""
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    if args.command in NO_DATABASE_COMMANDS:
        try:
            return handlers[args.command](None, args)
        except OSError as error:
            return _failure("import.unexpected", error)
    engine = create_db_engine()
    try:
        if args.command not in MIGRATING_COMMANDS and not is_up_to_date(engine):
            print(NOT_INITIALISED, file=sys.stderr)
            return EXIT_NOT_INITIALISED
        return handlers[args.command](engine, args)
    except sa.exc.OperationalError as error:  # locked, unreachable, out of space
        return _failure("import.busy", error)
    except Exception as error:  # noqa: BLE001 (the user gets a message; nothing was written)
        return _failure("import.unexpected", error)
    finally:
        engine.dispose()
