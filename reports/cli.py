"""Command line: `python -m reports brief --out FILE.pdf [options]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa

from data_access.bootstrap import DatabaseNotReady, prepare_database
from data_access.engine import create_db_engine
from figures.requests import parse_url_date
from i18n import bilingual, translate
from reports.content import BriefInputError

# Exit codes: 2 for a wrong option (as argparse uses), 3 when the database cannot serve.
EXIT_BAD_INPUT, EXIT_DATABASE = 2, 3


def build_parser() -> argparse.ArgumentParser:
    """The parser of `python -m reports`."""
    parser = argparse.ArgumentParser(
        prog="python -m reports",
        description="Báo cáo in / Printable reports. "
        "DATABASE_URL selects the database (default: SQLite file data/dashboard.db).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    brief = commands.add_parser("brief", help="meeting brief (PDF) / báo cáo tóm tắt cuộc họp")
    brief.add_argument("--out", required=True, help="PDF file to write")
    brief.add_argument("--as-of", help="figures as of YYYY-MM-DD (default: newest report)")
    brief.add_argument(
        "--since",
        help="last meeting YYYY-MM-DD (default: the last stored meeting's as-of, "
        "else as-of minus 14 days)",
    )
    brief.add_argument("--agency", help="only this responsible agency's indicators, e.g. CA")
    brief.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (default vi)")
    brief.add_argument("--stage", help="stage code, e.g. GD2-2026 (default: from the as-of date)")
    brief.add_argument("--commune", nargs="+", default=None, help="5-digit commune code(s)")
    return parser


def _date_option(text: str | None, option: str) -> object:
    if text is None:
        return None
    parsed = parse_url_date(text)
    if parsed is None:
        raise BriefInputError("brief.error.bad_date", value=text, option=option)
    return parsed


def _brief(engine: sa.Engine, args: argparse.Namespace) -> int:
    from reports.brief import build_brief_pdf

    pdf = build_brief_pdf(
        engine,
        lang=args.lang,
        as_of=_date_option(args.as_of, "--as-of"),
        since=_date_option(args.since, "--since"),
        stage_code=args.stage,
        agency_code=args.agency,
        commune_codes=args.commune,
    )
    out = Path(args.out)
    try:
        out.write_bytes(pdf)
    except OSError as error:
        print(bilingual("brief.error.write", path=out, reason=error.strerror), file=sys.stderr)
        return EXIT_BAD_INPUT
    size = f"{len(pdf) / 1024:.0f}"
    print(translate("brief.done", args.lang, path=out, size=size))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code; wrong input gives a message, not a traceback."""
    args = build_parser().parse_args(argv)
    engine = create_db_engine()
    try:
        prepare_database(engine)
        return _brief(engine, args)
    except BriefInputError as error:
        print(bilingual(error.key, **error.values), file=sys.stderr)
        return EXIT_BAD_INPUT
    except DatabaseNotReady as error:
        print(error, file=sys.stderr)
        return EXIT_DATABASE
    except sa.exc.SQLAlchemyError as error:
        reason = str(error.orig if getattr(error, "orig", None) else error).splitlines()[0]
        print(bilingual("brief.error.database", reason=reason), file=sys.stderr)
        return EXIT_DATABASE
    finally:
        engine.dispose()
