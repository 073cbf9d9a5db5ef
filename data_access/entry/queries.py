"""What the entry form and the approval list read: places, periods, the form, the history.

Every function that takes an actor returns nothing for a commune outside the actor's
communes (permissions.refused_communes): a URL can never open another commune's form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.entry.status import DRAFT, EntryValue
from data_access.frames import Bind, connected, frame_of, to_date_column
from data_access.importers.lookups import fetch_latest_populations
from data_access.importers.problems import display_value
from data_access.permissions import refused_communes


@dataclass(frozen=True)
class Place:
    """A commune and a stage of its own province's campaign, with the stage's dates."""

    locality_id: int
    stage_id: int
    start_date: date
    deadline: date
    period_days: int


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def resolve_place(connection: sa.Connection, commune_code: str, stage_code: str) -> Place | None:
    """The commune and stage by code, None unless the stage is of the commune's province."""
    loc, st, cp = s.localities, s.stages, s.campaigns
    row = connection.execute(
        sa.select(loc.c.id, st.c.id, st.c.start_date, st.c.deadline, st.c.period_days)
        .select_from(loc)
        .join(cp, cp.c.province_id == loc.c.parent_id)
        .join(st, st.c.campaign_id == cp.c.id)
        .where(loc.c.code == commune_code, loc.c.level == s.LEVEL_COMMUNE, st.c.code == stage_code)
    ).first()
    if row is None:
        return None
    return Place(row[0], row[1], _as_date(row[2]), _as_date(row[3]), int(row[4]))


def period_ends(*, start: date, deadline: date, period_days: int, today: date) -> list[date]:
    """As-of dates of a stage's reporting periods that have ended by `today`, newest first
    (a period's report is dated its last day, so no date lies in the future)."""
    ends = []
    end = start + timedelta(days=period_days - 1)
    while end <= min(today, deadline):
        ends.append(end)
        end += timedelta(days=period_days)
    return ends[::-1]


def fetch_period(connection: sa.Connection, place: Place, as_of: date) -> dict | None:
    """The stored period (id, status, comment, batch_id, updated_at, updated_by), if any."""
    p = s.entry_periods
    row = (
        connection.execute(
            sa.select(p).where(
                p.c.locality_id == place.locality_id,
                p.c.stage_id == place.stage_id,
                p.c.as_of == as_of,
            )
        )
        .mappings()
        .first()
    )
    return dict(row) if row is not None else None


def fetch_stored_values(connection: sa.Connection, period_id: int) -> list[EntryValue]:
    """The period's values as typed, in the stage's indicator order."""
    v, ind = s.entry_values, s.indicators
    rows = connection.execute(
        sa.select(ind.c.code, v.c.numerator, v.c.denominator, v.c.note)
        .join(ind, ind.c.id == v.c.indicator_id)
        .where(v.c.period_id == period_id)
        .order_by(ind.c.sort_order, ind.c.code)
    ).all()
    return [EntryValue(*row) for row in rows]


@dataclass
class EntryForm:
    """A commune's form for one period: its status, the return comment, and one row per
    indicator of the stage. Columns of `rows`: indicator_code, name_vi, name_en, unit,
    last_as_of, last_numerator, last_denominator, population, numerator, denominator, note
    (the last three as typed; a new form prefills a ratio's denominator with the population)."""

    status: str
    comment: str | None
    rows: pd.DataFrame


def _stage_indicators(connection: sa.Connection, stage_id: int) -> pd.DataFrame:
    ind, tgt = s.indicators, s.targets
    result = connection.execute(
        sa.select(
            ind.c.id.label("indicator_id"),
            ind.c.code.label("indicator_code"),
            ind.c.name_vi,
            ind.c.name_en,
            ind.c.unit,
            ind.c.target_group_id,
        )
        .join(tgt, tgt.c.indicator_id == ind.c.id)
        .where(tgt.c.stage_id == stage_id, tgt.c.locality_id.is_(None))
        .order_by(ind.c.sort_order, ind.c.code)
    )
    return frame_of(result)


def _last_reports(connection: sa.Connection, locality_id: int, before: date) -> pd.DataFrame:
    r = s.reports
    latest = (
        sa.select(r.c.indicator_id, sa.func.max(r.c.as_of).label("d"))
        .where(r.c.locality_id == locality_id, r.c.as_of < before)
        .group_by(r.c.indicator_id)
        .subquery()
    )
    result = connection.execute(
        sa.select(
            r.c.indicator_id,
            r.c.as_of.label("last_as_of"),
            r.c.numerator.label("last_numerator"),
            r.c.denominator.label("last_denominator"),
        ).join(
            latest,
            sa.and_(
                latest.c.indicator_id == r.c.indicator_id,
                latest.c.d == r.c.as_of,
                r.c.locality_id == locality_id,
            ),
        )
    )
    frame = frame_of(result)
    frame["last_as_of"] = to_date_column(frame["last_as_of"])
    return frame


def fetch_entry_form(
    bind: Bind, *, actor: Actor, commune_code: str, stage_code: str, as_of: date
) -> EntryForm | None:
    """The form of `commune_code` for the period ending `as_of`; None when the actor may not
    enter for that commune or the commune and stage do not belong together."""
    with connected(bind) as connection:
        if refused_communes(connection, actor, [commune_code]):
            return None
        place = resolve_place(connection, commune_code, stage_code)
        if place is None:
            return None
        period = fetch_period(connection, place, as_of)
        rows = _stage_indicators(connection, place.stage_id)
        rows = rows.merge(_last_reports(connection, place.locality_id, as_of), how="left")
        populations = fetch_latest_populations(connection)
        mine = populations[populations["locality_id"] == place.locality_id]
        rows["population"] = rows["target_group_id"].map(
            mine.set_index("target_group_id")["population"]
        )
        stored = {}
        if period is not None:
            stored = {v.indicator_code: v for v in fetch_stored_values(connection, period["id"])}
    for column in ("numerator", "denominator", "note"):
        rows[column] = [getattr(stored.get(c), column, "") for c in rows["indicator_code"]]
    if period is None:
        prefill = (rows["unit"] == "percent") & rows["population"].notna()
        rows.loc[prefill, "denominator"] = rows.loc[prefill, "population"].map(display_value)
    rows = rows.drop(columns=["indicator_id", "target_group_id"])
    if period is None:
        return EntryForm(DRAFT, None, rows)
    return EntryForm(period["status"], period["comment"], rows)


def fetch_entry_periods(
    bind: Bind, *, actor: Actor, stage_code: str, statuses: Sequence[str] | None = None
) -> pd.DataFrame:
    """Periods entered for the stage within the actor's communes, newest first. Columns:
    commune_code, commune_name, as_of, status, comment, updated_at, updated_by, batch_id."""
    p, loc, st = s.entry_periods, s.localities, s.stages
    stmt = (
        sa.select(
            loc.c.code.label("commune_code"),
            loc.c.name.label("commune_name"),
            p.c.as_of,
            p.c.status,
            p.c.comment,
            p.c.updated_at,
            p.c.updated_by,
            p.c.batch_id,
        )
        .join(loc, loc.c.id == p.c.locality_id)
        .join(st, st.c.id == p.c.stage_id)
        .where(st.c.code == stage_code)
        .order_by(p.c.as_of.desc(), loc.c.code)
    )
    if statuses is not None:
        stmt = stmt.where(p.c.status.in_(list(statuses)))
    with connected(bind) as connection:
        result = connection.execute(stmt)
        frame = frame_of(result)
        refused = refused_communes(connection, actor, frame["commune_code"].unique())
    frame["as_of"] = to_date_column(frame["as_of"])
    return frame[~frame["commune_code"].isin(refused)].reset_index(drop=True)
