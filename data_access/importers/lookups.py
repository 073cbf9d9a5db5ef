"""What the importers look up in the database: codes, stages, populations, stored reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import frame_of, to_date_column


def _frame(connection: sa.Connection, stmt: sa.Executable) -> pd.DataFrame:
    return frame_of(connection.execute(stmt))


def fetch_locality_codes(connection: sa.Connection) -> pd.DataFrame:
    """Communes and villages with their province. Columns: code, locality_id, level,
    province_id, province_code."""
    loc = s.localities
    every = _frame(connection, sa.select(loc.c.id, loc.c.code, loc.c.level, loc.c.parent_id))
    parent = every.set_index("id")["parent_id"]
    codes = every.set_index("id")["code"]
    places = every[every["level"].isin([s.LEVEL_COMMUNE, s.LEVEL_VILLAGE])].copy()
    commune_parent = places["parent_id"].map(parent)
    places["province_id"] = places["parent_id"].where(
        places["level"] == s.LEVEL_COMMUNE, commune_parent
    )
    places["province_code"] = places["province_id"].map(codes)
    return places.rename(columns={"id": "locality_id"})[
        ["code", "locality_id", "level", "province_id", "province_code"]
    ].reset_index(drop=True)


def fetch_indicator_codes(connection: sa.Connection) -> pd.DataFrame:
    """Columns: code, indicator_id, unit, target_group_id, decimals."""
    ind = s.indicators
    stmt = sa.select(
        ind.c.code,
        ind.c.id.label("indicator_id"),
        ind.c.unit,
        ind.c.target_group_id,
        ind.c.decimals,
    )
    return _frame(connection, stmt)


def fetch_stage_spans(connection: sa.Connection) -> pd.DataFrame:
    """Columns: stage_id, code, start_date, deadline, province_id, province_code,
    indicator_ids (set of the stage's)."""
    st, tgt, cp, loc = s.stages, s.targets, s.campaigns, s.localities
    stages = _frame(
        connection,
        sa.select(
            st.c.id.label("stage_id"),
            st.c.code,
            st.c.start_date,
            st.c.deadline,
            cp.c.province_id,
            loc.c.code.label("province_code"),
        )
        .join(cp, cp.c.id == st.c.campaign_id)
        .join(loc, loc.c.id == cp.c.province_id)
        .order_by(st.c.start_date, st.c.id),
    )
    for column in ("start_date", "deadline"):
        stages[column] = to_date_column(stages[column])
    pairs = _frame(
        connection,
        sa.select(tgt.c.stage_id, tgt.c.indicator_id).where(tgt.c.locality_id.is_(None)),
    )
    members = pairs.groupby("stage_id")["indicator_id"].agg(set).to_dict()
    stages["indicator_ids"] = [members.get(i, set()) for i in stages["stage_id"]]
    return stages


def fetch_latest_populations(connection: sa.Connection) -> pd.DataFrame:
    """Each locality's latest population per target group. Columns: locality_id,
    target_group_id, population."""
    pop = s.populations
    latest = (
        sa.select(pop.c.locality_id, pop.c.target_group_id, sa.func.max(pop.c.as_of).label("d"))
        .group_by(pop.c.locality_id, pop.c.target_group_id)
        .subquery()
    )
    stmt = sa.select(pop.c.locality_id, pop.c.target_group_id, pop.c.population).join(
        latest,
        sa.and_(
            latest.c.locality_id == pop.c.locality_id,
            latest.c.target_group_id == pop.c.target_group_id,
            latest.c.d == pop.c.as_of,
        ),
    )
    return _frame(connection, stmt)


def fetch_stored_reports(
    connection: sa.Connection,
    *,
    locality_ids: Sequence[int],
    indicator_ids: Sequence[int],
    first: date,
    last: date,
) -> pd.DataFrame:
    """Stored reports of these pairs dated first..last, plus each pair's latest one before.

    Columns: report_id, locality_id, indicator_id, as_of, numerator, denominator, note, batch_id.
    """
    r = s.reports
    columns = (
        r.c.id.label("report_id"),
        r.c.locality_id,
        r.c.indicator_id,
        r.c.as_of,
        r.c.numerator,
        r.c.denominator,
        r.c.note,
        r.c.batch_id,
    )
    in_scope = sa.and_(
        r.c.locality_id.in_(list(locality_ids)), r.c.indicator_id.in_(list(indicator_ids))
    )
    window = sa.select(*columns).where(in_scope, r.c.as_of.between(first, last))
    before = (
        sa.select(r.c.locality_id, r.c.indicator_id, sa.func.max(r.c.as_of).label("d"))
        .where(in_scope, r.c.as_of < first)
        .group_by(r.c.locality_id, r.c.indicator_id)
        .subquery()
    )
    previous = sa.select(*columns).join(
        before,
        sa.and_(
            before.c.locality_id == r.c.locality_id,
            before.c.indicator_id == r.c.indicator_id,
            before.c.d == r.c.as_of,
        ),
    )
    frame = _frame(connection, sa.union_all(window, previous))
    frame["as_of"] = to_date_column(frame["as_of"])
    for column in ("numerator", "denominator"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    return frame
