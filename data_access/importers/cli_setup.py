"""Setup commands of `python -m data_access`: template, templates, check."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from data_access.importers.problems import message_text
from data_access.importers.template import build_template_frame, template_bytes
from data_access.importers.template_files import write_template_folder
from data_access.meta import fetch_is_demo
from data_access.setup_check import fetch_setup_checklist, is_complete

# `check` exits 1 while a required step is missing, so a deployment script can wait on it.
EXIT_INCOMPLETE = 1
# Said by `check` on the seeded demo, so nobody takes it for a real province.
DEMO_NOTE = (
    "Lưu ý: CSDL này chứa tỉnh mô phỏng (dữ liệu mẫu). / "
    "Note: this database holds the synthetic demo province."
)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ / not a date: {text}") from error


def _template(engine: sa.Engine, args: argparse.Namespace) -> int:
    frame = build_template_frame(
        engine, as_of=args.as_of, stage_code=args.stage, commune_codes=args.commune, lang=args.lang
    )
    if frame.empty:
        print(
            "Không có giai đoạn hoặc xã phù hợp. / No matching stage or commune.", file=sys.stderr
        )
        return 1
    data = template_bytes(frame, args.format, args.lang)
    if args.out:
        Path(args.out).write_bytes(data)
        print(f"{len(frame)} dòng → {args.out} / {len(frame)} rows → {args.out}")
    else:
        sys.stdout.buffer.write(data)
    return 0


def _templates(_engine: sa.Engine, args: argparse.Namespace) -> int:
    written = write_template_folder(Path(args.folder))
    print(f"{len(written)} tệp mẫu → {args.folder} / {len(written)} templates → {args.folder}")
    return 0


def _check(engine: sa.Engine, _args: argparse.Namespace) -> int:
    items = fetch_setup_checklist(engine)
    for number, item in enumerate(items, start=1):
        print(
            f"{number}. {item.label('vi')} / {item.label('en')}: "
            f"{item.status_text('vi')} / {item.status_text('en')} — "
            f"{item.detail_text('vi')} / {item.detail_text('en')}"
        )
        for command in item.commands:
            print(f"   python -m data_access {command}")
        if item.templates:
            print(f"   mẫu / template: {', '.join(item.templates)}")
    missing = sum(1 for item in items if item.status == "missing")
    if fetch_is_demo(engine):
        print(DEMO_NOTE)
    if is_complete(items):
        print(f"{message_text('check.complete', 'vi')} / {message_text('check.complete', 'en')}")
        return 0
    vi, en = (message_text("check.incomplete", lang, missing=missing) for lang in ("vi", "en"))
    print(f"{vi} / {en}")
    return EXIT_INCOMPLETE


def register(commands: argparse._SubParsersAction) -> dict:
    """Add the setup commands; return their handlers."""
    template = commands.add_parser("template", help="write a report template for a date")
    template.add_argument("--as-of", type=_date, required=True, help="YYYY-MM-DD")
    template.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    template.add_argument("--out", help="file to write (default: standard output)")
    template.add_argument("--stage", help="stage code (default: the stage of the date)")
    template.add_argument("--commune", nargs="+", metavar="CODE", help="only these communes")
    template.add_argument("--lang", choices=("vi", "en"), default="vi", help="header language")
    templates = commands.add_parser("templates", help="write an empty template of every kind")
    templates.add_argument("folder", nargs="?", default="templates")
    commands.add_parser("check", help="what the province has and lacks, in load order")
    return {"template": _template, "templates": _templates, "check": _check}
