"""Queries behind the locality drill-down: villages, last reports, reporting days of communes.

Every function returns a DataFrame whose columns are listed in its docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import Bind, read_frame
from data_access.scopes import commune_scope, latest_reports, stage_indicator_ids


def _village_scope(stage_id: int, commune_codes: Sequence[str]) -> sa.Select:
    """Ids of the villages below the chosen communes of the stage's province."""
    loc = s.localities
    communes = commune_scope(stage_id, commune_codes).with_only_columns(loc.c.id)
    return sa.select(loc.c.id).where(loc.c.level == s.LEVEL_VILLAGE, loc.c.parent_id.in_(communes))


def fetch_village_reports(
    bind: Bind, *, stage_id: int, as_of: date, commune_codes: Sequence[str]
) -> pd.DataFrame:
    """Each village's latest report per stage indicator on or before `as_of` (villages that
    reported nothing have no row).

    Columns: village_code, commune_code, indicator_code, unit, target_group_code, report_date,
    numerator, denominator.
    """
    loc, ind, grp = s.localities, s.indicators, s.target_groups
    parent = loc.alias("parent")
    latest = latest_reports(
        stage_id, as_of, None, locality_ids=_village_scope(stage_id, commune_codes)
    )
    stmt = (
        sa.select(
            loc.c.code.label("village_code"),
            parent.c.code.label("commune_code"),
            ind.c.code.label("indicator_code"),
            ind.c.unit,
            grp.c.code.label("target_group_code"),
            latest.c.report_date,
            latest.c.numerator,
            latest.c.denominator,
        )
        .select_from(latest)
        .join(loc, loc.c.id == latest.c.locality_id)
        .join(parent, parent.c.id == loc.c.parent_id)
        .join(ind, ind.c.id == latest.c.indicator_id)
        .outerjoin(grp, grp.c.id == ind.c.target_group_id)
        .order_by(loc.c.code, ind.c.sort_order, ind.c.code)
    )
    return read_frame(
        bind, stmt, date_columns=("report_date",), float_columns=("numerator", "denominator")
    )


def fetch_locality_report_log(bind: Bind, *, locality_code: str, as_of: date) -> pd.DataFrame:
    """Every report of one locality (commune or village) on or before `as_of`, newest first.

    Columns: indicator_code, report_date, numerator, denominator, note, file_name, imported_at.
    """
    r, loc, ind, batch = s.reports, s.localities, s.indicators, s.import_batches
    stmt = (
        sa.select(
            ind.c.code.label("indicator_code"),
            r.c.as_of.label("report_date"),
            r.c.numerator,
            r.c.denominator,
            r.c.note,
            batch.c.file_name,
            batch.c.created_at.label("imported_at"),
        )
        .join(loc, loc.c.id == r.c.locality_id)
        .join(ind, ind.c.id == r.c.indicator_id)
        .join(batch, batch.c.id == r.c.batch_id)
        .where(loc.c.code == locality_code, r.c.as_of <= as_of)
        .order_by(r.c.as_of.desc(), ind.c.sort_order, ind.c.code)
    )
    return read_frame(
        bind,
        stmt,
        date_columns=("report_date", "imported_at"),
        float_columns=("numerator", "denominator"),
    )


def fetch_last_reports(
    bind: Bind, *, stage_id: int, as_of: date, commune_codes: Sequence[str]
) -> pd.DataFrame:
    """Each chosen commune's latest report per stage indicator, with the import batch it came in.

    Columns: commune_code, indicator_code, report_date, numerator, denominator, note,
    file_name, imported_at, imported_by.
    """
    loc, ind, batch = s.localities, s.indicators, s.import_batches
    latest = latest_reports(stage_id, as_of, commune_codes)
    stmt = (
        sa.select(
            loc.c.code.label("commune_code"),
            ind.c.code.label("indicator_code"),
            latest.c.report_date,
            latest.c.numerator,
            latest.c.denominator,
            latest.c.note,
            batch.c.file_name,
            batch.c.created_at.label("imported_at"),
            batch.c.user_name.label("imported_by"),
        )
        .select_from(latest)
        .join(loc, loc.c.id == latest.c.locality_id)
        .join(ind, ind.c.id == latest.c.indicator_id)
        .join(batch, batch.c.id == latest.c.batch_id)
        .order_by(loc.c.code, ind.c.sort_order, ind.c.code)
    )
    return read_frame(
        bind,
        stmt,
        date_columns=("report_date", "imported_at"),
        float_columns=("numerator", "denominator"),
    )


def fetch_reporting_days(
    bind: Bind, *, stage_id: int, as_of: date, commune_codes: Sequence[str] | None = None
) -> pd.DataFrame:
    """How many stage indicators each commune reported on each date from the stage's start up
    to `as_of` (and not past the deadline): the raw material of completeness per period.

    Columns: commune_code, report_date, indicators_reported.
    """
    r, st = s.reports, s.stages
    start = sa.select(st.c.start_date).where(st.c.id == stage_id).scalar_subquery()
    deadline = sa.select(st.c.deadline).where(st.c.id == stage_id).scalar_subquery()
    scope = commune_scope(stage_id, commune_codes).subquery("scope")
    stmt = (
        sa.select(
            scope.c.code.label("commune_code"),
            r.c.as_of.label("report_date"),
            sa.func.count(sa.distinct(r.c.indicator_id)).label("indicators_reported"),
        )
        .join(scope, scope.c.id == r.c.locality_id)
        .where(
            r.c.as_of <= as_of,
            r.c.as_of >= start,
            r.c.as_of <= deadline,
            r.c.indicator_id.in_(stage_indicator_ids(stage_id)),
        )
        .group_by(scope.c.code, r.c.as_of)
        .order_by(scope.c.code, r.c.as_of)
    )
    frame = read_frame(bind, stmt, date_columns=("report_date",))
    frame["indicators_reported"] = frame["indicators_reported"].astype(int)
    return frame
