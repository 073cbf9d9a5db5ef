"""Import commands of `python -m data_access`: import-*, batches, rollback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import sqlalchemy as sa

from data_access.accounts.actors import NoSuchAccount
from data_access.cli_actor import add_as_option, cli_actor
from data_access.importers.batches import ImportOutcome, fetch_batches
from data_access.importers.campaign import import_campaign
from data_access.importers.catalogues import (
    import_agencies,
    import_target_groups,
    import_task_groups,
)
from data_access.importers.indicators import import_indicators, import_targets
from data_access.importers.problems import Problem, message_text
from data_access.importers.reading import ReadLimits, file_problem
from data_access.importers.register import import_localities, import_populations
from data_access.importers.rollback import RollbackRefused, rollback_batch
from data_access.importers.writing import import_reports

# Exit codes: 0 done, 1 rejected (or needs confirmation), 2 not ready / bad arguments / no file.
EXIT_REJECTED = 1
EXIT_NO_FILE = 2
# Catalogue imports, in the order a province loads them (see `check`): command kind -> importer.
CATALOGUE_IMPORTERS = {
    "localities": import_localities,
    "agencies": import_agencies,
    "task-groups": import_task_groups,
    "target-groups": import_target_groups,
    "campaign": import_campaign,
    "indicators": import_indicators,
    "targets": import_targets,
    "populations": import_populations,
}


def _report(outcome: ImportOutcome) -> int:
    for problem in outcome.problems:
        print(problem.bilingual(), file=sys.stderr if problem.severity == "error" else sys.stdout)
    print(f"{outcome.summary('vi')} / {outcome.summary('en')}")
    return 0 if outcome.ok else EXIT_REJECTED


def read_upload(path: Path, limits: ReadLimits) -> tuple[bytes | None, Problem | None, int]:
    """The file's bytes, or the problem that stops reading it and the exit code to give."""
    try:
        if path.is_dir():
            return None, file_problem("import.is_folder", str(path)), EXIT_NO_FILE
        size = path.stat().st_size
        if size > limits.max_bytes:
            problem = file_problem("import.too_large", str(path), size=size, limit=limits.max_bytes)
            return None, problem, EXIT_REJECTED
        return path.read_bytes(), None, 0
    except FileNotFoundError:
        return None, file_problem("import.not_found", str(path)), EXIT_NO_FILE
    except (OSError, ValueError) as error:  # permissions, a NUL in the path
        detail = type(error).__name__
        return None, file_problem("import.cannot_open", str(path), detail=detail), EXIT_NO_FILE


def _importer(kind: str):  # noqa: ANN202 (returns a command handler)
    def run(engine: sa.Engine, args: argparse.Namespace) -> int:
        path = Path(args.file)
        data, problem, code = read_upload(path, ReadLimits.from_settings())
        if problem is not None:
            print(problem.bilingual(), file=sys.stderr)
            return code
        try:
            actor = cli_actor(engine, args)
        except NoSuchAccount as error:
            print(error, file=sys.stderr)
            return EXIT_NO_FILE
        options = {"actor": actor, "dry_run": args.dry_run, "sheet": args.sheet}
        if kind == "reports":
            outcome = import_reports(
                engine,
                data,
                path.name,
                allow_decrease=args.allow_decrease,
                stage_code=args.stage,
                **options,
            )
        else:
            outcome = CATALOGUE_IMPORTERS[kind](engine, data, path.name, **options)
        return _report(outcome)

    return run


def _batches(engine: sa.Engine, args: argparse.Namespace) -> int:
    frame = fetch_batches(engine, limit=args.limit)
    print(frame.drop(columns="sha256").to_string(index=False))
    return 0


def _rollback(engine: sa.Engine, args: argparse.Namespace) -> int:
    try:
        done = rollback_batch(engine, args.batch_id, actor=cli_actor(engine, args))
    except NoSuchAccount as error:
        print(error, file=sys.stderr)
        return EXIT_NO_FILE
    except RollbackRefused as refused:
        print(refused.problem.bilingual(), file=sys.stderr)
        return EXIT_REJECTED
    values = {"batch": args.batch_id, **done}
    print(
        f"{message_text('rollback.done', 'vi', **values)} / "
        f"{message_text('rollback.done', 'en', **values)}"
    )
    return 0


def register(commands: argparse._SubParsersAction) -> dict:
    """Add the import commands; return their handlers."""
    handlers = {}
    for kind in ("reports", *CATALOGUE_IMPORTERS):
        parser = commands.add_parser(f"import-{kind}", help=f"validate and import a {kind} file")
        parser.add_argument("file", help="CSV (comma, semicolon or tab; UTF-8 or UTF-16) or XLSX")
        parser.add_argument("--dry-run", action="store_true", help="check only; write nothing")
        add_as_option(parser)
        parser.add_argument("--sheet", help="XLSX sheet name (default: the first)")
        if kind == "reports":
            parser.add_argument(
                "--allow-decrease",
                action="store_true",
                help="accept cumulative values lower than earlier reports",
            )
            parser.add_argument("--stage", help="stage code every date must fall in")
        handlers[f"import-{kind}"] = _importer(kind)
    batches = commands.add_parser("batches", help="list imports, newest first")
    batches.add_argument("--limit", type=int, default=50)
    handlers["batches"] = _batches
    rollback = commands.add_parser("rollback", help="undo an import batch")
    add_as_option(rollback)
    rollback.add_argument("batch_id", type=int)
    handlers["rollback"] = _rollback
    return handlers
