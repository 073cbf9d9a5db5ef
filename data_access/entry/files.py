"""A report file uploaded by a commune officer becomes submissions, not reports: its checked
rows are stored as each (commune, date) period's entered values and submitted for approval,
so a file and a form go through the same approval (a data officer's import stays approved)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.entry.queries import Place, fetch_period
from data_access.entry.status import EDITABLE, SUBMITTED, EntryValue
from data_access.entry.steps import new_period, record, set_status, store_values
from data_access.importers.problems import Problem
from i18n import Term


def submits_files(actor: Actor) -> bool:
    """True when the actor's report files become submissions: they may upload for their own
    communes but may not import (a data officer's file, or the command line's, is approved)."""
    limits = actor.limits
    return limits is not None and not limits.may("import_reports")


def _number_text(value: float) -> str:
    """A checked number as the importer reads it back: whole, or with a decimal comma."""
    if pd.isna(value):
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")


def _place(connection: sa.Connection, locality_id: int, as_of: date) -> Place | None:
    """The commune's stage whose dates hold `as_of` (the newest such stage)."""
    loc, st, cp = s.localities, s.stages, s.campaigns
    row = connection.execute(
        sa.select(st.c.id, st.c.start_date, st.c.deadline, st.c.period_days)
        .select_from(loc)
        .join(cp, cp.c.province_id == loc.c.parent_id)
        .join(st, st.c.campaign_id == cp.c.id)
        .where(loc.c.id == locality_id, st.c.start_date <= as_of, st.c.deadline >= as_of)
        .order_by(st.c.start_date.desc())
    ).first()
    if row is None:
        return None
    return Place(locality_id, row[0], row[1], row[2], int(row[3]))


def submit_checked_rows(
    connection: sa.Connection, actor: Actor, rows: pd.DataFrame
) -> tuple[int, list[Problem]]:
    """Store and submit the checked rows (data_access.importers.reports.check_reports's
    `rows`) per commune and date, in the caller's transaction. Returns the number of periods
    submitted, or problems (a period locked, a date outside every stage) and nothing done:
    the caller rolls back."""
    problems: list[Problem] = []
    steps = []
    for (locality_id, as_of), group in rows.groupby(["locality_id", "as_of"], sort=True):
        place = _place(connection, int(locality_id), as_of)
        first = group.iloc[0]
        if place is None:
            problems.append(Problem("entry.outside_stages", row=int(first["row"]), column="as_of"))
            continue
        period = fetch_period(connection, place, as_of)
        if period is not None and period["status"] not in EDITABLE:
            status = Term(f"entry.status.{period['status']}")
            problems.append(
                Problem("entry.locked", row=int(first["row"]), params={"status": status})
            )
            continue
        values = [
            EntryValue(
                r.indicator_code,
                _number_text(r.numerator),
                _number_text(r.denominator),
                r.note if isinstance(r.note, str) else "",
            )
            for r in group.itertuples()
        ]
        ids = dict(zip(group["indicator_code"], group["indicator_id"].astype(int), strict=True))
        steps.append((place, as_of, period, values, ids))
    if problems:
        return 0, problems
    for place, as_of, period, values, ids in steps:
        if period is None:
            period_id = new_period(connection, actor, place, as_of)
        else:
            period_id = period["id"]
        store_values(connection, actor, period_id, values, ids)
        set_status(connection, actor, period_id, SUBMITTED, comment=None)
        record(connection, actor, period_id, SUBMITTED)
    return len(steps), []
