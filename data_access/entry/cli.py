"""`python -m data_access history --commune CODE --indicator CODE`: a value's history."""

from __future__ import annotations

import argparse

import sqlalchemy as sa

from data_access.entry.history import describe_value, fetch_value_history
from i18n import translate


def _history(engine: sa.Engine, args: argparse.Namespace) -> int:
    frame = fetch_value_history(
        engine, commune_code=args.commune.strip(), indicator_code=args.indicator.strip().upper()
    )
    if frame.empty:
        print("Chưa có lịch sử nhập liệu. / No entry history.")
        return 0
    for row in frame.itertuples():
        action = f"{translate(f'entry.action.{row.action}', 'vi')} / {row.action}"
        line = (
            f"{row.at:%Y-%m-%d %H:%M} UTC  {row.stage_code} {row.as_of.isoformat()}  "
            f"{action}  {row.user_name}"
        )
        if row.old_value or row.new_value:
            line += f"  {describe_value(row.old_value)} → {describe_value(row.new_value)}"
        if row.reason:
            line += f"  «{row.reason}»"
        print(line)
    return 0


def register(commands: argparse._SubParsersAction) -> dict:
    """Add the `history` command; return its handler."""
    history = commands.add_parser(
        "history", help="who entered, submitted, returned, approved or reopened a value"
    )
    history.add_argument("--commune", required=True, help="commune code, e.g. 40001")
    history.add_argument("--indicator", required=True, help="indicator code, e.g. CT01")
    return {"history": _history}
