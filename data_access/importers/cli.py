"""Import commands of `python -m data_access`: template, import-*, batches, rollback."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from data_access.importers.batches import ImportOutcome, fetch_batches
from data_access.importers.problems import message_text
from data_access.importers.register import import_indicators, import_localities, import_populations
from data_access.importers.rollback import RollbackRefused, rollback_batch
from data_access.importers.template import build_template_frame, template_bytes
from data_access.importers.writing import import_reports

# Exit codes: 0 done, 1 rejected (or needs confirmation), 2 not ready / bad arguments.
EXIT_REJECTED = 1


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ / not a date: {text}") from error


def _report(outcome: ImportOutcome) -> int:
    for problem in outcome.problems:
        print(problem.bilingual(), file=sys.stderr if problem.severity == "error" else sys.stdout)
    print(f"{outcome.summary('vi')} / {outcome.summary('en')}")
    return 0 if outcome.ok else EXIT_REJECTED


def _template(engine: sa.Engine, args: argparse.Namespace) -> int:
    frame = build_template_frame(engine, as_of=args.as_of, stage_code=args.stage)
    if frame.empty:
        print("Không có giai đoạn phù hợp. / No matching stage.", file=sys.stderr)
        return EXIT_REJECTED
    data = template_bytes(frame, args.format)
    if args.out:
        Path(args.out).write_bytes(data)
        print(f"{len(frame)} dòng → {args.out} / {len(frame)} rows → {args.out}")
    else:
        sys.stdout.buffer.write(data)
    return 0


def _importer(kind: str):  # noqa: ANN202 (returns a command handler)
    def run(engine: sa.Engine, args: argparse.Namespace) -> int:
        path = Path(args.file)
        data = path.read_bytes()
        options = {"user": args.user, "dry_run": args.dry_run, "sheet": args.sheet}
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
            function = {
                "localities": import_localities,
                "populations": import_populations,
                "indicators": import_indicators,
            }[kind]
            outcome = function(engine, data, path.name, **options)
        return _report(outcome)

    return run


def _batches(engine: sa.Engine, args: argparse.Namespace) -> int:
    frame = fetch_batches(engine, limit=args.limit)
    print(frame.drop(columns="sha256").to_string(index=False))
    return 0


def _rollback(engine: sa.Engine, args: argparse.Namespace) -> int:
    try:
        done = rollback_batch(engine, args.batch_id)
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
    template = commands.add_parser("template", help="write a report template for a date")
    template.add_argument("--as-of", type=_date, required=True, help="YYYY-MM-DD")
    template.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    template.add_argument("--out", help="file to write (default: standard output)")
    template.add_argument("--stage", help="stage code (default: the stage of the date)")
    handlers = {"template": _template}
    for kind in ("reports", "localities", "populations", "indicators"):
        parser = commands.add_parser(f"import-{kind}", help=f"validate and import a {kind} file")
        parser.add_argument("file", help="CSV (comma or semicolon, UTF-8) or XLSX")
        parser.add_argument("--dry-run", action="store_true", help="check only; write nothing")
        parser.add_argument("--user", default="cli", help="who imports (kept in the audit)")
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
    rollback.add_argument("batch_id", type=int)
    handlers["rollback"] = _rollback
    return handlers
